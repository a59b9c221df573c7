import type { RatingRequest } from '../../protocol/views.ts';
import type { AppContext } from '../app/context.ts';
import { actorOf } from '../auth/principal.ts';
import { clerkName } from '../app/counter-actions.ts';
import { failure } from '../app/results.ts';
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
 * The prompt each counter's tablet was last given, and when on the monotonic clock: the rating
 * window is a duration, so a wall clock stepped back must not keep an old prompt open for hours
 * (issue 12). Kept per server; after a restart no prompt is pending.
 */
const lastPrompt = new WeakMap<AppContext, Map<number, { request: RatingRequest; monotonic: number }>>();

function prompts(ctx: AppContext): Map<number, { request: RatingRequest; monotonic: number }> {
  let map = lastPrompt.get(ctx);
  if (!map) lastPrompt.set(ctx, (map = new Map()));
  return map;
}

/** Tells a counter's tablet to ask about the ticket just finished there. */
export function requestRating(io: GatewayServer, ctx: AppContext, ticketId: string): void {
  const request = ratingRequest(ctx, ticketId);
  if (!request) return;
  prompts(ctx).set(request.counterId, { request, monotonic: ctx.clock.monotonic() });
  io.to(ratingRoom(request.counterId)).emit('rating:requested', request);
}

/** The finish was undone: the counter's tablet stops asking about the ticket. */
export function withdrawRating(io: GatewayServer, ctx: AppContext, counterId: number, ticketId: string): void {
  const map = prompts(ctx);
  if (map.get(counterId)?.request.ticketId !== ticketId) return;
  map.delete(counterId);
  io.to(ratingRoom(counterId)).emit('rating:withdrawn', { ticketId });
}

/**
 * The prompt still open at the counter: the ticket finished there last, unrated, within the
 * window. It is the only ticket the counter's tablet may rate (issue 14).
 */
function pendingPrompt(ctx: AppContext, counterId: number): RatingRequest | null {
  const latest = prompts(ctx).get(counterId);
  if (!latest || ctx.clock.monotonic() - latest.monotonic > RATING_WINDOW_MS) return null;
  const t = ctx.engine.state.tickets.get(latest.request.ticketId);
  return t && t.rating === null && t.status === 'finished' && t.counterId === counterId ? latest.request : null;
}

/** Rating tablets: a device paired as `rating` for a counter listens to, and rates at, that counter only. */
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
        pending: pendingPrompt(ctx, payload.counterId),
      },
    };
  },

  // A tablet rates the prompt open at its counter, on the scale the prompt showed; an admin
  // (typing in a paper form) rates a finished ticket on the centre's scale.
  'ticket:rate': async ({ payload, socket, ctx }) => {
    const p = socket.data.principal;
    const config = ctx.site.get();
    let scale = config.centre.ratingScale;
    if (p.role === 'device') {
      const prompt = p.device.counterId === null ? null : pendingPrompt(ctx, p.device.counterId);
      if (prompt?.ticketId !== payload.ticketId) return refuse(ctx, socket, 'rating_not_open');
      scale = prompt.scale;
    }
    const r = await ctx.engine.execute(
      { kind: 'rate', ticketId: payload.ticketId, level: payload.level, reason: payload.reason ?? null, scale },
      actorOf(p),
    );
    return r.ok ? { ok: true, value: null } : failure(ctx.translator, socket.data.lang, r.refusal, config.centre.timeZone);
  },
} satisfies Partial<CommandHandlers>;
