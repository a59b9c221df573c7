import type { i18n } from 'i18next';
import { useState } from 'preact/hooks';
import type { SignedIn } from '../client/sign-in-screen.tsx';
import { request } from '../client/http-api.ts';

/** First run: whoever holds the link the server printed creates the administrator account. */
export function SetupScreen(props: { i18n: i18n; setupToken: string; onDone: (s: SignedIn) => void }) {
  const t = props.i18n.t.bind(props.i18n);
  const [form, setForm] = useState({ username: '', name: '', password: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    if (form.password !== form.repeat) return setError(t('admin:setup.mismatch'));
    const r = await request({ lang: props.i18n.language }, 'setup', {
      body: { token: props.setupToken, username: form.username.trim(), name: form.name.trim(), password: form.password },
    });
    if (r.ok) props.onDone(r.value);
    else setError(r.error.code === 'offline' ? t('common:offline') : r.error.message);
  };
  return (
    <main class="admin-gate">
      <form class="sign-in" onSubmit={submit}>
        <h1>{t('admin:setup.title')}</h1>
        <p>{t('admin:setup.help')}</p>
        <label>
          {t('admin:setup.username')}
          <input name="username" autoComplete="username" required {...field('username')} />
        </label>
        <label>
          {t('admin:setup.name')}
          <input name="name" autoComplete="name" required {...field('name')} />
        </label>
        <label>
          {t('admin:setup.password')}
          <input name="password" type="password" autoComplete="new-password" minLength={8} required {...field('password')} />
        </label>
        <label>
          {t('admin:setup.repeat')}
          <input name="repeat" type="password" autoComplete="new-password" minLength={8} required {...field('repeat')} />
        </label>
        {error && <p role="alert">{error}</p>}
        <button type="submit">{t('admin:setup.submit')}</button>
      </form>
    </main>
  );
}
