/**
 * The silences a listener hears in a call, found in the audio itself: the call's steps (clips
 * and pauses, as a board plays them) rendered into one signal, then every run of 10 ms frames
 * quieter than -50 dBFS. Each silence is named by the clip it follows, so a report shows the
 * short gaps inside a number and the longer ones that end it.
 */
import type { PlayStep } from '../../client/voice/audio-sink.ts';
import type { MonoAudio } from '../../protocol/voice/mono-audio.ts';

/** A silence of at least `minMs`, after the clip `after`. */
export interface Silence {
  after: string;
  ms: number;
}

const FRAME_MS = 10;
const SILENT_DB = -50;

/** Renders `steps` with `clips` (id → audio, one sample rate) and lists the silences of at least `minMs`. */
export function callSilences(steps: readonly PlayStep[], clips: ReadonlyMap<string, MonoAudio>, minMs = 20): Silence[] {
  const rate = [...clips.values()][0]?.sampleRate ?? 16_000;
  const parts: Array<{ samples: Float32Array; label: string }> = steps.map((step) =>
    step.kind === 'pause'
      ? { samples: new Float32Array(Math.round((step.ms / 1000) * rate)), label: '' }
      : { samples: clips.get(step.clipId)?.samples ?? new Float32Array(0), label: step.clipId },
  );
  const frame = Math.round((rate * FRAME_MS) / 1000);
  const silences: Silence[] = [];
  let last = '';
  let quietFrames = 0;
  const flush = () => {
    if (quietFrames * FRAME_MS >= minMs && last !== '') silences.push({ after: last, ms: quietFrames * FRAME_MS });
    quietFrames = 0;
  };
  let carry: number[] = [];
  for (const part of parts) {
    const samples = [...carry, ...part.samples];
    let i = 0;
    for (; i + frame <= samples.length; i += frame) {
      let sum = 0;
      for (let j = i; j < i + frame; j += 1) sum += samples[j]! ** 2;
      if (10 * Math.log10(sum / frame) < SILENT_DB) quietFrames += 1;
      else {
        flush();
        if (part.label) last = part.label;
      }
    }
    carry = samples.slice(i);
  }
  return silences;
}
