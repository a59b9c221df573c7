import type { i18n } from 'i18next';
import { useState } from 'preact/hooks';
import type { SessionCall, SignedIn } from './sign-in-screen.tsx';
import { request } from './http-api.ts';

export type SetupForm = { token: string; username: string; name: string; password: string };

/** A centre's first-run set-up (`setup` of `protocol/routes.ts`), from its admin app; the hub app passes its own. */
export const centreSetup: SessionCall<SetupForm, SignedIn> = (body, lang) => request({ app: 'admin', lang }, 'setup', { body });

/**
 * First run: whoever holds the link the server printed creates the administrator account (the
 * centre's admin, or the hub's province admin through the hub's own route; `help` says which).
 */
export function SetupScreen<S>(props: {
  i18n: i18n;
  setup: SessionCall<SetupForm, S>;
  setupToken: string;
  help: string;
  onDone: (s: S) => void;
}) {
  const t = props.i18n.t.bind(props.i18n);
  const [form, setForm] = useState({ username: '', name: '', password: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    if (form.password !== form.repeat) return setError(t('common:setup.mismatch'));
    const r = await props.setup(
      { token: props.setupToken, username: form.username.trim(), name: form.name.trim(), password: form.password },
      props.i18n.language,
    );
    if (r.ok) props.onDone(r.value);
    else setError(r.error.code === 'offline' ? t('common:offline') : r.error.message);
  };
  return (
    <main class="admin-gate">
      <form class="sign-in" onSubmit={submit}>
        <h1>{t('common:setup.title')}</h1>
        <p>{props.help}</p>
        <label>
          {t('common:setup.username')}
          <input name="username" autoComplete="username" required {...field('username')} />
        </label>
        <label>
          {t('common:setup.name')}
          <input name="name" autoComplete="name" required {...field('name')} />
        </label>
        <label>
          {t('common:setup.password')}
          <input name="password" type="password" autoComplete="new-password" minLength={8} required {...field('password')} />
        </label>
        <label>
          {t('common:setup.repeat')}
          <input name="repeat" type="password" autoComplete="new-password" minLength={8} required {...field('repeat')} />
        </label>
        {error && <p role="alert">{error}</p>}
        <button type="submit">{t('common:setup.submit')}</button>
      </form>
    </main>
  );
}
