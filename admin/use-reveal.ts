import { useEffect, useRef } from 'preact/hooks';

/** Scrolls an editor into view when it opens for another item: it opens below a long table. */
export function useReveal<T extends HTMLElement>(key: string | null) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (key !== null) ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [key]);
  return ref;
}
