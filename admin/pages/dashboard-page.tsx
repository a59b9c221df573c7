import { useAdmin, named } from '../admin-context.ts';
import { BarChart } from '../charts/bar-chart.tsx';
import { SatisfactionBars } from '../charts/satisfaction-bar.tsx';
import { minutesWithUnit, percentText } from '../../client/figures.ts';
import { ServerHealthAlerts } from '../parts/server-health-alerts.tsx';
import { StatCard } from '../../client/stat-card.tsx';
import { useAdminSnapshot } from '../use-admin-snapshot.ts';
import { useSiteConfig } from '../use-site-config.ts';

/** Today at a glance, live: who waits where, what each counter is doing, today's figures. */
export function DashboardPage() {
  const { t, lang } = useAdmin();
  const { snapshot, error } = useAdminSnapshot();
  const { config } = useSiteConfig();
  if (error) return <p role="alert">{error}</p>;
  if (!snapshot) return <p>{t('common:connecting')}</p>;
  const total = snapshot.stats.total;
  const waiting = Object.values(snapshot.waitingByService).reduce((a, b) => a + b, 0);
  const target = config?.centre.targetWaitMinutes ?? 15;
  const serviceName = (id: string) => {
    const s = config?.services.find((x) => x.id === id);
    return s ? `${s.code} · ${named(s.name, lang)}` : id;
  };
  return (
    <section class="dashboard">
      <h1>
        {t('admin:dashboard.title')} <small>{snapshot.day}</small>
      </h1>
      <ServerHealthAlerts health={snapshot.health} />
      {snapshot.unconfirmedCalendarYears.length > 0 && (
        <p class="banner banner--down" role="alert" data-testid="calendar-warning">
          {t('admin:dashboard.calendarUnconfirmed', { years: snapshot.unconfirmedCalendarYears.join(', ') })}{' '}
          <a href="#calendar">{t('admin:dashboard.calendarLink')}</a>
        </p>
      )}
      <div class="stat-row">
        <StatCard label={t('admin:figures.waitingNow')} value={waiting} testId="waiting-now" />
        <StatCard
          label={t('admin:figures.longestWait')}
          value={`${snapshot.longestWaitMinutes} ${t('admin:figures.min')}`}
          tone={snapshot.longestWaitMinutes > target ? 'bad' : 'good'}
        />
        <StatCard label={t('admin:figures.issued')} value={total.issued} testId="issued-today" />
        <StatCard label={t('admin:figures.served')} value={total.served} />
        <StatCard label={t('admin:figures.noShow')} value={total.noShow} />
        <StatCard label={t('admin:figures.avgWait')} value={minutesWithUnit(total.avgWaitMinutes, t('admin:figures.min'))} />
        <StatCard label={t('admin:figures.withinTarget', { minutes: target })} value={percentText(total.withinTargetShare)} />
        <StatCard label={t('admin:figures.satisfied')} value={percentText(snapshot.satisfaction.satisfiedShare)} />
      </div>
      <div class="two-columns">
        <div class="panel">
          <h2>{t('admin:dashboard.waitingByService')}</h2>
          <BarChart
            title={t('admin:dashboard.waitingByService')}
            bars={(config?.services ?? []).map((s) => ({ label: serviceName(s.id), value: snapshot.waitingByService[s.id] ?? 0 }))}
          />
          <h2>{t('admin:dashboard.satisfaction')}</h2>
          <SatisfactionBars
            block={snapshot.satisfaction}
            scale={config?.centre.ratingScale ?? 3}
            title={t('admin:dashboard.satisfaction')}
          />
        </div>
        <div class="panel">
          <h2>{t('admin:dashboard.counters')}</h2>
          <table class="table">
            <thead>
              <tr>
                <th>{t('admin:counters.number')}</th>
                <th>{t('admin:counters.name')}</th>
                <th>{t('admin:dashboard.status')}</th>
                <th>{t('admin:dashboard.current')}</th>
                <th>{t('admin:figures.served')}</th>
              </tr>
            </thead>
            <tbody>
              {snapshot.counters.map((c) => (
                <tr key={c.id} data-counter={c.id}>
                  <td>{c.id}</td>
                  <td>{named(c.name, lang)}</td>
                  <td>
                    <span class={`pill pill--${c.status}`}>{t(`admin:counterStatus.${c.status}`)}</span>
                  </td>
                  <td class="ticket-label">{c.currentLabel ?? '–'}</td>
                  <td>{snapshot.stats.byCounter[String(c.id)]?.served ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
