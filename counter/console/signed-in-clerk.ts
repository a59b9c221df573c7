import type { SignedIn } from '../../client/sign-in-screen.tsx';
import { storedToken } from '../../client/stored-token.ts';

const token = storedToken('counter');
const userKey = 'motcua.counter.user';

/**
 * The clerk signed in on this console, kept across reloads with the session token so a console
 * comes back to work after a power cut even before the server answers; the server still checks
 * the token on every connection and the console signs out when it is refused.
 */
export const signedInClerk = {
  get(): SignedIn | null {
    const t = token.get();
    if (!t) return null;
    try {
      const user = JSON.parse(localStorage.getItem(userKey) ?? 'null') as SignedIn['user'] | null;
      return user && typeof user.name === 'string' && Array.isArray(user.counters) ? { token: t, user } : null;
    } catch {
      return null;
    }
  },
  set(s: SignedIn): void {
    token.set(s.token);
    localStorage.setItem(userKey, JSON.stringify(s.user));
  },
  clear(): void {
    token.clear();
    localStorage.removeItem(userKey);
  },
};

/** Whether the person may work at the counter: admins anywhere, clerks where assigned (none listed: any). */
export function mayWorkAt(user: SignedIn['user'], counterId: number): boolean {
  return user.role === 'admin' || user.counters.length === 0 || user.counters.includes(counterId);
}
