import { useState } from 'preact/hooks';
import { useAdmin } from '../admin-context.ts';
import { useCentreTime } from '../use-centre-time.ts';
import { useLoaded } from '../use-loaded.ts';

const refreshMs = 5000;

/** The centre's link to its province hub: whether it is up, how far the hub is behind, the catalogue it gave, and joining. */
export function HubPage() {
  const { t, api } = useAdmin();
  const time = useCentreTime();
  const { data, reload } = useLoaded('hubLink', refreshMs);
  const [joinCode, setJoinCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!data) return <p>{t('common:connecting')}</p>;
  const { link } = data;
  if (link === null)
    return (
      <section>
        <h1>{t('admin:hub.title')}</h1>
        <p class="hint">{t('admin:hub.notConfigured')}</p>
      </section>
    );
  const join = async (e: Event) => {
    e.preventDefault();
    const r = await api.call('joinHub', { body: { joinCode: joinCode.trim() } });
    setError(r.ok ? null : r.error.message);
    if (r.ok) setJoinCode('');
    await reload();
  };
  const tone = link.state === 'online' ? 'pill--open' : link.state === 'offline' ? 'pill--paused' : 'pill--bad';
  return (
    <section>
      <h1>{t('admin:hub.title')}</h1>
      <div class="two-columns">
        <div class="panel">
          <p>
            <span class={`pill ${tone}`} data-testid="hub-state">
              {t(`admin:hub.states.${link.state}`)}
            </span>{' '}
            <code>{link.hubUrl}</code>
          </p>
          <p>
            {t('admin:hub.centre', { code: link.centreCode, name: link.centreName ?? '–' })}
            {link.joinedAt && <span class="hint"> · {t('admin:hub.joinedAt', { when: time(link.joinedAt) })}</span>}
          </p>
          {link.lastContactAt && <p class="hint">{t('admin:hub.lastContact', { when: time(link.lastContactAt) })}</p>}
          {link.lastError && link.state !== 'online' && (
            <p class="notice notice--bad" data-testid="hub-problem">
              {t(link.lastError.code, link.lastError.params)}
            </p>
          )}
          {(link.state === 'not_joined' || link.state === 'revoked') && (
            <form class="config-form" onSubmit={join}>
              <p class="hint">{t('admin:hub.joinHelp')}</p>
              <label>
                {t('admin:hub.joinCode')}
                <input name="joinCode" required autoComplete="off" value={joinCode} onInput={(e) => setJoinCode(e.currentTarget.value)} />
              </label>
              {error && <p class="notice notice--bad">{error}</p>}
              <div class="form-actions">
                <button type="submit">{t('admin:hub.join')}</button>
              </div>
            </form>
          )}
        </div>
        <div class="panel">
          <h2>{t('admin:hub.shipping')}</h2>
          <p data-testid="hub-pending">
            {link.shipping.pendingEvents === 0
              ? t('admin:hub.upToDate')
              : t('admin:hub.pending', {
                  count: link.shipping.pendingEvents,
                  since: link.shipping.oldestPendingAt ? time(link.shipping.oldestPendingAt) : '–',
                })}
          </p>
          {link.shipping.lastShippedAt && <p class="hint">{t('admin:hub.lastShipped', { when: time(link.shipping.lastShippedAt) })}</p>}
          {link.shipping.blocked && (
            <p class="notice notice--bad">{t('admin:hub.blocked', { day: link.shipping.blocked.day, seq: link.shipping.blocked.seq })}</p>
          )}
          <h2>{t('admin:hub.catalogue')}</h2>
          <p>
            {link.catalogue.version === null
              ? t('admin:hub.noCatalogue')
              : t('admin:hub.catalogueVersion', { version: link.catalogue.version, when: time(link.catalogue.appliedAt ?? 0) })}
          </p>
          {link.catalogue.unmapped.length > 0 && (
            <p class="notice notice--bad">
              {t('admin:hub.unmapped', { count: link.catalogue.unmapped.length, codes: link.catalogue.unmapped.slice(0, 8).join(', ') })}
            </p>
          )}
          {link.catalogue.refused && (
            <p class="notice notice--bad">
              {t(`admin:hub.catalogueRefused.${link.catalogue.refused.stage}`, {
                version: link.catalogue.refused.version,
                count: link.catalogue.refused.problems,
              })}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
