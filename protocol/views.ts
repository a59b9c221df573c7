import type { IssuingState, ServerHealth } from './health.ts';
import type { PrinterState, PrintOutcome } from './printers.ts';

export type { PrinterState, PrintOutcome } from './printers.ts';

/**
 * What the server sends to screens. Public views (display, follow page, kiosk) carry no
 * personal data: a ticket is its number, service and counter, nothing about the person.
 */
export interface Translated {
  vi: string;
  en: string;
}

export type CounterStatus = 'open' | 'paused' | 'closed';
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'finished' | 'no_show' | 'parked' | 'cancelled';

/** One call of a number to a counter, as the board shows and the voice speaks it. */
export interface CallView {
  ticketId: string;
  label: string;
  counterId: number;
  counterName: Translated;
  serviceId: string;
  at: number;
  /** True when this is a repeated call of the same ticket. */
  recall: boolean;
}

export interface DisplaySnapshot {
  centreName: Translated;
  day: string;
  serverTime: number;
  /** Newest first, at most 8. */
  calls: CallView[];
  counters: Array<{ id: number; name: Translated; status: CounterStatus; currentLabel: string | null; serviceIds: string[] }>;
  services: Array<{ id: string; code: string; name: Translated; waiting: number }>;
  /** Fingerprint of the site config; when it changes the board re-reads `/api/site` (voice, notices). */
  configVersion: string;
}

/**
 * When a ticket should be called, as honest as the queue allows: a range of minutes, never
 * one falsely precise figure, and never "no wait" while no counter serves the service yet.
 */
export type WaitEstimate =
  /** A counter that serves it is free and nobody is ahead. */
  | { kind: 'soon' }
  /**
   * Called between `fromMinutes` and `toMinutes` after `estimatedAt`. `startsAt` is set while
   * no counter serves the service yet (before opening, over lunch): the estimate counts from then.
   */
  | { kind: 'range'; estimatedAt: number; fromMinutes: number; toMinutes: number; startsAt: number | null }
  /** Nobody staffs a counter for it during working hours, so no estimate can be honest. */
  | { kind: 'unknown' };

/** A ticket as its holder may see it (follow page, kiosk confirmation). */
export interface TicketPublicView {
  id: string;
  label: string;
  serviceId: string;
  serviceName: Translated;
  status: TicketStatus;
  counterId: number | null;
  counterName: Translated | null;
  priority: boolean;
  issuedAt: number;
  calledAt: number | null;
  peopleAhead: number;
  /** For a waiting ticket; `unknown` once it has been called. */
  wait: WaitEstimate;
  centreName: Translated;
  /** The centre's zone, for the clock times of the wait. */
  timeZone: string;
}

/** The kiosk's confirmation: the public view plus where to go and how to follow it. */
export interface IssuedTicket {
  ticket: TicketPublicView;
  /** Signed reference for the follow page: `/t/<ref>`. */
  ref: string;
  followUrl: string;
  counters: Array<{ id: number; name: Translated }>;
  /** What became of the paper ticket so far; `printing` is followed by `ticket:print-finished`. */
  print: PrintOutcome;
}

export type ServiceAvailability = 'open' | 'not_yet' | 'after_cutoff' | 'closed_today' | 'quota_reached';

export interface KioskServiceView {
  id: string;
  code: string;
  name: Translated;
  availability: ServiceAvailability;
  /** When numbers are handed out again, for every availability but `open`. */
  reopensAt: number | null;
  waiting: number;
  /** For a number taken now. */
  wait: WaitEstimate;
  counters: number[];
}

/** A statutory holiday, also the i18next key of its name (`calendar:holiday.<key>`). */
export type HolidayKey = 'new_year' | 'tet' | 'hung_kings' | 'reunification' | 'labour_day' | 'national_day';

/** What a day off is called: a statutory holiday, an announced day's own name, or neither (a plain day off). */
export interface DayOffName {
  holiday: HolidayKey | null;
  name: Translated | null;
}

/** The kiosk on a day the centre gives no numbers at all: one message instead of every service's. */
export interface ClosedDayView {
  /** Null on the centre's weekly rest day (Sunday…). */
  dayOff: DayOffName | null;
  /** When numbers are handed out again; null when not within the next 45 days. */
  reopensAt: number | null;
}

export interface KioskSnapshot {
  /** When false the kiosk says so before anyone chooses: the centre cannot issue numbers now. */
  issuing: IssuingState;
  centreName: Translated;
  hotline: string;
  serverTime: number;
  services: KioskServiceView[];
  priorityGroups: Array<{ id: string; name: Translated }>;
  kioskMayIssuePriority: boolean;
  /** This kiosk's own printer. */
  printer: { state: PrinterState; canPrint: boolean };
  /** Set on a day off: no service gives numbers today. */
  closedDay: ClosedDayView | null;
}

/** A ticket as staff see it at a counter. */
export interface TicketStaffView {
  id: string;
  label: string;
  serviceId: string;
  status: TicketStatus;
  priorityGroup: string | null;
  procedureCode: string | null;
  issuedAt: number;
  queuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  recalls: number;
  targetCounterId: number | null;
  /** The dossier code given at finish (mã hồ sơ), if any. */
  dossierCode: string | null;
}

/** The actions a clerk can undo for a short while after doing them. */
export type UndoableAction = 'next' | 'call' | 'finish' | 'no_show' | 'transfer' | 'park' | 'cancel';

