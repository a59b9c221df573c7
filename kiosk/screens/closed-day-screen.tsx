import type { ClosedDayView } from '../../protocol/views.ts';
import { useKiosk } from '../kiosk-context.ts';
import { whenText } from '../state/come-back.ts';

/**
 * A day off, said once: which holiday it is and when numbers are handed out again, instead of
 * every service's tile repeating "no numbers today".
 */
export function ClosedDayScreen(props: { closed: ClosedDayView }) {
  const { t, lang, data, clock } = useKiosk();
  const { dayOff, reopensAt } = props.closed;
  const holiday =
    dayOff === null
      ? null
      : dayOff.holiday
        ? t(`calendar:holiday.${dayOff.holiday}`)
        : (dayOff.name?.[lang] ?? t('calendar:holiday.day_off'));
  const hotline = data.snapshot?.hotline;
  return (
    <section class="screen closed-day" data-testid="closed-day">
      <h1>{holiday ?? t('kiosk:closed.weekly')}</h1>
      {holiday !== null && <p class="closed-what">{t('kiosk:closed.day_off')}</p>}
      <p class="closed-reopens">
        {reopensAt === null ? t('kiosk:closed.no_reopen') : t('kiosk:closed.reopens', { when: whenText(reopensAt, clock()) })}
      </p>
      {hotline && <p class="hint">{t('kiosk:closed.hotline', { hotline })}</p>}
    </section>
  );
}
