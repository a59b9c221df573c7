import { actorOf, isAdmin } from '../auth/principal.ts';
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

  // A clerk cancels from the counter their console holds, and only what that counter may touch
  // (the core checks the ticket); an admin away from any counter cancels anywhere.
  'ticket:cancel': async ({ payload, socket, ctx }) => {
    const p = socket.data.principal;
    const held = ctx.holders.holds(socket.data.counterId, socket.id) ? socket.data.counterId : null;
    if (held === null && !isAdmin(p)) return refuse(ctx, socket, 'cancel_needs_counter');
    const r = await ctx.engine.execute(
      { kind: 'cancel', ticketId: payload.ticketId, reason: payload.reason ?? null, counterId: held },
      actorOf(p),
    );
    return r.ok ? { ok: true, value: null } : failure(ctx.translator, socket.data.lang, r.refusal, ctx.site.get().centre.timeZone);
  },
} satisfies Partial<CommandHandlers>;
