import { useEffect, useMemo, useState } from 'preact/hooks';
import { createI18n, type Lang } from '../../client/i18n.ts';
import { type SetupForm, SetupScreen } from '../../client/setup-screen.tsx';
import { type Credentials, type SessionCall, SignInScreen } from '../../client/sign-in-screen.tsx';
import { storedToken } from '../../client/stored-token.ts';
import type { HubUserView } from '../../protocol/hub/hub-access.ts';
import { hub, hubApi } from './hub-api.ts';
import { connectHub } from './hub-connection.ts';
import { HubAppContext, type HubAppValue } from './hub-app-context.ts';
import { HubShell } from './shell.tsx';

const token = storedToken('hub');
const langKey = 'motcua.hub.lang';

type Session = { token: string; user: HubUserView };

const login: SessionCall<Credentials, Session> = (body, lang) => hub.request({ lang }, 'login', { body });
const setup: SessionCall<SetupForm, Session> = (body, lang) => hub.request({ lang }, 'setup', { body });
type Stage = { kind: 'loading' } | { kind: 'setup'; setupToken: string } | { kind: 'sign-in' } | { kind: 'in'; session: Session };

/** The first-run token arrives in the link the hub printed: `/#setup=<token>`. */
function setupTokenInUrl(): string | null {
  const m = /^#setup=([\w-]{16,128})$/.exec(location.hash);
  return m ? m[1]! : null;
}

/** The province's app: first-run set-up, sign-in, then the pages the person's role may see. */
export function HubApp() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(langKey) === 'en' ? 'en' : 'vi'));
  const i18n = useMemo(() => createI18n(['hub', 'admin', 'catalogue'], lang), [lang]);
  const t = i18n.t.bind(i18n);
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });

  useEffect(() => {
    void (async () => {
      const setup = setupTokenInUrl();
      const status = await hub.request({}, 'authStatus');
      if (setup && status.ok && status.value.needsSetup) return setStage({ kind: 'setup', setupToken: setup });
      if (setup) history.replaceState(null, '', location.pathname);
      const saved = token.get();
      const me = saved ? await hub.request({ token: saved }, 'me') : null;
      setStage(saved && me?.ok ? { kind: 'in', session: { token: saved, user: me.value.user } } : { kind: 'sign-in' });
    })();
  }, []);

  const signedIn = (s: Session) => {
    token.set(s.token);
    history.replaceState(null, '', `${location.pathname}#status`);
    setStage({ kind: 'in', session: s });
  };
  const signOut = () => {
    const saved = token.get();
    if (saved) void hub.request({ token: saved }, 'logout');
    token.clear();
    setStage({ kind: 'sign-in' });
  };
  const switchLang = (next: Lang) => {
    localStorage.setItem(langKey, next);
    setLang(next);
  };

  switch (stage.kind) {
    case 'loading':
      return <p class="admin-loading">{t('common:connecting')}</p>;
    case 'setup':
      return <SetupScreen i18n={i18n} setup={setup} setupToken={stage.setupToken} help={t('hub:setup.help')} onDone={signedIn} />;
    case 'sign-in':
      return (
        <main class="admin-gate hub-gate">
          <p class="hub-gate-title">{t('hub:title')}</p>
          <SignInScreen i18n={i18n} login={login} onSignedIn={signedIn} />
        </main>
      );
    case 'in':
      return <SignedIn session={stage.session} lang={lang} i18n={i18n} onSignOut={signOut} onLang={switchLang} />;
  }
}

function SignedIn(props: { session: Session; lang: Lang; i18n: HubAppValue['i18n']; onSignOut: () => void; onLang: (l: Lang) => void }) {
  const { session, lang, i18n } = props;
  const connection = useMemo(() => connectHub(session.token, lang), [session.token, lang]);
  useEffect(() => () => connection.close(), [connection]);
  const value = useMemo<HubAppValue>(
    () => ({ i18n, t: i18n.t.bind(i18n), lang, api: hubApi(session.token, lang, props.onSignOut), connection, user: session.user }),
    [i18n, lang, session, connection],
  );
  return (
    <HubAppContext.Provider value={value}>
      <HubShell onSignOut={props.onSignOut} onLang={props.onLang} />
    </HubAppContext.Provider>
  );
}
