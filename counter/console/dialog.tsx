import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useText } from '../text-context.ts';

/**
 * A modal dialog: takes the focus itself, closes on Escape, and keeps the console's shortcuts
 * from firing underneath while it is open. No choice has the focus when it opens, so Enter and
 * Space do nothing until the clerk picks one (with the mouse, or Tab then Enter): a key pressed
 * right after T or P never transfers or pauses by itself (issue 14).
 */
export function Dialog(props: { title: string; onClose: () => void; children: ComponentChildren }) {
  const { t } = useText();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        props.onClose();
      } else if ((e.key === 'Enter' || e.key === ' ') && !(e.target instanceof HTMLElement && e.target.closest('button, input, form'))) {
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop is a pointer shortcut; Escape and the Cancel button do the same from the keyboard
    // biome-ignore lint/a11y/useKeyWithClickEvents: see above
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div class="dialog" role="dialog" aria-modal="true" aria-label={props.title} ref={box} tabIndex={-1}>
        <h2>{props.title}</h2>
        {props.children}
        <button type="button" class="dialog-cancel" onClick={props.onClose}>
          {t('counter:dialog.cancel')}
        </button>
      </div>
    </div>
  );
}
