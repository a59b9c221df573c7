import { useEffect, useRef } from 'preact/hooks';
import { actionForKey, type ConsoleAction } from './console-actions.ts';
import { type BurstOutcome, KeyBursts } from './key-bursts.ts';

/** Typing into a field (a pause reason, the dossier code, the sign-in form) is not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export interface ConsoleKeyHandlers {
  onAction: (a: ConsoleAction) => void;
  onMove: (step: 1 | -1) => void;
  /** A scanner typed a code while no field had the focus (see `key-bursts.ts`). */
  onScan: (code: string) => void;
}

/**
 * The console's keyboard: each action's key, Up/Down to move the queue selection, and a
 * scanner's bursts as dossier codes. Off while a dialog is open, since the dialog has its own keys.
 */
export function useConsoleKeys(enabled: boolean, handlers: ConsoleKeyHandlers): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const bursts = new KeyBursts((key) => actionForKey({ key }) !== null);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const handle = (outcomes: BurstOutcome[]) => {
      for (const o of outcomes) {
        if (o.kind === 'scan') current.current.onScan(o.code);
        else {
          const action = actionForKey({ key: o.key });
          if (action) current.current.onAction(action);
        }
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || isTyping(e.target) || e.ctrlKey || e.altKey || e.metaKey) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        handle(bursts.settle());
        current.current.onMove(e.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      if (e.key.length !== 1 && e.key !== 'Enter') return;
      // Space and Enter would otherwise also press whatever button has the focus.
      e.preventDefault();
      clearTimeout(timer);
      handle(bursts.push(e.key, e.timeStamp));
      timer = setTimeout(() => handle(bursts.settle()), bursts.settleAfterMs() + 10);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [enabled]);
}
