import { useText } from '../text-context.ts';
import { ACTION_KEYS, CONSOLE_ACTIONS, type ConsoleAction } from './console-actions.ts';

/** Every action as a button with its shortcut on it; the ones that cannot apply now are disabled. */
export function ActionBar(props: { available: ReadonlySet<ConsoleAction>; busy: boolean; onAction: (a: ConsoleAction) => void }) {
  const { t } = useText();
  const keyName = (a: ConsoleAction) => {
    const key = ACTION_KEYS[a][0] ?? '';
    return key === ' ' ? t('counter:keys.space') : key.toUpperCase();
  };
  return (
    <div class="actions" role="toolbar" aria-label={t('counter:actionsLabel')}>
      {CONSOLE_ACTIONS.map((a) => (
        <button
          type="button"
          key={a}
          class={`action action--${a}`}
          data-action={a}
          disabled={props.busy || !props.available.has(a)}
          aria-keyshortcuts={ACTION_KEYS[a].map((k) => (k === ' ' ? 'Space' : k.toUpperCase())).join(' ')}
          // A mouse click must not leave the focus on the button, or Space would press it again.
          onMouseUp={(e) => e.currentTarget.blur()}
          onClick={() => props.onAction(a)}
        >
          <span class="action-name">{t(`counter:actions.${a}`)}</span>
          <kbd>{a === 'next' ? `${keyName(a)} / Enter` : keyName(a)}</kbd>
        </button>
      ))}
    </div>
  );
}
