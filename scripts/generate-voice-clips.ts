/**
 * Regenerates the call display's voice clips with espeak-ng and sox.
 *
 *   npx tsx scripts/generate-voice-clips.ts [--voice vi|vi-vn-x-central|vi-vn-x-south] [--speed N]
 *        [--template "Xin mời số {number} đến quầy {counter}"] [--english-template "..."]
 *
 * Without --voice every Vietnamese voice is generated. Each voice folder
 * `client/voice/clips/<voice>/` is rebuilt from nothing: one Ogg Vorbis file per clip (mono,
 * 16 kHz), the chime, and `manifest.json` (clip id → file, length, loudness, espeak's phonemes).
 * Every spoken clip goes through the same intake as a recorded one (server/voice/clip-levelling.ts):
 * silence trimmed, loudness brought to -23 LUFS; the chime sits 5 LU below. Pauses between words
 * are not baked into the clips: the player places them (client/voice/pacing.ts).
 * English clips use espeak-ng's `en` voice in every folder, so a folder is complete on its own.
 * A custom template's phrases are added with --template / --english-template.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHIME_CLIP, type ClipLanguage } from '../protocol/voice/clip-id.ts';
import { BUILT_IN_TEMPLATES, spokenClipInventory } from './voice/clip-inventory.ts';
import type { ClipEntry, ClipManifest } from '../protocol/voice/clip-manifest.ts';
import { CLIP_VOICES, type ClipVoice } from '../protocol/voice/dialect.ts';
import { CHIME_LOUDNESS_LUFS, levelLoudness, prepareSpokenClip, SPEECH_LOUDNESS_LUFS } from '../server/voice/clip-levelling.ts';
import { integratedLoudness } from '../server/voice/loudness.ts';
import { durationMs, samplePeakDb, withGain, type MonoAudio } from '../protocol/voice/mono-audio.ts';
import { readWav, writeWav } from '../protocol/voice/wav-file.ts';
import { chimeSound } from './voice/chime-sound.ts';

const SAMPLE_RATE = 16_000;
/** Vorbis quality (-1…10): 1 keeps speech clear at a few kB a word. */
const VORBIS_QUALITY = '1';
/** Lossy encoding moves loudness a little; past this (LU) the clip is encoded again with the difference made up. */
const LOUDNESS_TOLERANCE_LU = 0.3;
const ENGLISH_VOICE = 'en';
/**
 * espeak-ng reads the syllable "gi" alone as a bare consonant; "di" is the same sound ([zi] in
 * the North, [ji] in the South), so J's name is synthesised from it.
 */
const SYNTHESIS_SPELLING: Readonly<Record<string, string>> = { gi: 'di' };

const root = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    voice: { type: 'string' },
    speed: { type: 'string', default: '175' },
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
  vi: [...BUILT_IN_TEMPLATES.vi, ...values.template],
  en: [...BUILT_IN_TEMPLATES.en, ...values['english-template']],
});
const work = mkdtempSync(join(tmpdir(), 'motcua-voice-'));
try {
  for (const voice of voices) generateVoice(voice);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function generateVoice(voice: ClipVoice): void {
  const folder = join(root, 'client/voice/clips', voice);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const manifest: ClipManifest = { voice, englishVoice: ENGLISH_VOICE, speed, sampleRate: SAMPLE_RATE, clips: {} };

  const chime = levelLoudness(chimeSound(SAMPLE_RATE), CHIME_LOUDNESS_LUFS);
  if (chime === null) fail('the chime is silent');
  manifest.clips[CHIME_CLIP] = encode(chime.audio, CHIME_LOUDNESS_LUFS, join(folder, 'chime.ogg'));

  for (const clip of inventory) {
    const espeakVoice = clip.language === 'vi' ? voice : ENGLISH_VOICE;
    const text = synthesisText(clip.language, clip.text);
    const raw = join(work, 'espeak.wav');
    const resampled = join(work, 'resampled.wav');
    execFileSync('espeak-ng', ['-v', espeakVoice, '-s', String(speed), '-w', raw, text]);
    // Resampled first (with headroom: the levelling sets the final gain), so the levelling sees what the display will play.
    execFileSync('sox', [raw, '-e', 'floating-point', '-b', '32', resampled, 'gain', '-6', 'rate', String(SAMPLE_RATE)]);
    const prepared = prepareSpokenClip(readAudio(resampled));
    if (prepared === null) fail(`"${clip.id}" is silent after trimming`);
    const file = `${clip.language}-${slug(clip.text)}-${fnv1a(clip.id)}.ogg`;
    const phonemes = execFileSync('espeak-ng', ['-v', espeakVoice, '-q', '-x', text], { encoding: 'utf8' }).trim().replace(/\s+/gu, ' ');
    manifest.clips[clip.id] = { ...encode(prepared.audio, SPEECH_LOUDNESS_LUFS, join(folder, file)), phonemes };
  }
  manifest.clips = Object.fromEntries(Object.entries(manifest.clips).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const kilobytes = readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0) / 1024;
  process.stdout.write(`${voice}: ${Object.keys(manifest.clips).length} clips, ${kilobytes.toFixed(0)} kB in ${folder}\n`);
}

/**
 * Encodes to Vorbis and measures the file as the display will decode it; a clip the encoder
 * moved off its loudness is encoded once more with the difference made up.
 */
function encode(audio: MonoAudio, targetLufs: number, output: string): ClipEntry {
  let entry = encodeOnce(audio, output);
  const drift = targetLufs - entry.loudnessLufs;
  if (Math.abs(drift) > LOUDNESS_TOLERANCE_LU) entry = encodeOnce(withGain(audio, Math.min(drift, -1 - entry.peakDb)), output);
  return entry;
}

function encodeOnce(audio: MonoAudio, output: string): ClipEntry {
  const wav = join(work, 'levelled.wav');
  writeFileSync(wav, writeWav(audio));
  // -R (repeatable) fixes the Ogg stream serial and dither seed, so unchanged clips change no committed byte.
  execFileSync('sox', ['-R', wav, '-C', VORBIS_QUALITY, output]);
  const decoded = join(work, 'decoded.wav');
  execFileSync('sox', [output, '-e', 'floating-point', '-b', '32', decoded]);
  const played = readAudio(decoded);
  return {
    file: output.slice(output.lastIndexOf('/') + 1),
    durationMs: Math.round(durationMs(played)),
    loudnessLufs: round(integratedLoudness(played)),
    peakDb: round(samplePeakDb(played)),
  };
}

function readAudio(path: string): MonoAudio {
  const read = readWav(new Uint8Array(readFileSync(path)));
  if (!read.ok) fail(`${path}: ${read.problem}`);
  return read.audio;
}

/** Letter names are written with hyphens ("e-lờ"); espeak must say them as separate syllables. */
function synthesisText(language: ClipLanguage, text: string): string {
  return language === 'vi' ? (SYNTHESIS_SPELLING[text] ?? text.replaceAll('-', ' ')) : text;
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

function round(x: number): number {
  return Math.round(x * 100) / 100;
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
