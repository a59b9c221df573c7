import { useEffect, useState } from 'preact/hooks';
import { localDateTime } from '../board-clock.ts';
import { useBoardText } from '../board-text.ts';

/** Props of {@link DateClock}. */
export interface DateClockProps {
  timeZone: string;
  /** Add to `Date.now()` for the server's time. */
  offsetMs: number;
}

/** "Thứ Hai, 23/11/2026 09:15" in the centre's time zone, by the server's clock. */
export function DateClock({ timeZone, offsetMs }: DateClockProps) {
  const { t } = useBoardText();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // Once a second is enough for a minute display and cheap; the minute changes on time.
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const local = localDateTime(now + offsetMs, timeZone);
  return (
    <time class="date-clock" data-testid="clock">
      {t('clock.dateTime', { ...local, weekday: t(`clock.weekday.${local.weekday}`) })}
    </time>
  );
}
