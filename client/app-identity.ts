import type { BrowserApp } from '../protocol/browser-apps.ts';
import type { WhoAmIView } from '../protocol/http-views.ts';
import { request } from './http-api.ts';
import { storedToken } from './stored-token.ts';

/**
 * Who this app is to the server: the paired device or signed-in person its cookie names, null
 * when it names nobody (pair or sign in), or `offline` when the server could not be asked. The
 * app cannot read its own token (an HttpOnly cookie), so it asks.
 */
export async function whoThisAppIs(app: BrowserApp, lang: string): Promise<WhoAmIView | null | 'offline'> {
  if (!(await moveStoredToken(app, lang))) return 'offline';
  const me = await request({ app, lang }, 'whoAmI');
  if (me.ok) return me.value;
  return me.error.code === 'offline' ? 'offline' : null;
}

/**
 * A device paired (or a person signed in) on a build that kept the token in localStorage needs
 * no new pairing: the token is handed to the server once to become the app's cookie, and
 * deleted from the page's storage. False when the server could not take it now (kept for the
 * next try); a token it no longer knows is deleted all the same.
 */
export async function moveStoredToken(app: BrowserApp, lang: string): Promise<boolean> {
  const stored = storedToken(app);
  const token = stored.get();
  if (!token) return true;
  const r = await request({ app, lang }, 'adoptToken', { body: { token } });
  if (!r.ok && r.error.code !== 'unauthenticated') return false;
  stored.clear();
  return true;
}

/** Asks again every few seconds until the server answers (a device booting before its server). */
export async function untilAnswered<T>(ask: () => Promise<T | 'offline'>, everyMs = 3000): Promise<T> {
  for (;;) {
    const answer = await ask();
    if (answer !== 'offline') return answer;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
