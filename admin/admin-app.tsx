import { useEffect, useMemo, useState } from 'preact/hooks';
import { connect } from '../client/connection.ts';
import { createI18n, type Lang } from '../client/i18n.ts';
import { centreSetup, SetupScreen } from '../client/setup-screen.tsx';
import { centreLogin, SignInScreen, type SignedIn } from '../client/sign-in-screen.tsx';
import { whoThisAppIs } from '../client/app-identity.ts';
import { adminApi } from './admin-api.ts';
import { AdminContext, type AdminContextValue } from './admin-context.ts';
import { Shell } from './shell.tsx';
import { request } from '../client/http-api.ts';

const langKey = 'motcua.admin.lang';

/** Who signed in; the session itself is the admin app's HttpOnly cookie. */
type Session = { user: SignedIn['user'] };
type Stage =
  | { kind: 'loading' }
  | { kind: 'setup'; setupToken: string }
  | { kind: 'sign-in'; error: string | null; needsSetup?: boolean }
  | { kind: 'in'; session: Session };

/** The first-run token arrives in the link the server printed: `/admin/#setup=<token>`. */
function setupTokenInUrl(): string | null {
  const m = /^#setup=([\w-]{16,128})$/.exec(location.hash);
  return m ? m[1]! : null;
}

/** The manager's app: first-run set-up, sign-in (admins only), then the pages. */
export function AdminApp() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(langKey) === 'en' ? 'en' : 'vi'));
  const i18n = useMemo(() => createI18n(['admin', 'catalogue', 'calendar', 'voice', 'hub'], lang), [lang]);
  const t = i18n.t.bind(i18n);
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });

  useEffect(() => {
    const decide = async () => {
      const setup = setupTokenInUrl();
      const status = await request({}, 'authStatus');
      if (setup && status.ok && status.value.needsSetup) return setStage({ kind: 'setup', setupToken: setup });
      if (setup) history.replaceState(null, '', location.pathname);
      const who = await whoThisAppIs('admin', lang);
      if (who && who !== 'offline' && 'user' in who && who.user.role === 'admin') setStage({ kind: 'in', session: { user: who.user } });
      else setStage({ kind: 'sign-in', error: null, needsSetup: status.ok && status.value.needsSetup });
    };
    void decide();
    // The set-up link pasted into a tab already on /admin/ changes only the hash: no page load follows.
    const onHash = () => {
      if (setupTokenInUrl()) void decide();
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const signedIn = (s: SignedIn) => {
    if (s.user.role !== 'admin') {
      // The clerk's session would stay in the admin app's cookie: ended at once.
      void request({ app: 'admin' }, 'logout');
      return setStage({ kind: 'sign-in', error: t('admin:signIn.adminsOnly') });
    }
    history.replaceState(null, '', `${location.pathname}#dashboard`);
    setStage({ kind: 'in', session: { user: s.user } });
  };
  const signOut = () => {
    void request({ app: 'admin' }, 'logout');
    setStage({ kind: 'sign-in', error: null });
  };
  const switchLang = (next: Lang) => {
    localStorage.setItem(langKey, next);
    setLang(next);
  };

  switch (stage.kind) {
    case 'loading':
      return <p class="admin-loading">{t('common:connecting')}</p>;
    case 'setup':
      return <SetupScreen i18n={i18n} setup={centreSetup} setupToken={stage.setupToken} help={t('admin:setup.help')} onDone={signedIn} />;
    case 'sign-in':
      return (
        <main class="admin-gate">
          {stage.needsSetup && (
            <p class="notice" role="status" data-testid="needs-setup">
              {t('admin:setupLink.needed')}
            </p>
          )}
          <SignInScreen i18n={i18n} login={centreLogin('admin')} onSignedIn={signedIn} />
          {stage.error && <p role="alert">{stage.error}</p>}
        </main>
      );
    case 'in':
      return <SignedInApp session={stage.session} lang={lang} i18n={i18n} onSignOut={signOut} onLang={switchLang} />;
  }
}

function SignedInApp(props: {
  session: Session;
  lang: Lang;
  i18n: AdminContextValue['i18n'];
  onSignOut: () => void;
  onLang: (l: Lang) => void;
}) {
  const { session, lang, i18n } = props;
  const connection = useMemo(() => connect({ app: 'admin', lang }), [session, lang]);
  useEffect(() => () => connection.close(), [connection]);
  const value = useMemo<AdminContextValue>(
    () => ({ i18n, t: i18n.t.bind(i18n), lang, api: adminApi(lang, props.onSignOut), connection, user: session.user }),
    [i18n, lang, session, connection],
  );
  return (
    <AdminContext.Provider value={value}>
      <Shell onSignOut={props.onSignOut} onLang={props.onLang} />
    </AdminContext.Provider>
  );
}
