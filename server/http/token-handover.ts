import { sessionMs } from '../auth/auth-store.ts';
import { deviceCookieSeconds, handOverFor } from './auth-cookies.ts';
import type { IncomingRequest } from './router.ts';

/**
 * Gives a caller its new token. A browser app (it named itself, `x-motcua-app`) gets it as its
 * HttpOnly cookie and the JSON answer leaves it out; anyone else (an integrator, a test, a
 * script with Bearer tokens) gets it in the answer, as before cookies.
 */
export function handOverToken(r: IncomingRequest, token: string, kind: 'device' | 'session'): { token?: string } {
  return handOverFor(r, token, kind === 'device' ? deviceCookieSeconds : sessionMs / 1000);
}
