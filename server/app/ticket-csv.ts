import type { SiteConfig } from '../../protocol/site-config.ts';
import { localMoment, formatClock } from '../core/local-time.ts';
import type { Ticket } from '../core/model.ts';
import { csvDecimal, csvDocument, type CsvStyle } from './csv-style.ts';

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
  'rating_scale',
  'dossier',
] as const;

/**
 * The day's tickets as CSV for spreadsheets: local times, minutes as numbers, headers, statuses
 * and priority groups in the style's language (csv-style.ts). No personal data: the queue holds
 * none. Each row carries the clerk who served it, its rating with the scale it was given on, and
 * the dossier code given at finish, so a centre matches tickets and counter ratings to its dossiers.
 */
export function ticketsCsv(
  config: SiteConfig,
  tickets: readonly Ticket[],
  clerkName: (id: string) => string | null,
  style: CsvStyle,
): string {
  const tz = config.centre.timeZone;
  const time = (ms: number | null) => {
    if (ms === null) return '';
    const m = localMoment(ms, tz);
    return `${m.day} ${formatClock(m.minutes)}`;
  };
  const minutes = (from: number | null, to: number | null) =>
    from === null || to === null ? '' : csvDecimal((to - from) / 60_000, 1, style);
  const code = (serviceId: string) => config.services.find((s) => s.id === serviceId)?.code ?? serviceId;
  // Scripts reading the English file keep the group's id; people get its name.
  const group = (id: string) => (style.lang === 'en' ? id : (config.centre.priorityGroups.find((g) => g.id === id)?.name.vi ?? id));
  const rows = [...tickets]
    .sort((a, b) => a.issuedAt - b.issuedAt)
    .map((t) => [
      t.label,
      code(t.serviceId),
      code(t.issuedServiceId),
      t.priorityGroup ? group(t.priorityGroup) : '',
      t.procedureCode ?? '',
      style.t(`status.${t.status}`),
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
      t.rating ? (t.rating.scale ?? config.centre.ratingScale) : '',
      t.dossierCode ?? '',
    ]);
  return csvDocument([columns.map((c) => style.t(`tickets.${c}`)), ...rows], style);
}
