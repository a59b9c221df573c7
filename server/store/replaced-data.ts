import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A restore never deletes the data it replaces: it moves it into `before-restore-<time>/` in
 * the data directory (server/app/backup-apply.ts names the folders with this prefix).
 */
export const replacedDataPrefix = 'before-restore-';

/**
 * The day's journals in data that restores replaced, with their damaged copies. Numbers they
 * handed out are printed on citizens' papers even though the restored queue no longer has them,
 * so numbering must stay above them (issue 12: a same-day restore reissued them).
 */
export async function replacedJournals(dataDir: string, day: string): Promise<Buffer[]> {
  const found: Buffer[] = [];
  for (const aside of (await names(dataDir)).filter((n) => n.startsWith(replacedDataPrefix))) {
    // `journal`, or `journal.2`/`journal.late` when a restore cut short and repeated had to keep two.
    for (const folder of (await names(join(dataDir, aside))).filter((n) => n === 'journal' || n.startsWith('journal.'))) {
      const dir = join(dataDir, aside, folder);
      for (const name of await names(dir)) {
        if (name !== `${day}.jsonl` && !name.startsWith(`${day}.jsonl.`)) continue;
        const bytes = await readFile(join(dir, name)).catch(() => null);
        if (bytes) found.push(bytes);
      }
    }
  }
  return found;
}

async function names(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [] as string[]);
}
