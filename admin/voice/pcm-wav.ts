/**
 * Turns whatever the announcer recorded or uploaded (the browser's WebM/Opus from the
 * microphone, an MP3, M4A, OGG or WAV file) into the one form the server takes: a mono 24 kHz
 * PCM WAV file. The browser has the decoders; the server then trims and levels the PCM
 * (server/voice/clip-intake.ts), so every clip goes through one intake whatever its source.
 */
import { writeWav } from '../../protocol/voice/wav-file.ts';

/** Enough for a human voice, half the bytes of 48 kHz. */
export const UPLOAD_SAMPLE_RATE = 24_000;

/** Decodes `data` and resamples it, mixed to one channel, as a WAV file. */
export async function toPcmWav(data: ArrayBuffer): Promise<Uint8Array<ArrayBuffer>> {
  const decoded = await new OfflineAudioContext(1, 1, UPLOAD_SAMPLE_RATE).decodeAudioData(data);
  const frames = Math.max(1, Math.ceil(decoded.duration * UPLOAD_SAMPLE_RATE));
  // A one-channel destination mixes a stereo source down (½ L + ½ R), as Web Audio specifies.
  const render = new OfflineAudioContext(1, frames, UPLOAD_SAMPLE_RATE);
  const source = render.createBufferSource();
  source.buffer = decoded;
  source.connect(render.destination);
  source.start();
  const rendered = await render.startRendering();
  return writeWav({ sampleRate: UPLOAD_SAMPLE_RATE, samples: rendered.getChannelData(0) });
}
