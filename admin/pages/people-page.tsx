import type { UserAccountView } from '../../protocol/admin.ts';
import { useState } from 'preact/hooks';
import { useAdmin } from '../admin-context.ts';
import { SaveStatus, type SaveState } from '../parts/save-status.tsx';
import { useCentreTime } from '../use-centre-time.ts';
import { useLoaded } from '../use-loaded.ts';

const blank = { username: '', name: '', password: '', role: 'clerk' as 'clerk' | 'admin', counters: '' };

/** Staff accounts: clerks (optionally limited to some counters) and administrators. */
export function PeoplePage() {
  const { t, api, user: me } = useAdmin();
  const { data: users, reload } = useLoaded('users');
  const timeText = useCentreTime();
  const [form, setForm] = useState(blank);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const field = (key: 'username' | 'name' | 'password' | 'counters') => ({
    name: key,
    value: form[key],
    onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const create = async (e: Event) => {
    e.preventDefault();
    setSave({ kind: 'saving' });
    const counters = form.counters
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number);
    const r = await api.call('createUser', {
      body: { username: form.username.trim(), name: form.name.trim(), password: form.password, role: form.role, counters },
    });
    setSave(r.ok ? { kind: 'saved' } : { kind: 'failed', error: r.error });
    if (r.ok) {
      setForm(blank);
      await reload();
    }
  };
  const resetPassword = async (u: UserAccountView) => {
    const password = prompt(t('admin:people.newPassword', { name: u.name }));
    if (!password) return;
    const r = await api.call('resetPassword', { params: { id: u.id }, body: { password } });
    setSave(r.ok ? { kind: 'saved' } : { kind: 'failed', error: r.error });
  };
  const setDisabled = async (u: UserAccountView, disabled: boolean) => {
    // Disabling signs the person out everywhere at once: ask first; enabling is harmless.
    if (disabled && !confirm(t('admin:people.confirmDisable', { name: u.name }))) return;
    setSave({ kind: 'saving' });
    const r = await api.call('setUserState', { params: { id: u.id }, body: { disabled } });
    setSave(r.ok ? { kind: 'saved' } : { kind: 'failed', error: r.error });
    if (r.ok) await reload();
  };
  return (
    <section>
      <h1>{t('admin:people.title')}</h1>
      <table class="table">
        <thead>
          <tr>
            <th>{t('admin:people.username')}</th>
            <th>{t('admin:people.name')}</th>
            <th>{t('admin:people.role')}</th>
            <th>{t('admin:people.counters')}</th>
            <th>{t('admin:people.created')}</th>
            <th>{t('admin:people.state')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(users ?? []).map((u) => (
            <tr key={u.id} data-username={u.username} class={u.disabled ? 'row--disabled' : undefined}>
              <td>{u.username}</td>
              <td>{u.name}</td>
              <td>{t(`admin:people.roles.${u.role}`)}</td>
              <td>{u.counters.length ? u.counters.join(', ') : t('admin:people.anyCounter')}</td>
              <td>{timeText(u.createdAt)}</td>
              <td>
                {u.disabled ? (
                  <span class="pill pill--bad">{t('admin:people.disabled')}</span>
                ) : (
                  <span class="pill pill--open">{t('admin:people.active')}</span>
                )}
              </td>
              <td class="actions">
                <button type="button" class="small" onClick={() => void resetPassword(u)}>
                  {t('admin:people.resetPassword')}
                </button>
                {u.disabled ? (
                  <button type="button" class="small" name="enable" onClick={() => void setDisabled(u, false)}>
                    {t('admin:people.enable')}
                  </button>
                ) : (
                  u.id !== me.id && (
                    <button type="button" class="small danger" name="disable" onClick={() => void setDisabled(u, true)}>
                      {t('admin:people.disable')}
                    </button>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="config-form editor" onSubmit={create}>
        <h2>{t('admin:people.add')}</h2>
        <div class="grid">
          <label>
            {t('admin:people.username')}
            <input {...field('username')} required pattern="[a-z0-9._\-]{3,32}" title={t('admin:people.usernameHint')} />
          </label>
          <label>
            {t('admin:people.name')}
            <input {...field('name')} required />
          </label>
          <label>
            {t('admin:people.password')}
            <input type="password" autoComplete="new-password" minLength={8} required {...field('password')} />
          </label>
          <label>
            {t('admin:people.role')}
            <select
              name="role"
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.currentTarget.value === 'admin' ? 'admin' : 'clerk' })}
            >
              <option value="clerk">{t('admin:people.roles.clerk')}</option>
              <option value="admin">{t('admin:people.roles.admin')}</option>
            </select>
          </label>
          <label>
            {t('admin:people.counters')}
            <input {...field('counters')} placeholder={t('admin:people.countersHint')} />
          </label>
        </div>
        <div class="form-actions">
          <button type="submit">{t('admin:people.create')}</button>
          <SaveStatus state={save} />
        </div>
      </form>
    </section>
  );
}
