import { CancelPayload, FollowPayload, RatePayload } from '../../protocol/commands.ts';
import { actorOf, isAdmin } from '../auth/principal.ts';
import { verifyTicketRef } from '../auth/tokens.ts';
import type { AppContext } from '../app/context.ts';
import { failure, parsePayload } from '../app/results.ts';
import { issueTicket } from '../app/ticketing.ts';
import { ticketPublicView } from '../views/ticket-view.ts';
import { handle, refuse } from './handle.ts';
import type { GatewaySocket } from './socket-types.ts';

const maxFollowed = 5;

export function registerTicketHandlers(socket: GatewaySocket, ctx: AppContext): void {
  handle(socket, ctx, 'ticket:issue', (payload) => issueTicket(ctx, socket.data.principal, payload, socket.data.lang));

  // Public: anyone holding the signed link may follow that one ticket, and nothing else.
  handle(socket, ctx, 'ticket:follow', async (payload) => {
    const p = parsePayload(FollowPayload, payload);
    if (!p.ok) return refuse(ctx, socket, p.refusal.code, p.refusal.params);
    const id = verifyTicketRef(ctx.auth.secret, p.value.ref);
    if (!id) return refuse(ctx, socket, 'bad_signature');
    const t = ctx.engine.state.tickets.get(id);
    if (!t) return refuse(ctx, socket, 'unknown_ticket');
    if (!socket.data.following.has(id) && socket.data.following.size >= maxFollowed) return refuse(ctx, socket, 'forbidden');
    socket.data.following.add(id);
    await socket.join(`ticket:${id}`);
    return { ok: true, value: ticketPublicView(ctx.site.get(), ctx.engine.state, t, ctx.clock()) };
  });

  handle(socket, ctx, 'ticket:cancel', async (payload) => {
    const p = parsePayload(CancelPayload, payload);
    if (!p.ok) return refuse(ctx, socket, p.refusal.code, p.refusal.params);
    if (socket.data.principal.role !== 'user') return refuse(ctx, socket, 'unauthenticated');
    const r = await ctx.engine.execute(
      { kind: 'cancel', ticketId: p.value.ticketId, reason: p.value.reason ?? null },
      actorOf(socket.data.principal),
    );
    return r.ok ? { ok: true, value: null } : failure(ctx.translator, socket.data.lang, r.refusal, ctx.site.get().centre.timeZone);
  });

  // A rating tablet rates tickets finished at its own counter.
  handle(socket, ctx, 'ticket:rate', async (payload) => {
    const p = parsePayload(RatePayload, payload);
    if (!p.ok) return refuse(ctx, socket, p.refusal.code, p.refusal.params);
    const principal = socket.data.principal;
    const tablet = principal.role === 'device' && principal.device.kind === 'rating' ? principal.device : null;
    if (!tablet && !isAdmin(principal)) return refuse(ctx, socket, principal.role === 'public' ? 'unauthenticated' : 'forbidden');
    const t = ctx.engine.state.tickets.get(p.value.ticketId);
    if (tablet && t && t.counterId !== tablet.counterId) return refuse(ctx, socket, 'forbidden');
    const config = ctx.site.get();
    const r = await ctx.engine.execute(
      { kind: 'rate', ticketId: p.value.ticketId, level: p.value.level, reason: p.value.reason ?? null, scale: config.centre.ratingScale },
      actorOf(principal),
    );
    return r.ok ? { ok: true, value: null } : failure(ctx.translator, socket.data.lang, r.refusal, config.centre.timeZone);
  });
}
