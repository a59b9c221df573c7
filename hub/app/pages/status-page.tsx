import { useState } from 'preact/hooks';
import { StatCard } from '../../../client/stat-card.tsx';
import type { CentreView } from '../../../protocol/hub/centres.ts';
import { centreProblems } from '../../../protocol/hub/centre-status.ts';
import { useHubApp, useHubTime } from '../hub-app-context.ts';
import { useHubSnapshot } from '../use-hub-snapshot.ts';

/** Every centre of the province, live: open or closed, counters, waiting, devices, and how far its data has reached the hub. */
export function StatusPage() {
  const { t } = useHubApp();
  const { snapshot, error } = useHubSnapshot();
  const [filter, setFilter] = useState('');
  if (error) return <p role="alert">{error}</p>;
  if (!snapshot) return <p>{t('common:connecting')}</p>;
  const centres = snapshot.centres.filter((c) => `${c.code} ${c.name}`.toLowerCase().includes(filter.trim().toLowerCase()));
  const joined = snapshot.centres.filter((c) => c.joinedAt !== null && c.revokedAt === null);
  const online = joined.filter((c) => c.link === 'online');
  const open = online.filter((c) => c.live?.open);
  const waiting = online.reduce((sum, c) => sum + (c.live?.waiting ?? 0), 0);
  const withProblems = online.filter((c) => c.live && centreProblems(c.live).length > 0);
  return (
    <section class="hub-status">
      <h1>{t('hub:status.title')}</h1>
      <div class="stat-row">
        <StatCard
          label={t('hub:status.online')}
          value={`${online.length} / ${joined.length}`}
          tone={online.length < joined.length ? 'bad' : 'good'}
          testId="centres-online"
        />
        <StatCard label={t('hub:status.openNow')} value={open.length} />
        <StatCard label={t('hub:status.waitingNow')} value={waiting} testId="province-waiting" />
        <StatCard label={t('hub:status.withProblems')} value={withProblems.length} tone={withProblems.length ? 'bad' : 'good'} />
      </div>
      <div class="panel">
        <label class="inline search">
          <span>{t('hub:status.find')}</span>
          <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </label>
        <table class="table hub-board">
          <thead>
            <tr>
              <th>{t('hub:status.centre')}</th>
              <th>{t('hub:status.link')}</th>
              <th>{t('hub:status.open')}</th>
              <th>{t('hub:status.counters')}</th>
              <th>{t('hub:status.waiting')}</th>
              <th>{t('hub:status.longestWait')}</th>
              <th>{t('hub:status.devices')}</th>
              <th>{t('hub:status.data')}</th>
              <th>{t('hub:status.catalogue')}</th>
            </tr>
          </thead>
          <tbody>
            {centres.map((c) => (
              <CentreRow key={c.code} centre={c} now={snapshot.serverTime} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CentreRow({ centre: c, now }: { centre: CentreView; now: number }) {
  const { t } = useHubApp();
  const time = useHubTime();
  const live = c.link === 'online' || c.link === 'stale' ? c.live : null;
  const problems = live ? centreProblems(live) : [];
  const linkTone = c.link === 'online' ? 'pill--open' : c.link === 'never' ? 'pill--closed' : 'pill--bad';
  return (
    <tr data-centre={c.code} class={c.link === 'online' ? '' : 'muted'}>
      <td>
        <strong>{c.name}</strong>
        <br />
        <span class="code">{c.code}</span>
      </td>
      <td>
        <span class={`pill ${linkTone}`} data-testid="link">
          {t(`hub:link.${c.link}`)}
        </span>
        {c.link === 'stale' && c.lastContactAt !== null && (
          <div class="hint">{t('hub:status.lastContact', { ago: agoText(t, now - c.lastContactAt) })}</div>
        )}
      </td>
      <td>
        {live && (
          <span class={`pill ${live.open ? 'pill--open' : 'pill--closed'}`}>
            {t(live.open ? 'hub:status.isOpen' : 'hub:status.isClosed')}
          </span>
        )}
      </td>
      <td>{live && `${live.counters.open} / ${live.counters.open + live.counters.paused + live.counters.closed}`}</td>
      <td data-testid="waiting">{live?.waiting ?? ''}</td>
      <td>{live ? `${live.longestWaitMinutes} ${t('admin:figures.min')}` : ''}</td>
      <td>
        {live && problems.length === 0 && <span class="pill pill--open">{t('hub:problems.none')}</span>}
        {problems.map((p) => (
          <span key={p} class="pill pill--bad" data-problem={p}>
            {t(`hub:problems.${p}`, { count: p === 'boards.sound_off' ? live!.devices.boards.soundOff : 1 })}
          </span>
        ))}
      </td>
      <td data-testid="data">
        {c.received.lastEventAt !== null && <div>{t('hub:status.dataUpTo', { when: time(c.received.lastEventAt) })}</div>}
        {live && live.shipping.pendingEvents > 0 && (
          <span class="pill pill--paused" data-testid="behind">
            {t('hub:status.behind', { count: live.shipping.pendingEvents })}
          </span>
        )}
      </td>
      <td>{live?.catalogueVersion != null ? `v${live.catalogueVersion}` : '–'}</td>
    </tr>
  );
}

/** "3 phút", "2 giờ", "5 ngày": how long ago, roughly. */
export function agoText(t: (key: string, params?: Record<string, unknown>) => string, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return t('hub:ago.minutes', { count: minutes });
  if (minutes < 48 * 60) return t('hub:ago.hours', { count: Math.floor(minutes / 60) });
  return t('hub:ago.days', { count: Math.floor(minutes / 1440) });
}
