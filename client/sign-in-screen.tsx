import type { i18n } from 'i18next';
import { useState } from 'preact/hooks';
import { api } from './stored-token.ts';

export interface SignedIn {
  token: string;
  user: { id: string; username: string; name: string; role: 'clerk' | 'admin'; counters: number[] };
}

/** Clerks and admins sign in with their own credentials; the session token is kept by the app. */
export function SignInScreen(props: { i18n: i18n; onSignedIn: (s: SignedIn) => void }) {
  const t = props.i18n.t.bind(props.i18n);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = await api<SignedIn>('POST', '/api/auth/login', { username: username.trim(), password }, null, props.i18n.language);
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
