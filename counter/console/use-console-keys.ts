import { useEffect, useRef } from 'preact/hooks';
import { actionForKey, type ConsoleAction } from './console-actions.ts';

/** Typing into a field (a pause reason, the sign-in form) is not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The console's keyboard: each action's key, and Up/Down to move the queue selection.
 * Off while a dialog is open, since the dialog has its own keys.
 */
export function useConsoleKeys(enabled: boolean, onAction: (a: ConsoleAction) => void, onMove: (step: 1 | -1) => void): void {
  const handlers = useRef({ onAction, onMove });
  handlers.current = { onAction, onMove };
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || isTyping(e.target)) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        handlers.current.onMove(e.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      const action = actionForKey(e);
      if (!action) return;
      // Space and Enter would otherwise also press whatever button has the focus.
      e.preventDefault();
      handlers.current.onAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
