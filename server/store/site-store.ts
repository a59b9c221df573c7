import { readFile } from 'node:fs/promises';
import { describeIssue } from '../../protocol/schema-issues.ts';
import * as v from 'valibot';
import type { FileAlert } from '../../protocol/health.ts';
import { SiteConfigSchema, type SiteConfig } from '../../protocol/site-config.ts';
import { logger } from '../log.ts';
import { DurableJsonFile, type Validation } from './durable-file.ts';

const log = logger('site');

/** A config file that does not validate: every problem with its path, so a technician can fix it. */
export class ConfigFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid site config:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map(describeIssue);
}

/** What a change to the site config decided: the whole new config, or a refusal that changes nothing. */
export type SiteEdit<R> = { next: unknown; result: R } | { refused: R };

export type SiteSaved<R> = { kind: 'saved'; result: R } | { kind: 'invalid'; problems: string[] } | { kind: 'refused'; result: R };

function validateSite(raw: unknown): Validation<SiteConfig> {
  const parsed = v.safeParse(SiteConfigSchema, raw);
  return parsed.success ? { ok: true, value: parsed.output } : { ok: false, problems: describeIssues(parsed.issues) };
}

function siteFile(path: string): DurableJsonFile<SiteConfig> {
  return new DurableJsonFile(path, validateSite);
}

/**
 * The site config (centre, services, counters) in `<dataDir>/site.json`, seeded from the
 * repository's read-only `data/site.json` on first start, and the file's one owner: every
 * change is validated as a whole config, computed from the config as the previous change left
 * it, and saved durably before anyone sees it. A damaged file at start is read from its last
 * good copy, with an alert; without one the start stops with the file's problems.
 */
export class SiteStore {
  private readonly listeners = new Set<(config: SiteConfig) => void>();
  private changing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: DurableJsonFile<SiteConfig>,
    private current: SiteConfig,
    /** Set when `site.json` was damaged at start and its last good copy was read. */
    readonly alert: FileAlert | null,
  ) {}

  static async open(path: string, seedPath: string, now: number): Promise<SiteStore> {
    const file = siteFile(path);
    const read = await file.read();
    switch (read.kind) {
      case 'ok':
        return new SiteStore(file, read.value, null);
      case 'previous':
        log.error('site config damaged; started from its last good copy', { file: path, problem: read.problem });
        return new SiteStore(file, read.value, { file: file.name, problem: read.problem, usedCopy: 'previous', at: now });
      case 'damaged':
        throw new ConfigFileError(path, read.problem.split('; '));
      case 'missing': {
        const seed = validateSite(JSON.parse(await readFile(seedPath, 'utf8')));
        if (!seed.ok) throw new ConfigFileError(seedPath, seed.problems);
        await file.write(seed.value);
        return new SiteStore(file, seed.value, null);
      }
    }
  }

  get(): SiteConfig {
    return this.current;
  }

  /** Validates and saves a new config; on failure nothing changes and the problems are returned. */
  async replace(next: unknown): Promise<{ ok: true } | { ok: false; problems: string[] }> {
    const saved = await this.update(() => ({ next, result: null }));
    return saved.kind === 'invalid' ? { ok: false, problems: saved.problems } : { ok: true };
  }

  /** Runs an edit on the config as the previous change left it; a valid result is saved, then shown. */
  update<R>(edit: (stored: SiteConfig) => SiteEdit<R>): Promise<SiteSaved<R>> {
    const run = this.changing.then(async (): Promise<SiteSaved<R>> => {
      const made = edit(this.current);
      if ('refused' in made) return { kind: 'refused', result: made.refused };
      const parsed = validateSite(made.next);
      if (!parsed.ok) return { kind: 'invalid', problems: parsed.problems };
      await this.file.write(parsed.value);
      this.current = parsed.value;
      for (const l of this.listeners) l(this.get());
      return { kind: 'saved', result: made.result };
    });
    this.changing = run.catch(() => undefined);
    return run;
  }

  /** The config as saved, before any run-time override (e.g. demo mode's all-day hours). */
  stored(): SiteConfig {
    return this.current;
  }

  /** Called after every saved change, so screens can show it at once; returns the unsubscribe function. */
  onChange(listener: (config: SiteConfig) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get filePath(): string {
    return this.file.path;
  }
}

/**
 * The site file's `server` section for `main.ts`, read before the server is built: from the
 * file, its last good copy, or the seed it will be copied from on a first start. Validated
 * later by the site store, which reports what is wrong.
 */
export async function siteFileSettings(path: string, seedPath: string): Promise<Record<string, unknown>> {
  const read = await new DurableJsonFile<Record<string, unknown>>(path, (raw) =>
    typeof raw === 'object' && raw !== null
      ? { ok: true, value: raw as Record<string, unknown> }
      : { ok: false, problems: ['not an object'] },
  ).read();
  const whole =
    read.kind === 'ok' || read.kind === 'previous'
      ? read.value
      : read.kind === 'missing'
        ? (JSON.parse(await readFile(seedPath, 'utf8')) as Record<string, unknown>)
        : {};
  const server = whole.server;
  return typeof server === 'object' && server !== null ? (server as Record<string, unknown>) : {};
}
