import { useEffect, useState } from 'preact/hooks';
import type { Connection } from './connection.ts';

/**
 * After an upgrade, reloads the page at a moment that loses nobody's work: once `safe` (the
 * kiosk on its untouched home screen, the console between tickets) has held for `quietMs`
 * without a touch or a key. Returns the pending upgrade's build, or null.
 */
export function useUpgradeReload(connection: Connection, safe: boolean, quietMs = 10_000): string | null {
  const [upgrade, setUpgrade] = useState(connection.upgrade());
  const [touches, setTouches] = useState(0);
  useEffect(() => connection.onUpgrade(setUpgrade), [connection]);
  useEffect(() => {
    if (upgrade === null) return;
    const touched = () => setTouches((n) => n + 1);
    document.addEventListener('pointerdown', touched, true);
    document.addEventListener('keydown', touched, true);
    return () => {
      document.removeEventListener('pointerdown', touched, true);
      document.removeEventListener('keydown', touched, true);
    };
  }, [upgrade]);
  useEffect(() => {
    if (upgrade === null || !safe) return;
    const timer = setTimeout(() => connection.reloadForUpgrade(), quietMs);
    return () => clearTimeout(timer);
  }, [connection, upgrade, safe, touches, quietMs]);
  return upgrade;
}
