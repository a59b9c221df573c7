import type { CounterSnapshot } from '../../protocol/views.ts';
import { switchLang } from '../app-lang.ts';
import { useText } from '../text-context.ts';

/** The counter, its state, who is signed in, and the ways out (language, counter, sign-out). */
export function ConsoleHeader(props: { snapshot: CounterSnapshot; clerkName: string; onChangeCounter: () => void; onSignOut: () => void }) {
  const { t, lang, pick } = useText();
  const { counter } = props.snapshot;
  return (
    <header class="console-header">
      <h1>{pick(counter.name)}</h1>
      <span class={`pill pill--counter-${counter.status}`} data-testid="counter-status">
        {t(`counter:status.${counter.status}`)}
      </span>
      <span class="console-clerk">{t('counter:header.clerk', { name: props.clerkName })}</span>
      <nav class="console-nav">
        <button type="button" onClick={() => switchLang(lang === 'vi' ? 'en' : 'vi')}>
          {t('counter:header.otherLanguage')}
        </button>
        <button type="button" onClick={props.onChangeCounter}>
          {t('counter:header.changeCounter')}
        </button>
        <button type="button" onClick={props.onSignOut}>
          {t('common:signIn.signOut')}
        </button>
      </nav>
    </header>
  );
}
