import type { SiteConfig } from '../../protocol/site-config.ts';
import { localMoment, formatClock } from '../core/local-time.ts';
import type { Ticket } from '../core/model.ts';

const columns = [
  'number',
  'service',
  'issued_service',
  'priority_group',
  'procedure',
  'status',
  'counter',
  'clerk',
  'issued_at',
  'first_called_at',
  'started_at',
  'ended_at',
  'wait_minutes',
  'service_minutes',
  'recalls',
  'transfers',
  'rating',
] as const;

/**
 * The day's tickets as CSV for spreadsheets: local times, minutes as numbers, a BOM so Excel
 * reads the Vietnamese right. No personal data: the queue holds none.
 */
export function ticketsCsv(config: SiteConfig, tickets: readonly Ticket[], clerkName: (id: string) => string | null): string {
  const tz = config.centre.timeZone;
  const time = (ms: number | null) => {
    if (ms === null) return '';
    const m = localMoment(ms, tz);
    return `${m.day} ${formatClock(m.minutes)}`;
  };
  const minutes = (from: number | null, to: number | null) => (from === null || to === null ? '' : ((to - from) / 60_000).toFixed(1));
  const code = (serviceId: string) => config.services.find((s) => s.id === serviceId)?.code ?? serviceId;
  const rows = [...tickets]
    .sort((a, b) => a.issuedAt - b.issuedAt)
    .map((t) => [
      t.label,
      code(t.serviceId),
      code(t.issuedServiceId),
      t.priorityGroup ?? '',
      t.procedureCode ?? '',
      t.status,
      t.counterId ?? '',
      t.clerkId ? (clerkName(t.clerkId) ?? '') : '',
      time(t.issuedAt),
      time(t.firstCalledAt),
      time(t.startedAt),
      time(t.endedAt),
      minutes(t.issuedAt, t.firstCalledAt),
      t.status === 'finished' ? minutes(t.startedAt, t.endedAt) : '',
      t.recalls,
      t.transfers,
      t.rating?.level ?? '',
    ]);
  return `\uFEFF${[columns, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** One CSV cell: quoted when it needs it, and never run as a formula by a spreadsheet. */
export function csvCell(value: string | number): string {
  const s = String(value);
  // Quote what needs it, and defuse cells a spreadsheet would run as a formula.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
