import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AuditEntry } from '../../protocol/admin.ts';
import { logger } from '../log.ts';

export type { AuditEntry };

const log = logger('audit');

/**
 * Who changed what and when: one JSON line per change in `<dataDir>/audit.jsonl`, appended and
 * synced before the change is reported done. Never rewritten, so it holds the whole history.
 */
export class AuditLog {
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  static inDataDir(dataDir: string): AuditLog {
    return new AuditLog(join(dataDir, 'audit.jsonl'));
  }

  /** Appends one entry; entries keep the order of the calls. */
  record(entry: AuditEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const write = this.writing.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      await appendFile(this.path, line, { flush: true });
    });
    // One failed write must not block the ones after it; the caller still hears of it.
    this.writing = write.catch((e: unknown) => log.error('audit entry not written', { error: e }));
    return write;
  }

  /** The newest entries first, at most `limit`; lines that do not parse (a torn tail) are skipped. */
  async recent(limit = 200): Promise<AuditEntry[]> {
    await this.writing;
    const text = await readFile(this.path, 'utf8').catch(() => '');
    const entries: AuditEntry[] = [];
    const lines = text.split('\n');
    for (let i = lines.length - 1; i >= 0 && entries.length < limit; i--) {
      const line = lines[i]!.trim();
      if (!line) continue;
      try {
        entries.push(JSON.parse(line) as AuditEntry);
      } catch {}
    }
    return entries;
  }
}
