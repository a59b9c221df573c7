import * as v from 'valibot';

/** How a province report groups its rows. */
export const hubReportGroupings = ['centre', 'service', 'clerk', 'counter'] as const;
export type HubReportGrouping = (typeof hubReportGroupings)[number];

/** The periods rows are split into; `all` gives one row per group over the whole range. */
export const hubReportPeriods = ['all', 'day', 'week', 'month'] as const;
export type HubReportPeriod = (typeof hubReportPeriods)[number];

const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'));

/** `GET /api/reports?from=&to=&by=&period=&centre=`. */
export const HubReportQuery = v.strictObject({
  from: Day,
  to: Day,
  by: v.optional(v.picklist(hubReportGroupings), 'centre'),
  period: v.optional(v.picklist(hubReportPeriods), 'all'),
  centre: v.optional(v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/))),
});
export type HubReportQueryInput = v.InferInput<typeof HubReportQuery>;

/**
 * One row of a province report: the same figures as a centre's report (`StatBlock` and
 * satisfaction), computed over every ticket the hub holds for the group and period.
 */
export interface HubReportRow {
  /** The period's first day (`YYYY-MM-DD`: the day, the Monday of the week, the 1st of the month); null for `all`. */
  period: string | null;
  centreCode: string | null;
  /** The group's own id: a service id, a clerk's user id or a counter number; null when grouped by centre. */
  key: string | null;
  /** What to call the group: centre, service, clerk or counter name. */
  label: string;
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  open: number;
  avgWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  avgServiceMinutes: number | null;
  /** Share of called tickets called within their centre's target wait. */
  withinTargetShare: number | null;
  rated: number;
  /** Share of ratings in the top two levels of the centre's scale. */
  satisfiedShare: number | null;
}

export interface HubReportView {
  from: string;
  to: string;
  by: HubReportGrouping;
  period: HubReportPeriod;
  /** Null: every centre the reader may see. */
  centre: string | null;
  rows: HubReportRow[];
  total: HubReportRow;
  tookMs: number;
}
