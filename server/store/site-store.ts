import { describeIssue } from '../../protocol/schema-issues.ts';
import { copyFile, mkdir, access } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { JSONFile } from 'lowdb/node';
import { SiteConfigSchema, type SiteConfig } from '../../protocol/site-config.ts';

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

/**
 * The site config (centre, services, counters) in `<dataDir>/site.json`, seeded from the
 * repository's read-only `data/site.json` on first start. Validated on every read and write.
 */
export class SiteStore {
  private readonly listeners = new Set<(config: SiteConfig) => void>();

  private constructor(
    private readonly file: JSONFile<unknown>,
    private readonly path: string,
    private current: SiteConfig,
  ) {}

  static async open(path: string, seedPath: string): Promise<SiteStore> {
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(join(path, '..'), { recursive: true });
      await copyFile(seedPath, path);
    }
    const file = new JSONFile<unknown>(path);
    let raw: unknown;
    try {
      raw = await file.read();
    } catch (e) {
      throw new ConfigFileError(path, [`not readable JSON: ${(e as Error).message}`]);
    }
    const parsed = v.safeParse(SiteConfigSchema, raw);
    if (!parsed.success) throw new ConfigFileError(path, describeIssues(parsed.issues));
    return new SiteStore(file, path, parsed.output);
  }

  get(): SiteConfig {
    return this.current;
  }

  /** Validates and saves a new config; on failure nothing changes and the problems are returned. */
  async replace(next: unknown): Promise<{ ok: true } | { ok: false; problems: string[] }> {
    const parsed = v.safeParse(SiteConfigSchema, next);
    if (!parsed.success) return { ok: false, problems: describeIssues(parsed.issues) };
    await this.file.write(parsed.output);
    this.current = parsed.output;
    for (const l of this.listeners) l(this.get());
    return { ok: true };
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
    return this.path;
  }
}
