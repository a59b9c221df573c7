import { actorOf } from '../auth/principal.ts';
import { verifyTicketRef } from '../auth/tokens.ts';
import { failure } from '../app/results.ts';
import { issueTicket } from '../app/ticketing.ts';
import { followView } from '../app/live-views.ts';
import { type CommandHandlers, refuse } from './handle.ts';

const maxFollowed = 5;

export const ticketHandlers = {
  'ticket:issue': async ({ payload, socket, ctx }) => {
    const { result, printed } = await issueTicket(ctx, socket.data.principal, payload, socket.data.lang);
    // The number is shown at once; what the printer did follows when it is done. Never before
    // the answer itself (sent right after this handler returns), or the kiosk could not place it.
    if (result.ok && printed) {
      const ticketId = result.value.ticket.id;
      void printed.then((print) => setImmediate(() => socket.emit('ticket:print-finished', { ticketId, print })));
    }
    return result;
  },

  // Anyone holding the signed link may follow that one ticket, and nothing else.
  'ticket:follow': async ({ payload, socket, ctx }) => {
    const id = verifyTicketRef(ctx.auth.secret, payload.ref);
    if (!id) return refuse(ctx, socket, 'bad_signature');
    const t = ctx.engine.state.tickets.get(id);
    if (!t) return refuse(ctx, socket, 'unknown_ticket');
    if (!socket.data.following.has(id) && socket.data.following.size >= maxFollowed) return refuse(ctx, socket, 'forbidden');
    socket.data.following.add(id);
    await socket.join(`ticket:${id}`);
    return { ok: true, value: followView(ctx, t) };
  },

  'ticket:cancel': async ({ payload, socket, ctx }) => {
    const r = await ctx.engine.execute(
      { kind: 'cancel', ticketId: payload.ticketId, reason: payload.reason ?? null },
      actorOf(socket.data.principal),
    );
    return r.ok ? { ok: true, value: null } : failure(ctx.translator, socket.data.lang, r.refusal, ctx.site.get().centre.timeZone);
  },

  'ticket:rate': async ({ payload, socket, ctx }) => {
    const principal = socket.data.principal;
    // The policy lets rating tablets in; which counter a ticket was finished at only the ticket knows.
    const t = ctx.engine.state.tickets.get(payload.ticketId);
    if (principal.role === 'device' && t && t.counterId !== principal.device.counterId) return refuse(ctx, socket, 'forbidden');
    const config = ctx.site.get();
    const r = await ctx.engine.execute(
      { kind: 'rate', ticketId: payload.ticketId, level: payload.level, reason: payload.reason ?? null, scale: config.centre.ratingScale },
      actorOf(principal),
    );
    return r.ok ? { ok: true, value: null } : failure(ctx.translator, socket.data.lang, r.refusal, config.centre.timeZone);
  },
} satisfies Partial<CommandHandlers>;
