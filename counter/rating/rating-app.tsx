import type { i18n } from 'i18next';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { connect } from '../../client/connection.ts';
import { PairingScreen } from '../../client/pairing-screen.tsx';
import { untilAnswered, whoThisAppIs } from '../../client/app-identity.ts';
import { useConnectionState } from '../../client/use-connection.ts';
import { useText } from '../text-context.ts';
import { RatingChoices, ReasonChoices } from './rating-choices.tsx';
import { useRatingTablet } from './use-rating-tablet.ts';

/**
 * `/rate/<n>`: the rating tablet of counter n, paired once by an admin as a `rating` device (its
 * token is then the rating app's HttpOnly cookie); it asks the server whether it is paired.
 */
export function RatingApp(props: { i18n: i18n; counterId: number | null }) {
  const { t, lang } = useText();
  const [stage, setStage] = useState<'asking' | 'pairing' | 'paired'>('asking');
  const ask = () => {
    setStage('asking');
    void untilAnswered(() => whoThisAppIs('rating', lang)).then((who) =>
      setStage(who && 'device' in who && who.device.kind === 'rating' ? 'paired' : 'pairing'),
    );
  };
  useEffect(ask, []);
  if (props.counterId === null) return <p class="rating-problem">{t('rating:missingCounter')}</p>;
  if (stage === 'asking') {
    return (
      <main class="rating-idle" role="status">
        <p>{t('common:connecting')}</p>
      </main>
    );
  }
  if (stage === 'pairing') return <PairingScreen i18n={props.i18n} app="rating" onPaired={() => setStage('paired')} />;
  return <RatingTabletView counterId={props.counterId} onUnpaired={ask} />;
}

function RatingTabletView(props: { counterId: number; onUnpaired: () => void }) {
  const { t, lang, pick } = useText();
  const connection = useMemo(() => connect({ app: 'rating', lang, reloadOnUpgrade: true }), []);
  useEffect(() => () => connection.close(), [connection]);
  const state = useConnectionState(connection);
  const tablet = useRatingTablet(connection, props.counterId, props.onUnpaired);
  const { screen, info } = tablet;
  return (
    <div class="rating" data-screen={screen.kind}>
      {state !== 'online' && (
        <div class="banner banner--offline" role="status">
          {t('common:offline')}
        </div>
      )}
      {tablet.problem && (
        <p class="rating-problem" role="alert">
          {tablet.problem}
        </p>
      )}
      <header class="rating-header">
        <span>{info && pick(info.centreName)}</span>
        <span>{info && pick(info.counterName)}</span>
      </header>
      {screen.kind === 'idle' && (
        <main class="rating-idle">
          <h1>{t('rating:idle.welcome')}</h1>
          {info && <p class="rating-centre">{pick(info.centreName)}</p>}
          <p>{t('rating:idle.help')}</p>
        </main>
      )}
      {(screen.kind === 'asking' || screen.kind === 'reason' || screen.kind === 'sending') && (
        <main class="rating-ask">
          <p class="rating-ticket">
            {t('rating:ask.ticket', { label: screen.request.label })}
            {screen.request.clerkName && <> · {t('rating:ask.clerk', { name: screen.request.clerkName })}</>}
          </p>
          {screen.kind === 'asking' && (
            <>
              <h1>{t('rating:ask.title')}</h1>
              <RatingChoices scale={screen.request.scale} onChoose={tablet.choose} />
              <p class="rating-hint">{t('rating:ask.tap')}</p>
            </>
          )}
          {screen.kind === 'reason' && (
            <>
              <h1>{t('rating:reason.title')}</h1>
              <ReasonChoices onReason={tablet.giveReason} />
            </>
          )}
          {screen.kind === 'sending' && <h1>{t('rating:sending')}</h1>}
        </main>
      )}
      {screen.kind === 'thanks' && (
        <main class="rating-thanks">
          <h1>{t('rating:thanks.title')}</h1>
          <p>{t('rating:thanks.help')}</p>
        </main>
      )}
      {screen.kind === 'refused' && (
        <main class="rating-thanks">
          <h1>{screen.message}</h1>
        </main>
      )}
    </div>
  );
}
