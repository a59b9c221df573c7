import * as v from 'valibot';

/**
 * What a centre tells the hub about itself, pushed every few seconds while the link is up:
 * its live state (for the province's status board) and the names its reports need.
 */
const Name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
const Translated = v.object({ vi: Name, en: Name });
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const ServiceId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,31}$/));

/** A printer's state as `protocol/printers.ts` names it; `no_printer`: the centre has none set up. */
export const PrinterStateSchema = v.picklist([
  'ready',
  'unknown',
  'paper_near_end',
  'paper_out',
  'cover_open',
  'offline',
  'no_reply',
  'virtual',
  'no_printer',
]);

/** The names and settings the hub's reports need from a centre's site config and staff list. */
export const CentreProfileSchema = v.object({
  name: Translated,
  level: v.picklist(['province', 'commune']),
  timeZone: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  targetWaitMinutes: v.pipe(Count, v.minValue(1)),
  ratingScale: v.picklist([3, 5]),
  services: v.pipe(v.array(v.object({ id: ServiceId, code: v.pipe(v.string(), v.maxLength(6)), name: Translated })), v.maxLength(200)),
  counters: v.pipe(v.array(v.object({ id: v.pipe(Count, v.minValue(1), v.maxValue(99)), name: Translated })), v.maxLength(99)),
  /** Clerks by user id, for the per-clerk tables. */
  clerks: v.pipe(v.array(v.object({ id: v.pipe(v.string(), v.maxLength(64)), name: Name })), v.maxLength(2000)),
});
export type CentreProfile = v.InferOutput<typeof CentreProfileSchema>;

/** The live state of a centre, as its status board at the hub shows it. */
export const CentreLiveSchema = v.object({
  /** The centre's own clock when it made the report (epoch ms). */
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
  day: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  /** Whether any service hands out numbers right now. */
  open: v.boolean(),
  counters: v.object({ open: Count, paused: Count, closed: Count }),
  waiting: Count,
  /** Minutes the longest-waiting citizen has waited; 0 when nobody waits. */
  longestWaitMinutes: Count,
  waitingByService: v.pipe(
    v.record(ServiceId, Count),
    v.check((r) => Object.keys(r).length <= 200),
  ),
  devices: v.object({
    /** The worst state among the centre's printers (one per kiosk, or one for all). */
    printer: PrinterStateSchema,
    kiosks: v.object({ paired: Count, online: Count }),
    /** Lobby and counter boards connected, and how many of them cannot make sound (blocked or no audio). */
    boards: v.object({ online: Count, soundOff: Count }),
    /** Call-button lines configured and how many are down. */
    buttonLines: v.object({ total: Count, down: Count }),
  }),
  /** The centre's journal head: the last event written today. */
  journal: v.object({ day: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)), seq: Count, lastAt: v.nullable(Count) }),
  /** Journal events the hub has not acknowledged yet, and when the oldest of them happened. */
  shipping: v.object({ pendingEvents: Count, oldestPendingAt: v.nullable(Count) }),
  /** The province catalogue version the kiosks show, null while the centre has none. */
  catalogueVersion: v.nullable(Count),
});
export type CentreLive = v.InferOutput<typeof CentreLiveSchema>;

/** `POST /api/hub/v1/status`. */
export const StatusReportSchema = v.strictObject({ live: CentreLiveSchema, profile: CentreProfileSchema });
export type StatusReport = v.InferOutput<typeof StatusReportSchema>;

/** The hub's answer to a status report: what the centre should fetch next. */
export interface StatusReceipt {
  /** The latest published catalogue version, null while the province has published none. */
  publishedCatalogue: number | null;
  serverTime: number;
}

/**
 * What a technician should see to in a centre's live state, as stable codes (`printer.paper_out`,
 * `boards.sound_off`…) that the status board translates and `centre.status` webhooks carry.
 */
export function centreProblems(live: CentreLive): string[] {
  const problems: string[] = [];
  const { printer, kiosks, boards, buttonLines } = live.devices;
  // `unknown`: a printer that prints but never reports its state, which is no fault.
  if (printer !== 'ready' && printer !== 'virtual' && printer !== 'unknown') problems.push(`printer.${printer}`);
  if (kiosks.paired > kiosks.online) problems.push('kiosks.offline');
  if (boards.soundOff > 0) problems.push('boards.sound_off');
  if (buttonLines.down > 0) problems.push('buttons.down');
  return problems;
}
