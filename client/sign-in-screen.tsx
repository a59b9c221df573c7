import type { i18n } from 'i18next';
import { useState } from 'preact/hooks';
import { request } from './http-api.ts';
import type { SessionView } from '../protocol/http-views.ts';

/** A new session: its token and who signed in. */
export type SignedIn = SessionView;

/**
 * Clerks and admins sign in with their own credentials; the session token is kept by the app.
 * The hub's people sign in the same way: the hub answers the same route with its own kind of user.
 */
export function SignInScreen<U = SignedIn['user']>(props: { i18n: i18n; onSignedIn: (s: { token: string; user: U }) => void }) {
  const t = props.i18n.t.bind(props.i18n);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = await request({ lang: props.i18n.language }, 'login', { body: { username: username.trim(), password } });
    if (r.ok) props.onSignedIn(r.value as unknown as { token: string; user: U });
    else setError(r.error.code === 'offline' ? t('common:offline') : r.error.message);
  };
  return (
    <form class="sign-in" onSubmit={submit}>
      <h1>{t('common:signIn.title')}</h1>
      <label>
        {t('common:signIn.username')}
        <input name="username" autoComplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
      </label>
      <label>
        {t('common:signIn.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
      {error && <p role="alert">{error}</p>}
      <button type="submit">{t('common:signIn.submit')}</button>
    </form>
  );
}
