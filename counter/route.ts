/**
 * Which page of the counter app a path asks for: the clerk's console (`/counter/`, `/counter/3`)
 * or the rating tablet of a counter (`/rate/3`). The server serves both from one built page.
 */
export type CounterRoute = { kind: 'console'; counterId: number | null } | { kind: 'rating'; counterId: number | null };

export function routeOf(pathname: string): CounterRoute {
  const m = /^\/(counter|rate)(?:\/(\d{1,2}))?\/?$/.exec(pathname);
  const n = m?.[2] === undefined ? null : Number(m[2]);
  const counterId = n !== null && n >= 1 && n <= 99 ? n : null;
  return { kind: m?.[1] === 'rate' ? 'rating' : 'console', counterId };
}
