/**
 * The kiosk's idle watch: after `idleMs` without a touch it asks "more time?" for `warnMs`,
 * then calls `onExpire`. Any touch before the warning restarts the wait.
 */
import { useEffect, useState } from 'preact/hooks';

export type IdlePhase = { kind: 'active' } | { kind: 'warning'; until: number };

export interface IdleWatch {
  phase: IdlePhase;
  /** The citizen asked for more time. */
  resume(): void;
}

/**
 * @param watching false while there is nothing to clear (a pristine home screen) or while a
 *   screen runs its own timer (the ticket confirmation).
 */
export function useIdle(watching: boolean, idleMs: number, warnMs: number, onExpire: () => void): IdleWatch {
  const [phase, setPhase] = useState<IdlePhase>({ kind: 'active' });
  const [touches, setTouches] = useState(0);

  useEffect(() => {
    const touched = () => setTouches((n) => n + 1);
    // Capture phase: a tap counts even when a button stops the event.
    document.addEventListener('pointerdown', touched, true);
    document.addEventListener('keydown', touched, true);
    return () => {
      document.removeEventListener('pointerdown', touched, true);
      document.removeEventListener('keydown', touched, true);
    };
  }, []);

  useEffect(() => {
    if (!watching || phase.kind === 'warning') return;
    const timer = setTimeout(() => setPhase({ kind: 'warning', until: Date.now() + warnMs }), idleMs);
    return () => clearTimeout(timer);
  }, [watching, phase, touches, idleMs, warnMs]);

  useEffect(() => {
    if (phase.kind !== 'warning') return;
    if (!watching) {
      setPhase({ kind: 'active' });
      return;
    }
    const timer = setTimeout(
      () => {
        setPhase({ kind: 'active' });
        onExpire();
      },
      Math.max(0, phase.until - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [phase, watching, onExpire]);

  return { phase, resume: () => setPhase({ kind: 'active' }) };
}
