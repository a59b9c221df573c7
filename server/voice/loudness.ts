/**
 * Loudness after ITU-R BS.1770-4, the measure EBU R128 is built on: K-weighting (a high shelf
 * for the head's effect and a high-pass that ignores rumble), mean square over 400 ms blocks
 * overlapping by 75 %, then an absolute gate at -70 LUFS and a relative gate 10 LU below the
 * mean of what passed. Written out here because it is short, and because the clip generator
 * and the server's voice-pack intake must measure exactly alike.
 *
 * One departure, for word clips: a clip shorter than one 400 ms block (a single "ba", "tư") is
 * measured as one block of its own length, where the standard would give no reading at all.
 */
import type { MonoAudio } from '../../protocol/voice/mono-audio.ts';

const BLOCK_SECONDS = 0.4;
const STEP_SECONDS = 0.1;
const ABSOLUTE_GATE_LUFS = -70;
const RELATIVE_GATE_LU = 10;

interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/**
 * The two K-weighting filters for `sampleRate`. BS.1770 gives coefficients for 48 kHz only;
 * these come from the same analogue prototypes (shelf at 1681.97 Hz, +4 dB; high-pass at
 * 38.14 Hz) through the bilinear transform, and match the standard's table at 48 kHz.
 */
function kWeighting(sampleRate: number): [Biquad, Biquad] {
  const shelfK = Math.tan((Math.PI * 1681.974450955533) / sampleRate);
  const shelfQ = 0.7071752369554196;
  const vh = 10 ** (3.999843853973347 / 20);
  const vb = vh ** 0.4996667741545416;
  const shelfA0 = 1 + shelfK / shelfQ + shelfK * shelfK;
  const shelf: Biquad = {
    b0: (vh + (vb * shelfK) / shelfQ + shelfK * shelfK) / shelfA0,
    b1: (2 * (shelfK * shelfK - vh)) / shelfA0,
    b2: (vh - (vb * shelfK) / shelfQ + shelfK * shelfK) / shelfA0,
    a1: (2 * (shelfK * shelfK - 1)) / shelfA0,
    a2: (1 - shelfK / shelfQ + shelfK * shelfK) / shelfA0,
  };
  const passK = Math.tan((Math.PI * 38.13547087602444) / sampleRate);
  const passQ = 0.5003270373238773;
  const passA0 = 1 + passK / passQ + passK * passK;
  const highPass: Biquad = {
    b0: 1,
    b1: -2,
    b2: 1,
    a1: (2 * (passK * passK - 1)) / passA0,
    a2: (1 - passK / passQ + passK * passK) / passA0,
  };
  return [shelf, highPass];
}

function filter(input: Float64Array, { b0, b1, b2, a1, a2 }: Biquad): Float64Array {
  const output = new Float64Array(input.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < input.length; i += 1) {
    const x = input[i]!;
    const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    output[i] = y;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
  }
  return output;
}

const toLufs = (meanSquare: number): number => -0.691 + 10 * Math.log10(meanSquare);

/** Integrated loudness of a mono clip in LUFS; `-Infinity` when nothing passes the absolute gate. */
export function integratedLoudness(audio: MonoAudio): number {
  const [shelf, highPass] = kWeighting(audio.sampleRate);
  const weighted = filter(filter(Float64Array.from(audio.samples), shelf), highPass);
  const squares = new Float64Array(weighted.length + 1);
  for (let i = 0; i < weighted.length; i += 1) squares[i + 1] = squares[i]! + weighted[i]! * weighted[i]!;
  const block = Math.round(BLOCK_SECONDS * audio.sampleRate);
  const step = Math.round(STEP_SECONDS * audio.sampleRate);
  const blocks: number[] = [];
  if (weighted.length === 0) return Number.NEGATIVE_INFINITY;
  if (weighted.length < block) blocks.push(squares[weighted.length]! / weighted.length);
  for (let start = 0; start + block <= weighted.length; start += step) blocks.push((squares[start + block]! - squares[start]!) / block);

  const audible = blocks.filter((z) => toLufs(z) > ABSOLUTE_GATE_LUFS);
  if (audible.length === 0) return Number.NEGATIVE_INFINITY;
  const relativeGate = toLufs(mean(audible)) - RELATIVE_GATE_LU;
  return toLufs(mean(audible.filter((z) => toLufs(z) > relativeGate)));
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
