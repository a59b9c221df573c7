import type { i18n } from 'i18next';
import { useState } from 'preact/hooks';
import { request } from './http-api.ts';
import type { SessionView } from '../protocol/http-views.ts';
import type { ResultError } from '../protocol/result.ts';
import type { BrowserApp } from '../protocol/browser-apps.ts';

/** Who signed in at a centre (the session itself is in the app's cookie). */
export type SignedIn = SessionView;

/** How a sign-in screen reaches its server: the new session `S`, or the refusal. */
export type SessionCall<B, S> = (body: B, lang: string) => Promise<{ ok: true; value: S } | { ok: false; error: ResultError }>;
export type Credentials = { username: string; password: string };

/** A centre's sign-in (`login` of `protocol/routes.ts`) for one of its apps, whose cookie gets the session; the hub app passes its own. */
export const centreLogin =
  (app: BrowserApp): SessionCall<Credentials, SignedIn> =>
  (body, lang) =>
    request({ app, lang }, 'login', { body });

/**
 * Clerks and admins sign in with their own credentials; the server keeps the session in the
 * app's HttpOnly cookie. The hub's people sign in the same way, through the hub's own route.
 */
export function SignInScreen<S>(props: { i18n: i18n; login: SessionCall<Credentials, S>; onSignedIn: (s: S) => void }) {
  const t = props.i18n.t.bind(props.i18n);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = await props.login({ username: username.trim(), password }, props.i18n.language);
    if (r.ok) props.onSignedIn(r.value);
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
