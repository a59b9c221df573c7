/**
 * Listens to a voice folder the only way a script can: measures it. For every clip the
 * loudness (BS.1770), peak and length, then the spread over the voice, how far the chime sits
 * under the voice, any clips with identical audio, and the silences of a sample call and recall
 * as a board plays them (the gaps inside the number, and the pauses that end it).
 *
 *   npx tsx scripts/measure-voice-clips.ts [client/voice/clips/<voice> …]
 *
 * Ogg files are decoded with sox (apt-get install sox libsox-fmt-all); WAV files are read directly.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ClipManifest } from '../protocol/voice/clip-manifest.ts';
import { integratedLoudness } from '../server/voice/loudness.ts';
import { durationMs, type MonoAudio, samplePeakDb } from '../protocol/voice/mono-audio.ts';
import { readWav } from '../protocol/voice/wav-file.ts';
import { buildAnnouncement } from '../client/voice/announcement.ts';
import { planAnnouncement } from '../client/voice/delivery.ts';
import { DEFAULT_VOICE_CONFIG } from '../protocol/voice/voice-config.ts';
import { callSilences } from './voice/call-silences.ts';

const root = resolve(import.meta.dirname, '..');
const folders =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(join(root, 'client/voice/clips')).map((v) => join(root, 'client/voice/clips', v));

for (const folder of folders) {
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as ClipManifest;
  const rows = Object.entries(manifest.clips).map(([id, entry]) => {
    const file = join(folder, entry.file);
    const bytes = file.endsWith('.wav') ? readFileSync(file) : execFileSync('sox', [file, '-t', 'wav', '-e', 'float', '-b', '32', '-']);
    const decoded = readWav(new Uint8Array(bytes));
    if (!decoded.ok) throw new Error(`${file}: ${decoded.problem}`);
    const audio = decoded.audio;
    const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
    return { id, audio, loudness: integratedLoudness(audio), peak: samplePeakDb(audio), ms: durationMs(audio), digest };
  });
  const speech = rows.filter((row) => row.id !== 'chime');
  const louds = speech.map((row) => row.loudness).sort((a, b) => a - b);
  const chime = rows.find((row) => row.id === 'chime');
  const quietest = speech.reduce((a, b) => (a.loudness < b.loudness ? a : b));
  const loudest = speech.reduce((a, b) => (a.loudness > b.loudness ? a : b));
  const median = louds[Math.floor(louds.length / 2)] ?? Number.NaN;
  const same = new Map<string, string[]>();
  for (const row of rows) same.set(row.digest, [...(same.get(row.digest) ?? []), row.id]);
  const duplicates = [...same.values()].filter((ids) => ids.length > 1);
  const f = (x: number) => x.toFixed(1);
  process.stdout.write(
    [
      `${folder}: ${rows.length} clips`,
      `  speech loudness: median ${f(median)} LUFS, ${f(quietest.loudness)} ("${quietest.id}") to ${f(loudest.loudness)} ("${loudest.id}"), spread ${f(loudest.loudness - quietest.loudness)} LU`,
      `  speech peaks: highest ${f(Math.max(...speech.map((row) => row.peak)))} dBFS`,
      chime
        ? `  chime: ${f(chime.loudness)} LUFS (${f(chime.loudness - median)} LU against the voice's median), ${Math.round(chime.ms)} ms`
        : '  no chime',
      `  identical audio: ${duplicates.length === 0 ? 'none' : duplicates.map((ids) => ids.join(' = ')).join('; ')}`,
      ...sampleCalls(new Map(rows.map((row) => [row.id, row.audio]))),
      '',
    ].join('\n'),
  );
}

/** The silences of a first call and a recall of A1023 at counter 12, each said in full and briefly. */
function sampleCalls(clips: Map<string, MonoAudio>): string[] {
  const source = { id: 'clips', has: (id: string) => clips.has(id) };
  const voicing = { vi: [source], en: [source], chime: source };
  return [false, true].flatMap((recall) =>
    (['full', 'brief'] as const).map((form) => {
      const announcement = buildAnnouncement({ ticket: 'A1023', counter: 12, recall }, DEFAULT_VOICE_CONFIG);
      const [pass] = planAnnouncement(announcement, { form, english: false, chime: true, repeat: 1 }, voicing).passes;
      const total = pass!.steps.reduce((ms, step) => ms + (step.kind === 'pause' ? step.ms : durationMs(clips.get(step.clipId)!)), 0);
      const gaps = callSilences(pass!.steps, clips).map((g) => `${g.ms} after "${g.after.replace(/^vi:/u, '')}"`);
      return `  ${recall ? 'recall' : 'call'} A1023 → 12, ${form} (${(total / 1000).toFixed(2)} s): silences ≥ 20 ms: ${gaps.join(', ') || 'none'}`;
    }),
  );
}
