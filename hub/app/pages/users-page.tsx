import { useState } from 'preact/hooks';
import type { HubRole, HubUserView } from '../../../protocol/hub/hub-access.ts';
import { useHubApp, useHubLoaded, useHubTime } from '../hub-app-context.ts';

/** The hub's people: province admins see everything, a centre manager only their own centre. */
export function UsersPage() {
  const { t, api, user: me } = useHubApp();
  const time = useHubTime();
  const { data: users, reload } = useHubLoaded('users');
  const [form, setForm] = useState({ username: '', name: '', password: '', role: 'centre_manager' as HubRole, centreCode: '' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const create = async (e: Event) => {
    e.preventDefault();
    const body = { ...form, centreCode: form.role === 'centre_manager' ? form.centreCode : null };
    const r = await api.call('createUser', { body });
    setMessage(r.ok ? { ok: true, text: t('hub:users.created', { username: form.username }) } : { ok: false, text: r.error.message });
    if (r.ok) setForm({ ...form, username: '', name: '', password: '' });
    await reload();
  };
  const setDisabled = async (u: HubUserView, disabled: boolean) => {
    const r = await api.call('setUserState', { params: { id: u.id }, body: { disabled } });
    if (!r.ok) setMessage({ ok: false, text: r.error.message });
    await reload();
  };
  return (
    <section>
      <h1>{t('hub:users.title')}</h1>
      <div class="two-columns">
        <form class="panel config-form" onSubmit={create}>
          <h2>{t('hub:users.add')}</h2>
          <label>
            {t('common:setup.username')}
            <input name="username" required {...field('username')} />
          </label>
          <label>
            {t('common:setup.name')}
            <input name="name" required {...field('name')} />
          </label>
          <label>
            {t('common:setup.password')}
            <input name="password" type="password" minLength={8} required autoComplete="new-password" {...field('password')} />
          </label>
          <label>
            {t('hub:users.role')}
            <select name="role" value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value as HubRole })}>
              <option value="centre_manager">{t('hub:users.roles.centre_manager')}</option>
              <option value="province_admin">{t('hub:users.roles.province_admin')}</option>
            </select>
          </label>
          {form.role === 'centre_manager' && (
            <label>
              {t('hub:users.centre')}
              <input name="centreCode" required {...field('centreCode')} />
            </label>
          )}
          {message && <p class={`notice ${message.ok ? 'notice--ok' : 'notice--bad'}`}>{message.text}</p>}
          <div class="form-actions">
            <button type="submit">{t('hub:users.create')}</button>
          </div>
        </form>
        <div class="panel">
          <table class="table">
            <thead>
              <tr>
                <th>{t('common:setup.username')}</th>
                <th>{t('common:setup.name')}</th>
                <th>{t('hub:users.role')}</th>
                <th>{t('hub:users.since')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users?.map((u) => (
                <tr key={u.id} class={u.disabled ? 'row--disabled' : ''}>
                  <td class="code">{u.username}</td>
                  <td>{u.name}</td>
                  <td>
                    {t(`hub:users.roles.${u.role}`)} {u.centreCode && <span class="code">{u.centreCode}</span>}
                  </td>
                  <td>{time(u.createdAt)}</td>
                  <td class="actions">
                    {u.id !== me.id && (
                      <button
                        type="button"
                        class={`small ${u.disabled ? 'secondary' : 'danger'}`}
                        onClick={() => void setDisabled(u, !u.disabled)}
                      >
                        {t(u.disabled ? 'hub:users.enable' : 'hub:users.disable')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
