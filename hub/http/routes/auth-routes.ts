import type { HubUserView } from '../../../protocol/hub/hub-access.ts';
import { HubLoginPayload, HubSetupPayload, HubUserStatePayload, NewHubUserPayload } from '../../../protocol/hub/hub-access.ts';
import { clearAuthCookie, handOverFor } from '../../../server/http/auth-cookies.ts';
import { tokenOf } from '../../../server/http/credential.ts';

import { logger } from '../../../server/log.ts';
import type { HubContext } from '../../hub-context.ts';
import { type HubUser, hubSessionMs } from '../../store/hub-users.ts';
import { guarded } from '../hub-attempts.ts';
import { parseBody } from '../hub-http.ts';
import type { HubRequest, HubRoutes } from '../hub-request.ts';
import { hubError, hubOk } from '../hub-results.ts';

const log = logger('hub-auth');

/** The hub's own sign-in: first-run set-up, sessions, and the province admin's user list. */
export function addHubAuthRoutes(routes: HubRoutes, ctx: HubContext): void {
  /** A new session: the hub app's cookie when the app named itself, else the token in the answer (integrators, tests). */
  const newSession = async (r: HubRequest, user: HubUser) =>
    handOverFor(r, await ctx.users.createSession(user.id, ctx.clock()), hubSessionMs / 1000);

  routes.add('authStatus', async () => hubOk({ needsSetup: (await ctx.users.setupToken()) !== null }));

  routes.add('setup', async (r) => {
    const p = await parseBody(ctx, r, HubSetupPayload);
    if (!p.ok) return p.response;
    return guarded(ctx, r, null, async (attempt) => {
      const user = await ctx.users.setup(p.value.token, p.value, ctx.clock());
      if (!user) {
        attempt.failed();
        return hubError(ctx, r, 'setup_token_invalid');
      }
      attempt.succeeded();
      log.info('province administrator created', { username: user.username });
      return hubOk({ ...(await newSession(r, user)), user: userView(user) });
    });
  });

  routes.add('login', async (r) => {
    const p = await parseBody(ctx, r, HubLoginPayload);
    if (!p.ok) return p.response;
    return guarded(ctx, r, p.value.username, async (attempt) => {
      const user = await ctx.users.verify(p.value.username, p.value.password);
      if (!user) {
        attempt.failed();
        return hubError(ctx, r, 'bad_credentials');
      }
      attempt.succeeded();
      if (user.disabled) return hubError(ctx, r, 'user_disabled');
      return hubOk({ ...(await newSession(r, user)), user: userView(user) });
    });
  });

  // The session ends wherever it was carried; the hub app's cookie goes with it.
  routes.add('logout', async (r) => {
    const token = tokenOf(r.credential);
    if (token) await ctx.users.endSession(token);
    if (r.credential.app !== null) clearAuthCookie(r.res, r.credential.app, r.secure);
    return hubOk(null);
  });

  routes.add('me', (r) => hubOk({ user: userView(r.principal.user) }));

  routes.add('users', async () => hubOk((await ctx.users.list()).map(userView)));

  routes.add('createUser', async (r) => {
    const p = await parseBody(ctx, r, NewHubUserPayload);
    if (!p.ok) return p.response;
    const made = await ctx.users.create({ ...p.value, centreCode: p.value.centreCode ?? null }, ctx.clock());
    if (made === 'unknown_centre') return hubError(ctx, r, 'hub:centres.unknown', { code: p.value.centreCode ?? '' }, 400);
    return made ? hubOk(userView(made), 201) : hubError(ctx, r, 'username_taken');
  });

  routes.add('setUserState', async (r) => {
    const p = await parseBody(ctx, r, HubUserStatePayload);
    if (!p.ok) return p.response;
    if (p.value.disabled && r.params.id === r.principal.user.id) return hubError(ctx, r, 'cannot_disable_self');
    const changed = await ctx.users.setDisabled(r.params.id, p.value.disabled, ctx.clock());
    if (changed === 'not_found' || changed === 'last_admin') return hubError(ctx, r, changed);
    return hubOk(userView(changed));
  });
}

/** A user as the app sees one: without the centre's database id. */
export function userView({ centreId: _id, ...view }: HubUser): HubUserView {
  return view;
}
