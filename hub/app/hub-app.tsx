import { useEffect, useMemo, useState } from 'preact/hooks';
import { createI18n, type Lang } from '../../client/i18n.ts';
import { type SetupForm, SetupScreen } from '../../client/setup-screen.tsx';
import { type Credentials, type SessionCall, SignInScreen } from '../../client/sign-in-screen.tsx';
import { storedToken } from '../../client/stored-token.ts';
import { hubApp } from '../../protocol/browser-apps.ts';
import type { HubUserView } from '../../protocol/hub/hub-access.ts';
import { hub, hubApi } from './hub-api.ts';
import { connectHub } from './hub-connection.ts';
import { HubAppContext, type HubAppValue } from './hub-app-context.ts';
import { HubShell } from './shell.tsx';

const langKey = 'motcua.hub.lang';

/** The session itself is the hub's HttpOnly cookie: the app knows only whom it names. */
type Session = { user: HubUserView };

const login: SessionCall<Credentials, Session> = (body, lang) => hub.request({ app: hubApp, lang }, 'login', { body });
const setup: SessionCall<SetupForm, Session> = (body, lang) => hub.request({ app: hubApp, lang }, 'setup', { body });

/**
 * An older build kept the session in localStorage, where a script could read it. It is not
 * moved into the cookie: a hub session lasts 14 hours, so dropping it costs one sign-in, while
 * moving it would need a public route that turns a token into a cookie. It is ended on the hub
 * (so a copy read from storage is worth nothing) and deleted.
 */
async function dropStoredSession(lang: string): Promise<void> {
  const stored = storedToken('hub');
  const old = stored.get();
  if (!old) return;
  await hub.request({ token: old, lang }, 'logout');
  stored.clear();
}
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
      await dropStoredSession(lang);
      // The app cannot read its cookie: the hub says whom it names (an ended session's cookie is cleared in the answer).
      const me = await hub.request({ app: hubApp, lang }, 'me');
      setStage(me.ok ? { kind: 'in', session: { user: me.value.user } } : { kind: 'sign-in' });
    })();
  }, []);

  const signedIn = (s: Session) => {
    history.replaceState(null, '', `${location.pathname}#status`);
    setStage({ kind: 'in', session: { user: s.user } });
  };
  const signOut = () => {
    void hub.request({ app: hubApp, lang }, 'logout');
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
  const connection = useMemo(() => connectHub(lang), [session, lang]);
  useEffect(() => () => connection.close(), [connection]);
  const value = useMemo<HubAppValue>(
    () => ({ i18n, t: i18n.t.bind(i18n), lang, api: hubApi(lang, props.onSignOut), connection, user: session.user }),
    [i18n, lang, session, connection],
  );
  return (
    <HubAppContext.Provider value={value}>
      <HubShell onSignOut={props.onSignOut} onLang={props.onLang} />
    </HubAppContext.Provider>
  );
}
