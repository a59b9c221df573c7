import { useEffect, useMemo, useState } from 'preact/hooks';
import { connect } from '../../client/connection.ts';
import type { SignedIn } from '../../client/sign-in-screen.tsx';
import { centreLogin, SignInScreen } from '../../client/sign-in-screen.tsx';
import { useConnectionState } from '../../client/use-connection.ts';
import { useUpgradeReload } from '../../client/use-upgrade-reload.ts';
import type { i18n } from 'i18next';
import { useText } from '../text-context.ts';
import { ConsoleScreen } from './console-screen.tsx';
import { CounterPicker } from './counter-picker.tsx';
import { mayWorkAt, signedInClerk } from './signed-in-clerk.ts';
import { useCounterSession } from './use-counter-session.ts';
import { request } from '../../client/http-api.ts';
import { whoThisAppIs } from '../../client/app-identity.ts';

/**
 * `/counter/` and `/counter/<n>`: the clerk signs in, picks a counter they may use (or the one
 * in the address), and works there until they sign out.
 */
export function ConsoleApp(props: { i18n: i18n; counterId: number | null }) {
  const { t, lang } = useText();
  const [clerk, setClerk] = useState<SignedIn | null>(() => signedInClerk.get());
  const [checked, setChecked] = useState(false);
  const [counterId, setCounterId] = useState<number | null>(props.counterId);

  // The server says whether the cookie still holds a session; unreachable, the console goes on as the clerk it remembers.
  useEffect(() => {
    void whoThisAppIs('counter', lang).then((who) => {
      if (who !== 'offline') {
        const user = who && 'user' in who ? who.user : null;
        if (user) signedInClerk.set({ user });
        else signedInClerk.clear();
        setClerk(user && { user });
      }
      setChecked(true);
    });
  }, []);

  const signOut = () => {
    void request({ app: 'counter' }, 'logout');
    signedInClerk.clear();
    setClerk(null);
  };
  const choose = (id: number | null) => {
    history.replaceState(null, '', id === null ? '/counter/' : `/counter/${id}`);
    setCounterId(id);
  };

  if (!checked) return <p class="picker">{t('counter:loading')}</p>;
  if (!clerk) {
    return (
      <SignInScreen
        i18n={props.i18n}
        login={centreLogin('counter')}
        onSignedIn={(s) => {
          signedInClerk.set(s);
          setClerk(s);
        }}
      />
    );
  }
  if (counterId === null || !mayWorkAt(clerk.user, counterId)) {
    return <CounterPicker user={clerk.user} refused={counterId} onPick={choose} onSignOut={signOut} />;
  }
  return (
    <CounterSessionView key={counterId} clerk={clerk} counterId={counterId} onChangeCounter={() => choose(null)} onSignOut={signOut} />
  );
}

/** One connection per counter session, closed when the clerk leaves the counter. */
function CounterSessionView(props: { clerk: SignedIn; counterId: number; onChangeCounter: () => void; onSignOut: () => void }) {
  const { t, lang } = useText();
  const connection = useMemo(() => connect({ app: 'counter', lang }), []);
  useEffect(() => () => connection.close(), [connection]);
  const state = useConnectionState(connection);
  const session = useCounterSession(connection, props.counterId, t('common:offline'), props.onSignOut);
  // An upgrade waits until nobody is being called or served here, and the clerk's hands are off the keys.
  useUpgradeReload(connection, session.snapshot !== null && session.snapshot.current === null, 5_000);
  if (!session.snapshot) {
    return (
      <main class="picker">
        <p>{state === 'offline' ? t('common:offline') : t('counter:loading')}</p>
        {session.error && <p role="alert">{session.error}</p>}
        <button type="button" onClick={props.onChangeCounter}>
          {t('counter:header.changeCounter')}
        </button>
      </main>
    );
  }
  return (
    <ConsoleScreen
      session={{ ...session, snapshot: session.snapshot }}
      connection={state}
      clerkName={props.clerk.user.name}
      onChangeCounter={props.onChangeCounter}
      onSignOut={props.onSignOut}
    />
  );
}
