/**
 * PCM WAV files: read the ones a browser or espeak-ng writes, write the ones the voice pack
 * keeps (16-bit mono). Only uncompressed PCM is read: the admin's recording page decodes
 * whatever the announcer recorded or uploaded and sends it written by this module, so the
 * server needs no codec.
 */
import type { MonoAudio } from './mono-audio.ts';

/** Why a file is not a WAV file the voice pack can take; each is an i18n key under `voice:pack.`. */
export type WavProblem = 'not_wav' | 'unsupported_format' | 'no_audio';

const PCM = 1;
const FLOAT = 3;
const EXTENSIBLE = 0xfffe;

interface Format {
  encoding: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
}

/** Reads a PCM WAV file (8/16/24/32-bit integer or 32-bit float, any channel count) and mixes it to mono. */
export function readWav(bytes: Uint8Array): { ok: true; audio: MonoAudio } | { ok: false; problem: WavProblem } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return { ok: false, problem: 'not_wav' };
  let format: Format | null = null;
  let data: Uint8Array | null = null;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + size));
    if (id === 'fmt ' && body.length >= 16) {
      const fmt = new DataView(body.buffer, body.byteOffset, body.byteLength);
      const tagged = fmt.getUint16(0, true);
      // WAVE_FORMAT_EXTENSIBLE keeps the real encoding in the first two bytes of its sub-format GUID.
      const encoding = tagged === EXTENSIBLE && body.length >= 26 ? fmt.getUint16(24, true) : tagged;
      format = { encoding, channels: fmt.getUint16(2, true), sampleRate: fmt.getUint32(4, true), bitsPerSample: fmt.getUint16(14, true) };
    } else if (id === 'data') {
      data = body;
    }
    // Chunks are padded to an even length.
    at += 8 + size + (size % 2);
  }
  if (format === null || data === null) return { ok: false, problem: 'not_wav' };
  const read = sampleReader(format);
  if (read === null || format.channels < 1 || format.sampleRate < 8000 || format.sampleRate > 192_000) {
    return { ok: false, problem: 'unsupported_format' };
  }
  const frameBytes = (format.bitsPerSample / 8) * format.channels;
  const frames = Math.floor(data.length / frameBytes);
  if (frames === 0) return { ok: false, problem: 'no_audio' };
  const samples = new Float32Array(frames);
  const dataView = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let frame = 0; frame < frames; frame += 1) {
    let sum = 0;
    for (let channel = 0; channel < format.channels; channel += 1) {
      sum += read(dataView, frame * frameBytes + (channel * format.bitsPerSample) / 8);
    }
    samples[frame] = sum / format.channels;
  }
  return { ok: true, audio: { sampleRate: format.sampleRate, samples } };
}

function sampleReader(format: Format): ((view: DataView, at: number) => number) | null {
  const { encoding, bitsPerSample: bits } = format;
  if (encoding === FLOAT && bits === 32) return (view, at) => view.getFloat32(at, true);
  if (encoding !== PCM) return null;
  if (bits === 8) return (view, at) => (view.getUint8(at) - 128) / 128;
  if (bits === 16) return (view, at) => view.getInt16(at, true) / 32_768;
  if (bits === 24)
    return (view, at) => ((view.getUint8(at + 2) << 24) | (view.getUint8(at + 1) << 16) | (view.getUint8(at) << 8)) / 2 ** 31;
  if (bits === 32) return (view, at) => view.getInt32(at, true) / 2 ** 31;
  return null;
}

/** Writes `audio` as a 16-bit mono PCM WAV file; samples beyond full scale are clipped. */
export function writeWav(audio: MonoAudio): Uint8Array<ArrayBuffer> {
  const dataBytes = audio.samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const text = (at: number, value: string) => {
    for (let i = 0; i < value.length; i += 1) bytes[at + i] = value.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, PCM, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, audio.sampleRate, true);
  view.setUint32(28, audio.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  audio.samples.forEach((sample, i) => view.setInt16(44 + i * 2, Math.round(Math.max(-1, Math.min(1, sample)) * 32_767), true));
  return bytes;
}
