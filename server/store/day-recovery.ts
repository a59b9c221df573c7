import type { JournalRecoveryReport } from '../../protocol/health.ts';
import { applyEvent, whyNotApplicable } from '../core/apply-event.ts';
import { addCandidate, mergeNumbers } from '../core/number-floor.ts';
import { emptyDayState, stateFromSnapshot, type QueueState } from '../core/queue-state.ts';
import { scanJournal, type ScannedEvent, type SetAsideLine } from './journal-recovery.ts';
import { scanLoosely } from './number-scan.ts';
import type { SnapshotRead } from './snapshot-store.ts';

/** What the day's files say, read and checked; nothing is written yet. */
export interface DayRecovery {
  state: QueueState;
  /** The events the journal keeps, in order (the repaired journal is exactly these lines). */
  kept: ScannedEvent[];
  /** Lines not kept: damaged ones, and intact events that cannot apply. By line number. */
  setAside: SetAsideLine[];
  snapshotDropped: boolean;
  /** Checksum of the event at `state.seq`, to bind the next snapshot; null when the day has none. */
  lastCrc: string | null;
  /** The file must be repaired before anything is appended (lines set aside, or a last line without its newline). */
  needsRepair: boolean;
}

/**
 * Rebuilds a day from its journal and snapshot (issue 12). The snapshot is used only when the
 * journal has the very event it was made after; otherwise it is dropped and only its numbers
 * count. Every intact event after it is applied, except one that cannot apply (it names a
 * ticket whose issue was lost, or issues one twice): that is set aside too. Numbering and
 * seqs go on above everything seen: applied events, set-aside lines read loosely, a dropped
 * snapshot, and the copies of earlier damaged journals of the day (`earlierDamage`). Numbering
 * also goes on above the day's journals that a restore replaced (`replaced`): their seqs belong
 * to another history and do not count.
 */
export function recoverDay(
  day: string,
  content: Buffer,
  snapshot: SnapshotRead,
  earlierDamage: readonly Buffer[] = [],
  replaced: readonly Buffer[] = [],
): DayRecovery {
  const scan = scanJournal(content);
  const current = snapshot?.kind === 'current' ? snapshot.snapshot : null;
  const usable =
    current !== null &&
    (current.seq === 0
      ? current.journalCrc === null
      : scan.events.some((e) => e.event.seq === current.seq && e.crc === current.journalCrc));
  const state = usable ? stateFromSnapshot(current) : emptyDayState(day);
  let lastCrc = usable ? current.journalCrc : null;
  if (snapshot && !usable) {
    const numbers = snapshot.kind === 'current' ? snapshot.snapshot.lastNumberByService : snapshot.lastNumbers;
    for (const [serviceId, n] of Object.entries(numbers)) if (typeof n === 'number') addCandidate(state.floor.numbers, serviceId, n);
    if (snapshot.kind === 'current') {
      mergeNumbers(state.floor.numbers, new Map(Object.entries(snapshot.snapshot.floor.numbers)));
      state.floor.seq = Math.max(state.floor.seq, snapshot.snapshot.floor.seq);
    }
    state.floor.seq = Math.max(state.floor.seq, snapshot.kind === 'current' ? snapshot.snapshot.seq : snapshot.seq);
  }
  const setAside = [...scan.setAside];
  const kept: ScannedEvent[] = [];
  for (const scanned of scan.events) {
    const e = scanned.event;
    if (e.seq <= state.seq) {
      kept.push(scanned);
      continue;
    }
    const why = whyNotApplicable(state, e);
    if (why) {
      setAside.push({ line: scanned.line, reason: why, start: scanned.start, end: scanned.end, seq: e.seq });
      if (e.type === 'ticket.issued') addCandidate(state.floor.numbers, e.serviceId, e.number);
      state.floor.seq = Math.max(state.floor.seq, e.seq);
      continue;
    }
    applyEvent(state, e);
    kept.push(scanned);
    lastCrc = scanned.crc;
  }
  setAside.sort((a, b) => a.line - b.line);
  for (const line of scan.setAside) absorb(state, content.subarray(line.start, line.end));
  for (const copy of earlierDamage) absorb(state, copy);
  for (const journal of replaced) mergeNumbers(state.floor.numbers, scanLoosely(journal.toString('utf8')).numbers);
  const last = kept[kept.length - 1];
  const unterminated = last !== undefined && content[last.end - 1] !== 0x0a;
  return {
    state,
    kept,
    setAside,
    snapshotDropped: snapshot !== null && !usable,
    lastCrc,
    needsRepair: setAside.length > 0 || unterminated,
  };
}

/** Numbers and seqs that damaged bytes still show count for the floor. */
function absorb(state: QueueState, bytes: Buffer): void {
  const found = scanLoosely(bytes.toString('utf8'));
  mergeNumbers(state.floor.numbers, found.numbers);
  state.floor.seq = Math.max(state.floor.seq, found.maxSeq);
}

/** The report of a recovery that set something aside or dropped the snapshot, else null. */
export function recoveryReport(recovery: DayRecovery, day: string, at: number, savedTo: string): JournalRecoveryReport | null {
  if (recovery.setAside.length === 0 && !recovery.snapshotDropped) return null;
  const numberFloor: Record<string, number> = {};
  for (const [serviceId, list] of recovery.state.floor.numbers) if (list[0] !== undefined) numberFloor[serviceId] = list[0];
  return {
    day,
    at,
    keptEvents: recovery.kept.length,
    setAside: recovery.setAside.map((l) => ({ line: l.line, reason: l.reason, bytes: l.end - l.start, seq: l.seq })),
    savedTo,
    snapshotDropped: recovery.snapshotDropped,
    numberFloor,
  };
}
