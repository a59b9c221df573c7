import { describe, expect, it } from 'vitest';
import {
  levelLoudness,
  PEAK_CEILING_DB,
  prepareSpokenClip,
  SPEECH_LOUDNESS_LUFS,
  trimSilence,
} from '../../../server/voice/clip-levelling.ts';
import { integratedLoudness } from '../../../server/voice/loudness.ts';
import { durationMs, samplePeakDb, type MonoAudio } from '../../../protocol/voice/mono-audio.ts';
import { readWav, writeWav } from '../../../protocol/voice/wav-file.ts';

const tone = (sampleRate: number, seconds: number, amplitude: number, hz = 997): Float32Array =>
  Float32Array.from({ length: Math.round(sampleRate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / sampleRate));
const joined = (...parts: Float32Array[]): Float32Array => {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

describe('BS.1770 loudness', () => {
  it.each([48_000, 44_100, 24_000, 16_000])('reads a full-scale 997 Hz sine at %i Hz as -3.01 LUFS', (rate) => {
    expect(integratedLoudness({ sampleRate: rate, samples: tone(rate, 2, 1) })).toBeCloseTo(-3.01, 1);
    expect(integratedLoudness({ sampleRate: rate, samples: tone(rate, 2, 0.1) })).toBeCloseTo(-23.01, 1);
  });

  it('weights highs up and rumble down (K-weighting)', () => {
    const rate = 48_000;
    const at = (hz: number) => integratedLoudness({ sampleRate: rate, samples: tone(rate, 2, 0.1, hz) });
    expect(at(4000) - at(997)).toBeGreaterThan(3);
    expect(at(30) - at(997)).toBeLessThan(-3);
  });

  it('gates silence out, absolutely and relatively', () => {
    const rate = 16_000;
    const alone = integratedLoudness({ sampleRate: rate, samples: tone(rate, 1, 0.1) });
    // Ungated, three seconds of silence would pull the reading 6 dB down; only the blocks that
    // straddle the edge of the tone count a little.
    const withSilence = integratedLoudness({ sampleRate: rate, samples: joined(new Float32Array(rate * 3), tone(rate, 1, 0.1)) });
    expect(Math.abs(withSilence - alone)).toBeLessThan(1);
    // A part 30 dB down is under the relative gate and does not pull the reading down either.
    const withHum = integratedLoudness({ sampleRate: rate, samples: joined(tone(rate, 1, 0.1), tone(rate, 3, 0.003)) });
    expect(Math.abs(withHum - alone)).toBeLessThan(1);
    expect(integratedLoudness({ sampleRate: rate, samples: new Float32Array(rate) })).toBe(Number.NEGATIVE_INFINITY);
  });

  it('measures a clip shorter than one block as one block', () => {
    expect(integratedLoudness({ sampleRate: 16_000, samples: tone(16_000, 0.2, 0.1) })).toBeCloseTo(-23.0, 0);
  });
});

describe('clip levelling', () => {
  const rate = 24_000;
  const word: MonoAudio = {
    sampleRate: rate,
    samples: joined(new Float32Array(rate / 2), tone(rate, 0.4, 0.02, 220), new Float32Array(rate)),
  };

  it('cuts the silence at both ends, keeping a short lead and tail', () => {
    const trimmed = trimSilence(word);
    expect(durationMs(trimmed)).toBeGreaterThan(400);
    expect(durationMs(trimmed)).toBeLessThan(480);
    expect(trimmed.samples[0]).toBe(0);
  });

  it('brings a quiet clip to the speech loudness', () => {
    const prepared = prepareSpokenClip(word);
    expect(prepared?.loudnessLufs).toBeCloseTo(SPEECH_LOUDNESS_LUFS, 1);
    expect(prepared?.gainDb).toBeGreaterThan(10);
  });

  it('stops at the peak ceiling rather than distort', () => {
    const spiky: MonoAudio = { sampleRate: rate, samples: joined(tone(rate, 1, 0.002), Float32Array.of(0.5), tone(rate, 1, 0.002)) };
    const levelled = levelLoudness(spiky, SPEECH_LOUDNESS_LUFS);
    expect(levelled?.peakDb).toBeCloseTo(PEAK_CEILING_DB, 3);
    expect(levelled!.loudnessLufs).toBeLessThan(SPEECH_LOUDNESS_LUFS);
  });

  it('has nothing to level in silence', () => {
    expect(prepareSpokenClip({ sampleRate: rate, samples: new Float32Array(rate) })).toBeNull();
  });
});

describe('WAV files', () => {
  it('reads back what it writes, at 16-bit precision', () => {
    const audio: MonoAudio = { sampleRate: 24_000, samples: tone(24_000, 0.1, 0.5) };
    const read = readWav(writeWav(audio));
    if (!read.ok) throw new Error(read.problem);
    expect(read.audio.sampleRate).toBe(24_000);
    expect(read.audio.samples.length).toBe(audio.samples.length);
    expect(samplePeakDb(read.audio)).toBeCloseTo(samplePeakDb(audio), 2);
  });

  it('mixes a stereo 32-bit float file down to mono', () => {
    const frames = 4;
    const bytes = new Uint8Array(44 + frames * 8);
    const view = new DataView(bytes.buffer);
    const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
    text(0, 'RIFF');
    view.setUint32(4, bytes.length - 8, true);
    text(8, 'WAVEfmt ');
    view.setUint32(16, 16, true);
    view.setUint16(20, 3, true);
    view.setUint16(22, 2, true);
    view.setUint32(24, 48_000, true);
    view.setUint16(34, 32, true);
    text(36, 'data');
    view.setUint32(40, frames * 8, true);
    for (let i = 0; i < frames; i += 1) {
      view.setFloat32(44 + i * 8, 0.5, true);
      view.setFloat32(48 + i * 8, -0.1, true);
    }
    const read = readWav(bytes);
    if (!read.ok) throw new Error(read.problem);
    expect([...read.audio.samples].map((s) => Math.round(s * 100) / 100)).toEqual([0.2, 0.2, 0.2, 0.2]);
  });

  it('refuses what is not a PCM WAV file', () => {
    expect(readWav(new TextEncoder().encode('OggS not a wave file'))).toEqual({ ok: false, problem: 'not_wav' });
    const adpcm = writeWav({ sampleRate: 16_000, samples: new Float32Array(10) });
    new DataView(adpcm.buffer).setUint16(20, 2, true);
    expect(readWav(adpcm)).toEqual({ ok: false, problem: 'unsupported_format' });
  });
});
