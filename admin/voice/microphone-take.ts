/**
 * One take from the browser's microphone: started by the announcer's tap, stopped by the next,
 * with the input level while it runs so the announcer sees the microphone hears them. The
 * browser's own processing is turned off: echo cancellation and automatic gain would pump the
 * level between words, and the server levels every clip anyway.
 */

/** A take in progress. */
export interface MicrophoneTake {
  /** The input's level now, 0 to 1 (peak of the last frame). */
  level(): number;
  /** Ends the take; resolves with what was recorded (the browser's format, e.g. WebM/Opus). */
  stop(): Promise<Blob>;
  /** Ends the take and throws away what was recorded. */
  cancel(): void;
}

/** Opens the microphone and starts recording. Rejects when there is no microphone or the browser refuses it. */
export async function startTake(): Promise<MicrophoneTake> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  context.createMediaStreamSource(stream).connect(analyser);
  const frame = new Float32Array(analyser.fftSize);
  const recorder = new MediaRecorder(stream);
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
  recorder.start();
  const release = (): void => {
    for (const track of stream.getTracks()) track.stop();
    void context.close();
  };
  return {
    level() {
      analyser.getFloatTimeDomainData(frame);
      return frame.reduce((peak, sample) => Math.max(peak, Math.abs(sample)), 0);
    },
    stop: () =>
      new Promise((resolve) => {
        recorder.addEventListener('stop', () => {
          release();
          resolve(new Blob(chunks, { type: recorder.mimeType }));
        });
        recorder.stop();
      }),
    cancel() {
      recorder.stop();
      release();
    },
  };
}
