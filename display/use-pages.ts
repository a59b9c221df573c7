import { useEffect, useState } from 'preact/hooks';

/** How long a page of a list stays on the board before the next one: long enough to find a number. */
export const PAGE_MS = 8000;

/** One of `pages` at a time, turning by itself when there is more than one; the page number shown is 1-based. */
export function usePages<T>(pages: readonly (readonly T[])[], everyMs = PAGE_MS): { shown: readonly T[]; page: number; pages: number } {
  const count = Math.max(1, pages.length);
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (count <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % count), everyMs);
    return () => clearInterval(timer);
  }, [count, everyMs]);
  const current = page % count;
  return { shown: pages[current] ?? [], page: current + 1, pages: count };
}

/** `items` in pages of `perPage`. */
export function pagesOf<T>(items: readonly T[], perPage: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  return pages;
}
