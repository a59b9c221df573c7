const key = 'motcua.counter.console';

/**
 * This browser tab's console id, kept in `sessionStorage`: a reload (or a reconnect) is the same
 * console and keeps its counter, while another tab or machine is another console, which must
 * confirm before it takes the counter over. Random from `getRandomValues`, which (unlike
 * `randomUUID`) also works on the plain-http addresses of a centre's LAN.
 */
export function consoleId(): string {
  const kept = sessionStorage.getItem(key);
  if (kept && /^[A-Za-z0-9_-]{8,64}$/.test(kept)) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  sessionStorage.setItem(key, id);
  return id;
}
