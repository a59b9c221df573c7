/**
 * The centre's recorded voice pack in `<dataDir>/voice-pack/`: an index (`index.json`, clip id →
 * file and measurements) and one 16-bit WAV file per clip, named by its content so a new
 * recording is a new URL and boards may cache files forever. Every clip enters through the
 * intake (clip-intake.ts); writes are one at a time and the index is replaced atomically.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { VOICE_PACK_FOLDER } from '../app/backup-contents.ts';
import { logger } from '../log.ts';
import { writeFileDurably } from '../store/durable-file.ts';
import { takeClip, type IntakeProblem } from './clip-intake.ts';
import { readBundle, writeBundle } from './voice-pack-bundle.ts';

const log = logger('voice-pack');

/** One recorded clip as the index keeps it. */
export interface PackClip {
  file: string;
  durationMs: number;
  loudnessLufs: number;
  peakDb: number;
  gainDb: number;
  trimmedMs: number;
  recordedAt: number;
}

/** Why an imported file was refused: a clip the intake refused, or a file that is not a voice pack at all. */
export type ImportProblem = { clip: string; problem: IntakeProblem } | { clip: null; detail: string };

const FILE_NAME = /^[0-9a-f]{16}\.wav$/u;
const IndexSchema = v.object({
  format: v.literal('motcua-voice-pack-index'),
  version: v.literal(1),
  clips: v.record(
    v.string(),
    v.object({
      file: v.pipe(v.string(), v.regex(FILE_NAME)),
      durationMs: v.number(),
      loudnessLufs: v.number(),
      peakDb: v.number(),
      gainDb: v.number(),
      trimmedMs: v.number(),
      recordedAt: v.number(),
    }),
  ),
});

/** A recorded pack on disk. */
export class VoicePackStore {
  private readonly listeners = new Set<() => void>();
  private writing: Promise<unknown> = Promise.resolve();
  private currentVersion: string;

  private constructor(
    private readonly dir: string,
    private index: Record<string, PackClip>,
  ) {
    this.currentVersion = versionOf(index);
  }

  /** Opens the pack of `dataDir`; a missing pack is an empty one, an unreadable index is set aside and logged. */
  static async open(dataDir: string): Promise<VoicePackStore> {
    const dir = join(dataDir, VOICE_PACK_FOLDER);
    await mkdir(dir, { recursive: true });
    const text = await readFile(join(dir, 'index.json'), 'utf8').catch(() => null);
    if (text === null) return new VoicePackStore(dir, {});
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Reported below with the schema failure.
    }
    const index = v.safeParse(IndexSchema, parsed);
    if (index.success) return new VoicePackStore(dir, index.output.clips);
    // The queue must run without its voice pack: boards then speak with the generated voice.
    const aside = join(dir, `index.broken-${Date.now()}.json`);
    await rename(join(dir, 'index.json'), aside);
    log.error('voice pack index unreadable: set aside, starting with an empty pack', { file: aside });
    return new VoicePackStore(dir, {});
  }

  /** Changes with every clip recorded, replaced or removed; empty for an empty pack. */
  get version(): string {
    return this.currentVersion;
  }

  clips(): Readonly<Record<string, PackClip>> {
    return this.index;
  }

  /** The path of a clip file, or `null` for a name that is not one of the pack's. */
  filePath(file: string): string | null {
    return FILE_NAME.test(file) && Object.values(this.index).some((clip) => clip.file === file) ? join(this.dir, file) : null;
  }

  /** Takes a recording for clip `id` (replacing any earlier one). */
  record(id: string, bytes: Uint8Array, now: number): Promise<{ ok: true; clip: PackClip } | { ok: false; problem: IntakeProblem }> {
    return this.serial(async () => {
      const taken = takeClip(bytes);
      if (!taken.ok) return taken;
      const { wav, ...measured } = taken.clip;
      const clip: PackClip = { file: await this.writeClipFile(wav), ...measured, recordedAt: now };
      await this.commit({ ...this.index, [id]: clip });
      return { ok: true, clip };
    });
  }

  /** Removes the recording of `id`; `false` when there was none. */
  remove(id: string): Promise<boolean> {
    return this.serial(async () => {
      if (!Object.hasOwn(this.index, id)) return false;
      const { [id]: _removed, ...rest } = this.index;
      await this.commit(rest);
      return true;
    });
  }

  /** The whole pack as one file. */
  async exportBundle(now: number): Promise<Buffer> {
    const clips = await Promise.all(
      Object.entries(this.index).map(async ([id, clip]) => ({
        id,
        recordedAt: clip.recordedAt,
        wav: await readFile(join(this.dir, clip.file)),
      })),
    );
    return writeBundle(clips, now);
  }

  /**
   * Replaces the pack with a bundle's clips, each through the intake. All or nothing: one clip
   * that is refused refuses the file, and the pack stays as it was.
   */
  importBundle(bytes: Uint8Array): Promise<{ ok: true; clips: number } | { ok: false; problems: ImportProblem[] }> {
    return this.serial(async () => {
      const bundle = readBundle(bytes);
      if (!bundle.ok) return { ok: false, problems: bundle.problems.map((detail) => ({ clip: null, detail })) };
      const taken = bundle.clips.map((clip) => ({ ...clip, taken: takeClip(clip.wav) }));
      const problems = taken.flatMap((clip): ImportProblem[] => (clip.taken.ok ? [] : [{ clip: clip.id, problem: clip.taken.problem }]));
      if (problems.length > 0) return { ok: false, problems };
      const next: Record<string, PackClip> = {};
      for (const clip of taken) {
        if (!clip.taken.ok) continue;
        const { wav, ...measured } = clip.taken.clip;
        next[clip.id] = { file: await this.writeClipFile(wav), ...measured, recordedAt: clip.recordedAt };
      }
      await this.commit(next);
      return { ok: true, clips: taken.length };
    });
  }

  /** Called after every change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async writeClipFile(wav: Uint8Array): Promise<string> {
    const file = `${createHash('sha256').update(wav).digest('hex').slice(0, 16)}.wav`;
    // Synced before the index names it, so a power cut never leaves the index naming an empty clip.
    await writeFileDurably(join(this.dir, file), wav);
    return file;
  }

  /** Writes the new index durably (the old one or the new one after a power cut), then removes the files no clip names any more. */
  private async commit(next: Record<string, PackClip>): Promise<void> {
    const index = `${JSON.stringify({ format: 'motcua-voice-pack-index', version: 1, clips: next }, null, 1)}\n`;
    await writeFileDurably(join(this.dir, 'index.json'), index);
    const before = new Set(Object.values(this.index).map((clip) => clip.file));
    this.index = next;
    this.currentVersion = versionOf(next);
    for (const clip of Object.values(next)) before.delete(clip.file);
    await Promise.all([...before].map((file) => rm(join(this.dir, file), { force: true })));
    for (const listener of this.listeners) listener();
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.writing.then(run);
    this.writing = next.catch(() => undefined);
    return next;
  }
}

function versionOf(index: Record<string, PackClip>): string {
  const files = Object.entries(index)
    .map(([id, clip]) => `${id}=${clip.file}`)
    .sort();
  return files.length === 0 ? '' : createHash('sha256').update(files.join('\n')).digest('base64url').slice(0, 10);
}
