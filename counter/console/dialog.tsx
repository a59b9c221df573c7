import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useText } from '../text-context.ts';

/**
 * A modal dialog: takes the focus (so Tab and Enter work inside it), closes on Escape, and keeps
 * the console's shortcuts from firing underneath while it is open.
 */
export function Dialog(props: { title: string; onClose: () => void; children: ComponentChildren }) {
  const { t } = useText();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('button, input')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        props.onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop is a pointer shortcut; Escape and the Cancel button do the same from the keyboard
    // biome-ignore lint/a11y/useKeyWithClickEvents: see above
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div class="dialog" role="dialog" aria-modal="true" aria-label={props.title} ref={box}>
        <h2>{props.title}</h2>
        {props.children}
        <button type="button" class="dialog-cancel" onClick={props.onClose}>
          {t('counter:dialog.cancel')}
        </button>
      </div>
    </div>
  );
}
