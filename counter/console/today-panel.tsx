import type { StatBlock } from '../../protocol/views.ts';
import { useText } from '../text-context.ts';

/** Today's figures for this counter: served, no-shows, mean wait and mean service time. */
export function TodayPanel(props: { today: StatBlock }) {
  const { t } = useText();
  const minutes = (m: number | null) => (m === null ? t('counter:today.none') : t('counter:today.minutes', { count: Math.round(m) }));
  const figures: Array<[string, string | number]> = [
    ['served', props.today.served],
    ['noShow', props.today.noShow],
    ['avgWait', minutes(props.today.avgWaitMinutes)],
    ['avgService', minutes(props.today.avgServiceMinutes)],
  ];
  return (
    <section class="panel today" aria-label={t('counter:today.title')}>
      <h2>{t('counter:today.title')}</h2>
      <dl class="today-figures">
        {figures.map(([key, value]) => (
          <div key={key} data-figure={key}>
            <dt>{t(`counter:today.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
