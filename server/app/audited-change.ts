import type { Principal } from '../auth/principal.ts';
import type { AppContext } from './context.ts';

/** The audit log's "who" for a request: admins only reach the routes that change things. */
export function auditActor(principal: Principal): { id: string; username: string; name: string } {
  if (principal.role === 'user') return { id: principal.user.id, username: principal.user.username, name: principal.user.name };
  if (principal.role === 'device') return { id: principal.device.id, username: principal.device.kind, name: principal.device.name };
  return { id: 'public', username: 'public', name: 'public' };
}

/** Records a change made by `principal` in the audit log. */
export function audit(
  ctx: AppContext,
  principal: Principal,
  action: string,
  subject: string,
  values: { before?: unknown; after?: unknown } = {},
): Promise<void> {
  return ctx.audit.record({ at: ctx.clock.now(), actor: auditActor(principal), action, subject, ...values });
}
