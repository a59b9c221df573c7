import { useState } from 'preact/hooks';
import type { JoinCodeView } from '../../../protocol/hub/centres.ts';
import { useHubApp, useHubLoaded, useHubTime } from '../hub-app-context.ts';

/** The province's centres: enter one, give it a one-time join code, revoke it. */
export function CentresPage() {
  const { t, api } = useHubApp();
  const time = useHubTime();
  const { data, reload } = useHubLoaded('status');
  const [form, setForm] = useState({ code: '', name: '', level: 'commune' as 'commune' | 'province' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [issued, setIssued] = useState<(JoinCodeView & { centre: string }) | null>(null);

  const add = async (e: Event) => {
    e.preventDefault();
    const r = await api.call('createCentre', { body: form });
    setMessage(r.ok ? { ok: true, text: t('hub:centres.added', { code: form.code.toUpperCase() }) } : { ok: false, text: r.error.message });
    if (r.ok) setForm({ code: '', name: '', level: form.level });
    await reload();
  };
  const joinCode = async (code: string) => {
    const r = await api.call('makeJoinCode', { params: { code } });
    if (r.ok) {
      setIssued({ ...r.value, centre: code });
      // The code is shown once, in the panel at the top: bring it into view.
      scrollTo({ top: 0, behavior: 'smooth' });
    }
    await reload();
  };
  const revoke = async (code: string, name: string) => {
    if (!confirm(t('hub:centres.confirmRevoke', { name }))) return;
    await api.call('revokeCentre', { params: { code } });
    await reload();
  };

  return (
    <section>
      <h1>{t('hub:centres.title')}</h1>
      <div class="two-columns">
        <form class="panel config-form" onSubmit={add}>
          <h2>{t('hub:centres.add')}</h2>
          <label>
            {t('hub:centres.code')}
            <input name="code" required value={form.code} onInput={(e) => setForm({ ...form, code: e.currentTarget.value })} />
          </label>
          <label>
            {t('hub:centres.name')}
            <input name="name" required value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          </label>
          <label>
            {t('hub:centres.level')}
            <select
              name="level"
              value={form.level}
              onChange={(e) => setForm({ ...form, level: e.currentTarget.value as 'commune' | 'province' })}
            >
              <option value="commune">{t('hub:centres.levels.commune')}</option>
              <option value="province">{t('hub:centres.levels.province')}</option>
            </select>
          </label>
          {message && <p class={`notice ${message.ok ? 'notice--ok' : 'notice--bad'}`}>{message.text}</p>}
          <div class="form-actions">
            <button type="submit">{t('hub:centres.addButton')}</button>
          </div>
        </form>
        <div class="panel">
          <h2>{t('hub:centres.joinTitle')}</h2>
          <p class="hint">{t('hub:centres.joinHelp')}</p>
          {issued && (
            <div class="join-code" data-testid="join-code">
              <p>{t('hub:centres.joinFor', { code: issued.centre })}</p>
              <p class="pairing-code">
                <strong>{issued.code}</strong>
              </p>
              <p class="hint">{t('hub:centres.joinExpires', { when: time(issued.expiresAt) })}</p>
              <pre class="code">
                {['npm start --', `--hub ${location.origin}`, `--centre-code ${issued.centre}`, `--hub-join-code ${issued.code}`].map(
                  (part, i) => (
                    <span key={part}>
                      {i > 0 && ' '}
                      <span class="nowrap">{part}</span>
                    </span>
                  ),
                )}
              </pre>
            </div>
          )}
        </div>
      </div>
      <div class="panel">
        <table class="table">
          <thead>
            <tr>
              <th>{t('hub:centres.code')}</th>
              <th>{t('hub:centres.name')}</th>
              <th>{t('hub:centres.level')}</th>
              <th>{t('hub:centres.joined')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data?.centres.map((c) => (
              <tr key={c.code} data-centre={c.code} class={c.revokedAt ? 'row--disabled' : ''}>
                <td class="code">{c.code}</td>
                <td>{c.name}</td>
                <td>{t(`hub:centres.levels.${c.level}`)}</td>
                <td>
                  {c.revokedAt
                    ? t('hub:centres.revokedAt', { when: time(c.revokedAt) })
                    : c.joinedAt
                      ? time(c.joinedAt)
                      : c.joinCodeExpiresAt
                        ? t('hub:centres.codeWaiting', { when: time(c.joinCodeExpiresAt) })
                        : t('hub:centres.notJoined')}
                </td>
                <td class="actions">
                  <button type="button" class="small secondary" onClick={() => void joinCode(c.code)}>
                    {t(c.joinedAt && !c.revokedAt ? 'hub:centres.newJoinCode' : 'hub:centres.makeJoinCode')}
                  </button>
                  {c.joinedAt && !c.revokedAt && (
                    <button type="button" class="small danger" onClick={() => void revoke(c.code, c.name)}>
                      {t('hub:centres.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
