/**
 * What the server says about its own soundness (issue 12): whether it can issue numbers, clock
 * jumps it noticed, journal damage it repaired and small files it had to restore. The kiosk
 * and the counter consoles get `issuing`; the admin dashboard and `/api/health` get it all.
 */

/** Why the data directory cannot be written; an i18next key under `errors:storeProblem.`. */
export type StoreProblem = 'disk_full' | 'read_only' | 'no_permission' | 'disk_error' | 'write_failed';

/** Whether numbers can be handed out: false while the journal cannot be written (the server retries by itself). */
export type IssuingState = { ok: true } | { ok: false; problem: StoreProblem; since: number };

/** A step of the wall clock the server noticed (NTP correcting a wrong clock, a technician setting it). */
export interface ClockJump {
  /** Wall time just after the step (epoch ms). */
  at: number;
  /** Size of the step: positive when the clock moved forward, negative when it went back. */
  stepMs: number;
  /** The queue day that stayed open across it. */
  day: string;
}

/**
 * The server continued a day other than the clock's, and why: the clock is behind the newest
 * journal (`clock_behind_journal`), or the newest journal stayed open across a clock correction
 * and already holds tickets stamped on the clock's day (`day_outlasted_its_date`). Either way,
 * opening the clock's day would hand out numbers a second time.
 */
export interface DayNotice {
  kind: 'clock_behind_journal' | 'day_outlasted_its_date';
  /** The day the wall clock said when the server started. */
  clockDay: string;
  /** The newest day with a journal, which was continued instead. */
  openDay: string;
  at: number;
}

/** Why a journal line was set aside. */
export type SetAsideReason = 'torn_line' | 'bad_checksum' | 'unreadable_line' | 'out_of_sequence' | 'unknown_ticket' | 'duplicate_ticket';

/** What a journal recovery did: events kept, lines set aside (with their line numbers) and where they were saved. */
export interface JournalRecoveryReport {
  day: string;
  at: number;
  keptEvents: number;
  setAside: Array<{ line: number; reason: SetAsideReason; bytes: number; seq: number | null }>;
  /** The original journal, kept as it was found (relative to the data directory). */
  savedTo: string;
  /** The day snapshot was dropped because it did not match the journal. */
  snapshotDropped: boolean;
  /** Highest numbers seen per service outside the kept events (damaged lines, a dropped snapshot): numbering continues above them. */
  numberFloor: Record<string, number>;
}

/** A small data file that was damaged at start, and the copy the server started from instead. */
export interface FileAlert {
  file: string;
  problem: string;
  usedCopy: 'previous' | 'sample';
  at: number;
}

export interface ServerHealth {
  issuing: IssuingState;
  /** Newest first, at most 10. */
  clockJumps: ClockJump[];
  dayNotice: DayNotice | null;
  /** Repairs of the open day's journal (this start's and earlier ones), newest first. */
  journalRecovery: JournalRecoveryReport[];
  fileAlerts: FileAlert[];
}
