import { foldedWords } from '../client/search/normalise.ts';

/** Service ids the server accepts: lowercase ASCII words joined by hyphens, at most 32 characters. */
const MAX = 32;

/**
 * A new service's id made from its Vietnamese name, so the manager never has to invent one:
 * "Hộ tịch – Chứng thực" → `ho-tich-chung-thuc`, with `-2`, `-3`… when one is taken. Empty
 * when the name has no letter or digit yet.
 */
export function serviceIdFromName(name: string, taken: ReadonlySet<string>): string {
  let base = '';
  for (const word of foldedWords(name)) {
    const next = base ? `${base}-${word}` : word;
    if (next.length > MAX) break;
    base = next;
  }
  if (!base) return '';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX - suffix.length).replace(/-$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
