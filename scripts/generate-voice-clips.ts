/**
 * Regenerates the call display's voice clips with espeak-ng and sox.
 *
 *   npx tsx scripts/generate-voice-clips.ts [--voice vi|vi-vn-x-central|vi-vn-x-south] [--speed N]
 *        [--template "Xin mời số {number} đến quầy {counter}"] [--english-template "..."]
 *
 * Without --voice every Vietnamese voice is generated. Each voice folder
 * `display/voice/clips/<voice>/` is rebuilt from nothing: one Ogg Vorbis file per clip (mono,
 * 16 kHz, leading and trailing silence trimmed, then a short fixed tail so words joined
 * back-to-back do not run into each other), the chime, and `manifest.json` (clip id → file).
 * English clips use espeak-ng's `en` voice in every folder, so a folder is complete on its own.
 * A custom template's phrases are added with --template / --english-template.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHIME_CLIP, type ClipLanguage } from '../protocol/voice/clip-id.ts';
import { spokenClipInventory } from '../display/voice/clip-inventory.ts';
import { DEFAULT_ENGLISH_TEMPLATE, DEFAULT_VIETNAMESE_TEMPLATE } from '../protocol/voice/announcement-template.ts';
import { CLIP_VOICES, type ClipVoice } from '../protocol/voice/voice-config.ts';
import type { ClipManifest } from '../display/voice/clip-manifest.ts';

const SAMPLE_RATE = 16_000;
/** Vorbis quality (-1…10): 1 keeps speech clear at a few kB a word. */
const VORBIS_QUALITY = '1';
/** Below this level (-60 dBFS) audio counts as silence; espeak pads with digital silence. */
const SILENCE_THRESHOLD = '0.1%';
const SPEECH_PEAK_DB = '-1';
/** The chime sits a little below the voice so it announces without startling. */
const CHIME_PEAK_DB = '-4';
const WORD_TAIL_SECONDS = 0.04;
const PHRASE_TAIL_SECONDS = 0.12;
const ENGLISH_VOICE = 'en';

const root = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    voice: { type: 'string' },
    speed: { type: 'string', default: '150' },
    template: { type: 'string', multiple: true, default: [] },
    'english-template': { type: 'string', multiple: true, default: [] },
  },
});

const speed = Number(values.speed);
if (!Number.isInteger(speed) || speed < 80 || speed > 450) fail(`--speed must be words per minute from 80 to 450, got ${values.speed}`);
const voices: readonly ClipVoice[] = values.voice === undefined ? CLIP_VOICES : [parseVoice(values.voice)];
for (const tool of ['espeak-ng', 'sox']) {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
  } catch {
    fail(`${tool} is not installed (apt-get install espeak-ng sox libsox-fmt-all)`);
  }
}

