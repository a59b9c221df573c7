import { useEffect, useState } from 'preact/hooks';

/** The server's time now, ticking every second, for the live waiting and service timers. */
export function useServerNow(clockOffsetMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now + clockOffsetMs;
}
