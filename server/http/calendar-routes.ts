import type { CalendarYearView } from '../../protocol/admin.ts';
import type { AppContext } from '../app/context.ts';
import { calendarYear } from '../core/centre-calendar.ts';
import { proposedDays, statutoryDays } from '../core/public-holidays.ts';
import { httpError, okResponse } from './http-results.ts';
import type { Router } from './router.ts';

/**
 * The calendar page's year: the statutory days the rules compute, the days they propose, and
 * what the admin entered. Saving a year goes through the config routes (`saveCalendarYear`).
 */
export function addCalendarRoutes(router: Router, ctx: AppContext): void {
  router.add('calendarYear', (r) => {
    const year = Number(r.params.year);
    if (!Number.isInteger(year) || year < 1900 || year > 2199) return httpError(ctx, r, 'not_found');
    const entry = calendarYear(ctx.site.stored().centre, year);
    const entered = new Set(entry?.daysOff.map((d) => d.day));
    const view: CalendarYearView = {
      year,
      statutory: [...statutoryDays(year)],
      proposals: proposedDays(year).map((p) => ({ ...p, entered: entered.has(p.day) })),
      entry,
    };
    return okResponse(view);
  });
}
