// First: the functions older lobby browsers lack, before any module that calls them is run.
import '../client/legacy-polyfills.ts';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { addLazyBundles, i18nFromBundles, type Bundle } from '../client/i18n-bundles.ts';
import { PairingScreen } from '../client/pairing-screen.tsx';
import { untilAnswered, whoThisAppIs } from '../client/app-identity.ts';
import { KioskApp } from './kiosk-app.tsx';
import { loadQrEncoder } from './parts/qr-code.tsx';
import '../client/fonts.css';
import './styles/base.css';
import './styles/browse.css';
import './styles/procedure.css';
import './styles/ticket.css';

// Only the kiosk's own strings: the shared createI18n would bundle every app's locales. The
// Vietnamese ones come with the page; the English ones follow once it is up (below).
const locales = import.meta.glob<Bundle>('../locales/vi/{kiosk,ticket,calendar,errors,common}.json', { eager: true, import: 'default' });
const englishLocales = import.meta.glob<Bundle>('../locales/en/{kiosk,ticket,calendar,errors,common}.json', { import: 'default' });
const i18n = i18nFromBundles(locales, ['kiosk', 'ticket', 'calendar']);

/**
 * A kiosk pairs once with an admin's code; its token is then the kiosk app's HttpOnly cookie,
 * kept across reboots. The kiosk asks the server whether it is paired (it cannot read the
 * cookie), again until the server answers, and again when the server stops knowing it.
 */
function Root() {
  const [stage, setStage] = useState<'asking' | 'pairing' | 'paired'>('asking');
  const ask = () => {
    setStage('asking');
    void untilAnswered(() => whoThisAppIs('kiosk', 'vi')).then((who) =>
      setStage(who && 'device' in who && who.device.kind === 'kiosk' ? 'paired' : 'pairing'),
    );
  };
  useEffect(ask, []);
  if (stage === 'asking') {
    return (
      <main class="pairing-page">
        <p class="pairing" role="status">
          {i18n.t('common:connecting')}
        </p>
      </main>
    );
  }
  if (stage === 'pairing') {
    return (
      <main class="pairing-page">
        <PairingScreen i18n={i18n} app="kiosk" onPaired={() => setStage('paired')} />
      </main>
    );
  }
  return <KioskApp i18n={i18n} onUnpaired={ask} />;
}

render(<Root />, document.getElementById('app')!);
// The English strings and the QR encoder come after the first screen, well before a citizen
// switches language or gets to a code.
window.addEventListener(
  'load',
  () => {
    // A server restarting just then: tried again until they are in.
    const english = () => void addLazyBundles(i18n, englishLocales).catch(() => setTimeout(english, 5000));
    english();
    void loadQrEncoder().catch(() => undefined);
  },
  { once: true },
);
