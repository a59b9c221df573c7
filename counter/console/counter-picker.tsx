import { useEffect, useState } from 'preact/hooks';
import { request } from '../../client/http-api.ts';
import type { SignedIn } from '../../client/sign-in-screen.tsx';
import type { Translated } from '../../protocol/views.ts';
import { useText } from '../text-context.ts';
import { mayWorkAt } from './signed-in-clerk.ts';

/** The counters this person may work at, to pick today's; `refused` names one asked for in the address but not allowed. */
export function CounterPicker(props: {
  user: SignedIn['user'];
  refused: number | null;
  onPick: (counterId: number) => void;
  onSignOut: () => void;
}) {
  const { t, lang, pick } = useText();
  const [counters, setCounters] = useState<Array<{ id: number; name: Translated }> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void request({ lang }, 'site').then((r) => {
      if (r.ok) setCounters(r.value.counters.filter((c) => mayWorkAt(props.user, c.id)));
      else setError(r.error.code === 'offline' ? t('common:offline') : r.error.message);
    });
  }, []);
  return (
    <main class="picker">
      <h1>{t('counter:pick.title')}</h1>
      <p>{t('counter:header.clerk', { name: props.user.name })}</p>
      {props.refused !== null && <p role="alert">{t('counter:pick.notAllowed', { counterId: props.refused })}</p>}
      {error && <p role="alert">{error}</p>}
      {counters === null && !error && <p>{t('counter:loading')}</p>}
      {counters?.length === 0 && <p role="alert">{t('counter:pick.none')}</p>}
      {counters && counters.length > 0 && (
        <>
          <p>{t('counter:pick.help')}</p>
          <div class="picker-grid">
            {counters.map((c) => (
              <button type="button" key={c.id} onClick={() => props.onPick(c.id)}>
                {pick(c.name)}
              </button>
            ))}
          </div>
        </>
      )}
      <button type="button" class="picker-sign-out" onClick={props.onSignOut}>
        {t('common:signIn.signOut')}
      </button>
    </main>
  );
}
