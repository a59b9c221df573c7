/**
 * Plain words for "when numbers are handed out again", in the centre's time zone: a citizen
 * reads "07:00 ngày mai, Thứ Ba 24/11" faster than a full date.
 */
import type { TFunction } from 'i18next';
import type { Lang } from '../../client/i18n.ts';
import { clockTime } from '../../protocol/wait-text.ts';
import type { ResultError } from '../../protocol/result.ts';
import type { KioskServiceView, ServiceAvailability } from '../../protocol/views.ts';

export interface ClockContext {
  t: TFunction;
  lang: Lang;
  now: number;
  timeZone: string;
}

const dayMs = 86_400_000;

function localDay(epoch: number, timeZone: string): number {
  // en-CA formats as YYYY-MM-DD; whole days between two of them are plain UTC arithmetic.
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(epoch);
  return Math.round(Date.parse(`${ymd}T00:00:00Z`) / dayMs);
}

function locale(lang: Lang): string {
  return lang === 'vi' ? 'vi-VN' : 'en-GB';
}

/** "07:00 hôm nay", "07:00 ngày mai, Thứ Ba 24/11", "07:00, Thứ Hai 30/11". */
export function whenText(epoch: number, c: ClockContext): string {
  const time = clockTime(epoch, c.lang, c.timeZone);
  const date = new Intl.DateTimeFormat(locale(c.lang), { timeZone: c.timeZone, weekday: 'long', day: '2-digit', month: '2-digit' }).format(
    epoch,
  );
  const days = localDay(epoch, c.timeZone) - localDay(c.now, c.timeZone);
  if (days <= 0) return c.t('kiosk:when.today', { time });
  if (days === 1) return c.t('kiosk:when.tomorrow', { time, date });
  return c.t('kiosk:when.later', { time, date });
}

/** Why a service gives no numbers now, and when it will; null while it is open. */
export function closedReason(
  service: Pick<KioskServiceView, 'availability' | 'reopensAt'>,
  c: ClockContext,
): { status: string; comeBack: string | null } | null {
  if (service.availability === 'open') return null;
  return {
    status: c.t(`kiosk:availability.${service.availability}`),
    comeBack: service.reopensAt === null ? null : c.t('kiosk:availability.come_back', { when: whenText(service.reopensAt, c) }),
  };
}

const refusalAvailability: Record<string, Exclude<ServiceAvailability, 'open'>> = {
  service_closed: 'not_yet',
  after_cutoff: 'after_cutoff',
  quota_reached: 'quota_reached',
};

/**
 * The words for a refused `ticket:issue`. The server translated the message in the socket's
 * language (Vietnamese); the kiosk may have been switched since, so known codes are worded here.
 */
export function refusalText(error: ResultError, c: ClockContext): string {
  if (error.code === 'offline') return c.t('kiosk:take.offline');
  const availability = refusalAvailability[error.code];
  const reopensAt = error.params?.reopensAt;
  if (availability) {
    const reason = closedReason({ availability, reopensAt: typeof reopensAt === 'number' ? reopensAt : null }, c)!;
    return reason.comeBack ? `${reason.status}. ${reason.comeBack}.` : `${reason.status}.`;
  }
  const key = `errors:${error.code}`;
  return c.t(key, { ...error.params, defaultValue: error.message });
}
