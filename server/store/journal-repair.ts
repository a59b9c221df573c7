import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalRecoveryReport } from '../../protocol/health.ts';
import { logger } from '../log.ts';
import { recoveryReport, type DayRecovery } from './day-recovery.ts';
import { writeFileDurably } from './durable-file.ts';

const log = logger('journal');

/**
 * Makes a day's journal hold exactly the events its recovery kept, before anything is appended:
 * 1. the journal as it was found is kept beside it (`<day>.jsonl.damaged-<time>`), byte for byte;
 * 2. the report (what was kept, what was set aside and why, with line numbers) is written beside it;
 * 3. the journal is cut back when only its end was damaged, else rewritten atomically from the
 *    kept lines (byte-exact copies), and synced.
 * A crash at any step leaves the original damaged journal or the repaired one, and the next
 * start repairs again. Returns the report, or null when only a missing last newline was added.
 */
export async function repairJournal(o: {
  dir: string;
  day: string;
  content: Buffer;
  recovery: DayRecovery;
  at: number;
}): Promise<JournalRecoveryReport | null> {
  const { dir, day, content, recovery, at } = o;
  const path = join(dir, `${day}.jsonl`);
  const savedName = `${day}.jsonl.damaged-${at}`;
  const report = recoveryReport(recovery, day, at, `journal/${savedName}`);
  if (recovery.setAside.length > 0) await writeFileDurably(join(dir, savedName), content);
  if (report) await writeFileDurably(join(dir, `${day}.recovery-${at}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const keptEnd = recovery.kept.at(-1)?.end ?? 0;
  const tailOnly = recovery.setAside.every((l) => l.start >= keptEnd);
  const terminated = keptEnd === 0 || content[keptEnd - 1] === 0x0a;
  if (!recovery.needsRepair) {
    // Only the snapshot was dropped: the journal itself is sound.
  } else if (tailOnly) {
    const file = await open(path, 'r+');
    try {
      await file.truncate(keptEnd);
      if (!terminated) await file.write('\n', keptEnd);
      await file.sync();
    } finally {
      await file.close();
    }
  } else {
    const lines = recovery.kept.map((k) => content.subarray(k.start, k.end));
    if (!terminated) lines.push(Buffer.from('\n'));
    await writeFileDurably(path, Buffer.concat(lines));
  }
  if (report) {
    log.warn('journal repaired: every intact event kept, damaged lines set aside', {
      day,
      keptEvents: report.keptEvents,
      setAside: report.setAside,
      savedTo: report.savedTo,
      snapshotDropped: report.snapshotDropped,
      numberFloor: report.numberFloor,
    });
  }
  return report;
}
