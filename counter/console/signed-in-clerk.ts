import type { SignedIn } from '../../client/sign-in-screen.tsx';

const userKey = 'motcua.counter.user';

/**
 * The clerk signed in on this console, kept across reloads so a console comes back to work
 * after a power cut even before the server answers. Only who it is: the session itself is the
 * counter app's HttpOnly cookie, which the server checks on every connection (the console
 * signs out when it is refused).
 */
export const signedInClerk = {
  get(): SignedIn | null {
    try {
      const user = JSON.parse(localStorage.getItem(userKey) ?? 'null') as SignedIn['user'] | null;
      return user && typeof user.name === 'string' && Array.isArray(user.counters) ? { user } : null;
    } catch {
      return null;
    }
  },
  set(s: SignedIn): void {
    localStorage.setItem(userKey, JSON.stringify(s.user));
  },
  clear(): void {
    localStorage.removeItem(userKey);
  },
};

/** Whether the person may work at the counter: admins anywhere, clerks where assigned (none listed: any). */
export function mayWorkAt(user: SignedIn['user'], counterId: number): boolean {
  return user.role === 'admin' || user.counters.length === 0 || user.counters.includes(counterId);
}