/** What the counter's Undo would put back now (the console shows it on the Undo button). */
export interface UndoView {
  action: UndoableAction;
  /** How long Undo stays possible, in ms from when the view was made. */
  remainingMs: number;
  /** Each ticket it puts back and how it will be: waiting in its queue (its old place), at this counter, or parked. */
  tickets: Array<{ id: string; label: string; status: TicketStatus; atThisCounter: boolean }>;
  /** The counter's state it returns to, when the action changed it (a Next that opened the counter). */
  counterStatus: CounterStatus | null;
}

export interface StatBlock {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  /** Not yet ended (waiting, called, serving, parked); for past days: removed by the daily reset. */
  open: number;
  /** Mean minutes from issue to first call, over called tickets; null when none was called. */
  avgWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  /** Mean minutes from start to end of service, over served tickets. */
  avgServiceMinutes: number | null;
  /** Share (0–1) of called tickets whose wait was within the target. */
  withinTargetShare: number | null;
}

/**
 * Ratings collected at the counters: the "counter satisfaction" (mức độ hài lòng tại quầy), not
 * the province's official satisfaction index. Each rating counts on the scale it was given on:
 * `byScale["3"]` holds the three faces' counts by level (`"1"` … `"3"`), `byScale["5"]` the
 * stars' (`"1"` … `"5"`), 1 being the least satisfied; the centre's scale is always there.
 * `satisfied` counts the top two levels of each rating's scale ("Rất hài lòng" and "Hài lòng"
 * on three faces, four and five stars), as centres report it.
 */
export interface SatisfactionBlock {
  rated: number;
  satisfied: number;
  satisfiedShare: number | null;
  byScale: Partial<Record<'3' | '5', Record<string, number>>>;
}

export interface DayStatistics {
  total: StatBlock;
  byService: Record<string, StatBlock>;
  byCounter: Record<string, StatBlock>;
  /** Keyed by the local hour of issue, `"07"` … `"17"`. */
  byHour: Record<string, StatBlock>;
}

export interface CounterSnapshot {
  serverTime: number;
  /**
   * When the server made this view, on its monotonic clock: acks and pushes may cross, and the
   * console keeps the newest by this, never by `serverTime`, which a clock step can move back
   * (issue 12). Comparable only within one connection.
   */
  viewAt: number;
  /** When false the console says that the centre cannot issue (or record) anything now, and why. */
  issuing: IssuingState;
  counter: {
    id: number;
    name: Translated;
    status: CounterStatus;
    pauseReason: string | null;
    /** The clerk who holds the counter in the queue's records (opened it or took it over). */
    clerkName: string | null;
    serviceIds: string[];
  };
  /**
   * Whether this connection's console holds the counter and may act, or only views it: another
   * console holds it, or took it over from this one (issue 14: one console at a time).
   */
  control: 'holding' | 'viewing';
  /** The centre's zone, for clock times on the console (since when another console holds the counter). */
  timeZone: string;
  /** The console holding the counter: whose it is, whether it is connected, since when. */
  holder: { clerkName: string | null; online: boolean; since: number } | null;
  /** What Undo would put back now; null when there is nothing to undo. */
  undo: UndoView | null;
  current: TicketStaffView | null;
  /** In calling order for this counter, at most 100. */
  queue: TicketStaffView[];
  waitingCount: number;
  parked: TicketStaffView[];
  today: StatBlock;
  services: Array<{ id: string; code: string; name: Translated }>;
  counters: Array<{ id: number; name: Translated }>;
  maxRecalls: number;
}

export interface AdminSnapshot {
  day: string;
  serverTime: number;
  stats: DayStatistics;
  counters: DisplaySnapshot['counters'];
  waitingByService: Record<string, number>;
  longestWaitMinutes: number;
  /** Whether numbers can be issued, clock jumps, journal repairs and damaged files. */
  health: ServerHealth;
  /** Today's ratings so far, per level. */
  satisfaction: SatisfactionBlock;
  /** Call-button lines and their counters; absent when the server was built without them. */
  buttons?: ButtonLineHealth[];
  /** Years the next 60 days reach whose holiday schedule no admin has confirmed. */
  unconfirmedCalendarYears: number[];
}

/** One serial line of counter call buttons, for the admin's device health view. */
export interface ButtonLineHealth {
  path: string;
  line: 'open' | 'closed';
  reconnectAttempts: number;
  /** Frames understood, and lines dropped for a bad checksum, type or field. */
  framesGood: number;
  framesBad: number;
  linesTooLong: number;
  counters: Array<{ counter: number; online: boolean; lastSeenAt: number | null; lastHeartbeatAt: number | null }>;
}

/** The rating tablet's prompt after a ticket is finished at its counter. */
export interface RatingRequest {
  ticketId: string;
  label: string;
  /** The clerk who served the ticket; null when it was served without a signed-in clerk. */
  clerkName: string | null;
  counterId: number;
  /** Three faces or five stars; levels count up from 1 (least satisfied). */
  scale: 3 | 5;
  /** When the ticket was finished. */
  at: number;
}

/** What a rating tablet needs on (re)connect: its idle screen and any prompt still open. */
export interface RatingSnapshot {
  serverTime: number;
  centreName: Translated;
  counterId: number;
  counterName: Translated;
  scale: 3 | 5;
  /** The latest ticket finished here within the rating window and not rated yet. */
  pending: RatingRequest | null;
}