const inventory = spokenClipInventory({
  vi: [DEFAULT_VIETNAMESE_TEMPLATE, ...values.template],
  en: [DEFAULT_ENGLISH_TEMPLATE, ...values['english-template']],
});
const work = mkdtempSync(join(tmpdir(), 'motcua-voice-'));
try {
  for (const voice of voices) generateVoice(voice);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function generateVoice(voice: ClipVoice): void {
  const folder = join(root, 'display/voice/clips', voice);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const manifest: ClipManifest = { voice, englishVoice: ENGLISH_VOICE, speed, sampleRate: SAMPLE_RATE, clips: {} };

  const chimeWav = join(work, 'chime.wav');
  writeFileSync(chimeWav, chimeWaveFile(SAMPLE_RATE));
  manifest.clips[CHIME_CLIP] = encode(chimeWav, join(folder, 'chime.ogg'), null);

  for (const clip of inventory) {
    const raw = join(work, 'clip.wav');
    execFileSync('espeak-ng', [
      '-v',
      clip.language === 'vi' ? voice : ENGLISH_VOICE,
      '-s',
      String(speed),
      '-w',
      raw,
      synthesisText(clip.language, clip.text),
    ]);
    const file = `${clip.language}-${slug(clip.text)}-${fnv1a(clip.id)}.ogg`;
    const tail = clip.text.includes(' ') ? PHRASE_TAIL_SECONDS : WORD_TAIL_SECONDS;
    manifest.clips[clip.id] = encode(raw, join(folder, file), tail);
  }
  manifest.clips = Object.fromEntries(Object.entries(manifest.clips).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const kilobytes = readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0) / 1024;
  process.stdout.write(`${voice}: ${Object.keys(manifest.clips).length} clips, ${kilobytes.toFixed(0)} kB in ${folder}\n`);
}

/** Encodes to mono 16 kHz Vorbis; `tail` null keeps the audio as is (the chime). */
function encode(input: string, output: string, tail: number | null): { file: string; durationMs: number } {
  const trim = ['silence', '1', '0.005', SILENCE_THRESHOLD, 'reverse', 'silence', '1', '0.005', SILENCE_THRESHOLD, 'reverse'];
  const effects = tail === null ? ['gain', '-n', CHIME_PEAK_DB] : [...trim, 'pad', '0', String(tail), 'gain', '-n', SPEECH_PEAK_DB];
  // Peak-normalising every clip keeps the words of one sentence at one level; it runs before
  // resampling, which then has the 1 dB headroom it needs not to clip. -R (repeatable) fixes the
  // Ogg stream serial and dither seed, so regenerating unchanged clips changes no committed byte.
  execFileSync('sox', ['-R', input, '-C', VORBIS_QUALITY, '-c', '1', output, ...effects, 'rate', String(SAMPLE_RATE)]);
  const seconds = Number(execFileSync('soxi', ['-D', output], { encoding: 'utf8' }).trim());
  if (!(seconds > 0.05)) fail(`${output} is empty after trimming silence`);
  return { file: output.slice(output.lastIndexOf('/') + 1), durationMs: Math.round(seconds * 1000) };
}

/** Letter names are written with hyphens ("e-lờ"); espeak must say them as separate syllables. */
function synthesisText(language: ClipLanguage, text: string): string {
  return language === 'vi' ? text.replaceAll('-', ' ') : text;
}

/** An ASCII file-name stem: diacritics dropped, đ → d ("mười" → "muoi"). The hash keeps "mươi" apart. */
function slug(text: string): string {
  const ascii = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase();
  return (
    ascii
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-|-$/gu, '')
      .slice(0, 40) || 'clip'
  );
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0').slice(0, 6);
}

/**
 * A two-tone "ding-dong" (E5 then C5) as a 16-bit PCM WAV file. Each tone is a bell: the
 * fundamental plus two soft partials, with a 5 ms attack and an exponential decay, so it cuts
 * through hall noise without the harshness of a square wave.
 */
function chimeWaveFile(sampleRate: number): Buffer {
  const tones = [
    { start: 0, frequency: 659.25, length: 0.9 },
    { start: 0.45, frequency: 523.25, length: 1.2 },
  ];
  const total = Math.ceil(sampleRate * 1.65);
  const samples = new Float64Array(total);
  for (const tone of tones) {
    for (let i = 0; i < tone.length * sampleRate; i += 1) {
      const t = i / sampleRate;
      const envelope = Math.min(1, t / 0.005) * Math.exp(-t * 3.2);
      const wave =
        Math.sin(2 * Math.PI * tone.frequency * t) +
        0.35 * Math.sin(2 * Math.PI * tone.frequency * 2 * t) * Math.exp(-t * 4) +
        0.15 * Math.sin(2 * Math.PI * tone.frequency * 3 * t) * Math.exp(-t * 6);
      const index = Math.floor(tone.start * sampleRate) + i;
      if (index < total) samples[index] = (samples[index] ?? 0) + 0.4 * envelope * wave;
    }
  }
  const data = Buffer.alloc(total * 2);
  samples.forEach((sample, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, sample)) * 32767), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

function parseVoice(name: string): ClipVoice {
  const found = CLIP_VOICES.find((voice) => voice === name);
  if (found === undefined) fail(`--voice must be one of ${CLIP_VOICES.join(', ')}, got ${name}`);
  return found;
}

function fail(message: string): never {
  process.stderr.write(`generate-voice-clips: ${message}\n`);
  process.exit(1);
}
