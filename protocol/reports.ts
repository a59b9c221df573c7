import type { SatisfactionBlock, StatBlock } from './views.ts';

/** Figures for a day or a range of days, grouped the ways a manager reports them. */
export interface ReportTables {
  total: StatBlock;
  /** By the service a ticket was issued for. */
  byService: Record<string, StatBlock>;
  byCounter: Record<string, StatBlock>;
  /** By the user id of the clerk who served (or last called) the ticket. */
  byClerk: Record<string, StatBlock>;
  /** By the local hour of issue, `"07"` … `"17"`. */
  byHour: Record<string, StatBlock>;
  /** Tickets issued per local weekday (0 = Sunday) and hour (0–23): `heatmap[weekday][hour]`. */
  heatmap: number[][];
  /** Issued and served per local day, for the trend over a range. */
  byDay: Record<string, { issued: number; served: number }>;
  satisfaction: {
    total: SatisfactionBlock;
    byService: Record<string, SatisfactionBlock>;
    byCounter: Record<string, SatisfactionBlock>;
    byClerk: Record<string, SatisfactionBlock>;
  };
}

/** `GET /api/reports?from=&to=`: the tables plus what the screen needs to name things. */
export interface ReportView extends ReportTables {
  from: string;
  to: string;
  ratingScale: 3 | 5;
  targetWaitMinutes: number;
  services: Array<{ id: string; code: string; name: { vi: string; en: string } }>;
  counters: Array<{ id: number; name: { vi: string; en: string } }>;
  clerks: Array<{ id: string; name: string }>;
  /** How long the server took to build the report, in milliseconds. */
  tookMs: number;
}

/** The tables a CSV export can hold. */
export const reportCsvTables = ['service', 'counter', 'clerk', 'hour', 'day'] as const;
export type ReportCsvTable = (typeof reportCsvTables)[number];
