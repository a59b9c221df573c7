import type { CounterSnapshot } from '../../protocol/views.ts';
import { useText } from '../text-context.ts';
import { formatDuration, ticketTimes } from './durations.ts';

/** The ticket at the counter, large, with how long the citizen waited and how long it has been here. */
export function CurrentTicket(props: { snapshot: CounterSnapshot; serverNow: number }) {
  const { t, pick } = useText();
  const { current, services, maxRecalls } = props.snapshot;
  if (!current) {
    return (
      <section class="current current--empty" aria-label={t('counter:current.title')}>
        <h2>{t('counter:current.title')}</h2>
        <p class="current-none">{t('counter:current.none')}</p>
      </section>
    );
  }
  const service = services.find((s) => s.id === current.serviceId);
  const times = ticketTimes(current, props.serverNow);
  const serving = current.status === 'serving';
  return (
    <section class={`current current--${current.status}`} aria-label={t('counter:current.title')}>
      <h2>{t('counter:current.title')}</h2>
      <div class="current-main">
        <div class="current-label" data-testid="current-label">
          {current.label}
        </div>
        <div class="current-facts">
          <span class={`pill pill--${current.status}`}>{t(serving ? 'counter:current.serving' : 'counter:current.called')}</span>
          {current.priorityGroup && <span class="pill pill--priority">{t('counter:queue.priority')}</span>}
          {service && (
            <p class="current-service">
              <span class="code">{service.code}</span> {pick(service.name)}
            </p>
          )}
          {current.procedureCode && <p class="current-procedure">{t('counter:current.procedure', { code: current.procedureCode })}</p>}
        </div>
      </div>
      <dl class="current-times">
        <div>
          <dt>{t('counter:current.waited')}</dt>
          <dd>{formatDuration(times.waitedMs)}</dd>
        </div>
        <div>
          <dt>{t(serving ? 'counter:current.serviceTime' : 'counter:current.sinceCall')}</dt>
          <dd data-testid="service-time">{formatDuration((serving ? times.servingMs : times.sinceCallMs) ?? 0)}</dd>
        </div>
        {current.recalls > 0 && (
          <div>
            <dt>{t('counter:current.recalls', { count: current.recalls, max: maxRecalls })}</dt>
          </div>
        )}
      </dl>
    </section>
  );
}
