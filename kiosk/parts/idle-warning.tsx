import { useEffect, useState } from 'preact/hooks';
import { useKiosk } from '../kiosk-context.ts';

/** "Bạn cần thêm thời gian?" with a countdown and one large button to carry on. */
export function IdleWarning(props: { until: number; onContinue(): void }) {
  const { t } = useKiosk();
  const seconds = useCountdown(props.until);
  return (
    <div class="overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-question">
      <div class="dialog">
        <h2 id="idle-question">{t('kiosk:idle.question')}</h2>
        <p>{t('kiosk:idle.countdown', { seconds })}</p>
        <button type="button" class="primary big" onClick={props.onContinue}>
          {t('kiosk:idle.continue')}
        </button>
      </div>
    </div>
  );
}

/** Whole seconds left until `until`, ticking. */
export function useCountdown(until: number): number {
  const left = () => Math.max(0, Math.ceil((until - Date.now()) / 1000));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    const timer = setInterval(() => setSeconds(left()), 250);
    return () => clearInterval(timer);
  }, [until]);
  return seconds;
}
