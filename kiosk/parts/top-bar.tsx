import type { Lang } from '../../client/i18n.ts';
import { Icon } from '../../client/icons.tsx';
import { useKiosk } from '../kiosk-context.ts';

const langs: Lang[] = ['vi', 'en'];

/** On every screen: back, home, language, high contrast and large text, each one tap away. */
export function TopBar() {
  const { t, session, dispatch, data } = useKiosk();
  const atHome = session.stack.length === 1;
  const centre = data.snapshot?.centreName[session.lang];
  return (
    <header class="top-bar">
      <div class="nav-buttons">
        <button type="button" class="nav" disabled={atHome} onClick={() => dispatch({ type: 'back' })}>
          <Icon name="back" /> {t('kiosk:nav.back')}
        </button>
        <button type="button" class="nav" disabled={atHome && session.query === ''} onClick={() => dispatch({ type: 'home' })}>
          <Icon name="home" /> {t('kiosk:nav.home')}
        </button>
      </div>
      {centre && <div class="centre-name">{centre}</div>}
      <div class="view-buttons">
        <div class="lang-switch" role="group" aria-label={t('common:language')}>
          {langs.map((lang) => (
            <button
              type="button"
              key={lang}
              lang={lang}
              aria-pressed={session.lang === lang}
              onClick={() => dispatch({ type: 'lang', lang })}
            >
              {t(`kiosk:lang.${lang}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          class="toggle"
          aria-pressed={session.highContrast}
          onClick={() => dispatch({ type: 'toggle', option: 'highContrast' })}
        >
          <Icon name="contrast" /> {t('kiosk:view.contrast')}
        </button>
        <button
          type="button"
          class="toggle"
          aria-pressed={session.largeText}
          onClick={() => dispatch({ type: 'toggle', option: 'largeText' })}
        >
          <Icon name="text-size" /> {t('kiosk:view.large')}
        </button>
      </div>
    </header>
  );
}
