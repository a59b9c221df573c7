import type { RatingRequest } from '../../protocol/views.ts';
import type { AppContext } from '../app/context.ts';
import { clerkName } from '../app/counter-actions.ts';
import { counterName } from '../views/ticket-view.ts';
import { type CommandHandlers, refuse } from './handle.ts';
import type { GatewayServer } from './socket-types.ts';

/** How long after a finish the tablet still asks; a tablet that reconnects within it asks again. */
export const RATING_WINDOW_MS = 30_000;

/** The room of a counter's rating tablet(s). */
export function ratingRoom(counterId: number): string {
  return `rating:${counterId}`;
}

/** The prompt for a finished ticket, or null when the ticket is unknown or not at a counter. */
export function ratingRequest(ctx: AppContext, ticketId: string): RatingRequest | null {
  const t = ctx.engine.state.tickets.get(ticketId);
  if (!t || t.counterId === null || t.status !== 'finished') return null;
  return {
    ticketId: t.id,
    label: t.label,
    clerkName: t.clerkId ? clerkName(ctx, t.clerkId) : null,
    counterId: t.counterId,
    scale: ctx.site.get().centre.ratingScale,
    at: t.endedAt ?? ctx.clock.now(),
  };
}

/**
 * The ticket each counter finished last, and when on the monotonic clock: the rating window is a
 * duration, so a wall clock stepped back must not keep an old prompt open for hours (issue 12).
 * Kept per server; after a restart no prompt is pending.
 */
const lastFinished = new WeakMap<AppContext, Map<number, { ticketId: string; monotonic: number }>>();

/** Tells a counter's tablet to ask about the ticket just finished there. */
export function requestRating(io: GatewayServer, ctx: AppContext, ticketId: string): void {
  const request = ratingRequest(ctx, ticketId);
  if (!request) return;
  let finished = lastFinished.get(ctx);
  if (!finished) lastFinished.set(ctx, (finished = new Map()));
  finished.set(request.counterId, { ticketId, monotonic: ctx.clock.monotonic() });
  io.to(ratingRoom(request.counterId)).emit('rating:requested', request);
}

/** The latest ticket finished at the counter if it is unrated and still within the window. */
function pendingRequest(ctx: AppContext, counterId: number): RatingRequest | null {
  const latest = lastFinished.get(ctx)?.get(counterId);
  if (!latest || ctx.clock.monotonic() - latest.monotonic > RATING_WINDOW_MS) return null;
  const t = ctx.engine.state.tickets.get(latest.ticketId);
  return t && t.rating === null && t.status === 'finished' && t.counterId === counterId ? ratingRequest(ctx, t.id) : null;
}

/** Rating tablets: a device paired as `rating` for a counter listens to that counter only. */
export const ratingHandlers = {
  'rating:subscribe': async ({ payload, socket, ctx }) => {
    const config = ctx.site.get();
    if (!config.counters.some((c) => c.id === payload.counterId)) return refuse(ctx, socket, 'unknown_counter');
    await socket.join(ratingRoom(payload.counterId));
    return {
      ok: true,
      value: {
        serverTime: ctx.clock.now(),
        centreName: config.centre.name,
        counterId: payload.counterId,
        counterName: counterName(config, payload.counterId),
        scale: config.centre.ratingScale,
        pending: pendingRequest(ctx, payload.counterId),
      },
    };
  },
} satisfies Partial<CommandHandlers>;
