import type { Result } from '../../protocol/result.ts';
import type { CounterSnapshot } from '../../protocol/views.ts';
import { actorOf } from '../auth/principal.ts';
import { runCounterCommand, viewOfCounter } from '../app/counter-actions.ts';
import { mayHoldAtOnce } from '../app/counter-holders.ts';
import type { CounterCommand } from '../core/counter-commands.ts';
import type { AppContext } from '../app/context.ts';
import { failure } from '../app/results.ts';
import { pushCounterView } from './broadcaster.ts';
import { type CommandHandlers, refuse } from './handle.ts';
import type { GatewaySocket } from './socket-types.ts';

/** A counter command's handler: the payload becomes the core command, run at the payload's counter. */
function run<P extends { counterId: number }>(
  command: (payload: P) => CounterCommand,
): (call: { payload: P; socket: GatewaySocket; ctx: AppContext }) => Promise<Result<CounterSnapshot>> {
  return ({ payload, socket, ctx }) =>
    runCounterCommand(ctx, actorOf(socket.data.principal), payload.counterId, command(payload), socket.data.lang, socket.id);
}

/** A dossier code only when one was given. */
const withDossier = (p: { dossierCode?: string | undefined }) => (p.dossierCode === undefined ? {} : { dossierCode: p.dossierCode });

/**
 * Puts the connection in the counter's room as the console it says it is. The first join of a
 * connection also arranges that, when it ends, its counter shows its console as away.
 */
async function enter(socket: GatewaySocket, ctx: AppContext, counterId: number, consoleId: string | undefined): Promise<void> {
  if (socket.data.counterId === null)
    socket.once('disconnect', () => {
      const held = socket.data.counterId;
      ctx.holders.disconnected(socket.id);
      if (held !== null) pushCounterView(socket.nsp, ctx, held);
    });
  const before = socket.data.counterId;
  if (before !== null && before !== counterId) {
    ctx.holders.left(before, socket.id);
    await socket.leave(`counter:${before}`);
    pushCounterView(socket.nsp, ctx, before);
  }
  socket.data.counterId = counterId;
  socket.data.consoleId = consoleId ?? socket.id;
  await socket.join(`counter:${counterId}`);
}

/** The signed-in person of a connection the counter policies let in. */
function userOf(socket: GatewaySocket): { userId: string; consoleId: string; socketId: string } | null {
  const p = socket.data.principal;
  return p.role === 'user' ? { userId: p.user.id, consoleId: socket.data.consoleId ?? socket.id, socketId: socket.id } : null;
}

/**
 * Clerks sign a connection in to one counter, then act on that counter only, and only from the
 * console that holds it (the policy sees to both). A second console takes a counter over only
 * when its clerk confirms; the takeover of another clerk's open counter is recorded.
 */
export const counterHandlers = {
  'counter:join': async ({ payload, socket, ctx }) => {
    const { counterId } = payload;
    if (!viewOfCounter(ctx, counterId, socket.data.lang).ok) return refuse(ctx, socket, 'unknown_counter');
    await enter(socket, ctx, counterId, payload.consoleId);
    const me = userOf(socket);
    const counter = ctx.engine.state.counters.get(counterId) ?? { status: 'closed' as const, clerkId: null };
    if (me && mayHoldAtOnce(ctx.holders.holder(counterId), counter, me)) {
      if (!ctx.holders.holds(counterId, socket.id)) ctx.holders.hold(counterId, me, ctx.clock.now());
      pushCounterView(socket.nsp, ctx, counterId);
    }
    return viewOfCounter(ctx, counterId, socket.data.lang, socket.id);
  },
  'counter:take-over': async ({ payload, socket, ctx }) => {
    const { counterId } = payload;
    if (!viewOfCounter(ctx, counterId, socket.data.lang).ok) return refuse(ctx, socket, 'unknown_counter');
    await enter(socket, ctx, counterId, payload.consoleId);
    const me = userOf(socket);
    if (!me) return refuse(ctx, socket, 'unauthenticated');
    // Recorded before the console changes hands: a takeover the journal cannot take does not happen.
    const outcome = await ctx.engine.execute(
      { kind: 'counter', counterId, command: { kind: 'take_over', clerkId: me.userId } },
      actorOf(socket.data.principal),
    );
    if (!outcome.ok) return failure(ctx.translator, socket.data.lang, outcome.refusal, ctx.site.get().centre.timeZone);
    ctx.holders.hold(counterId, me, ctx.clock.now());
    pushCounterView(socket.nsp, ctx, counterId);
    return viewOfCounter(ctx, counterId, socket.data.lang, socket.id);
  },
  'counter:next': run((p) => ({ kind: 'next', ...withDossier(p) })),
  'counter:recall': run(() => ({ kind: 'recall' })),
  'counter:start': run(() => ({ kind: 'start' })),
  'counter:finish': run((p) => ({ kind: 'finish', ...withDossier(p) })),
  'counter:no-show': run(() => ({ kind: 'no_show' })),
  'counter:park': run(() => ({ kind: 'park' })),
  'counter:resume': run(() => ({ kind: 'resume' })),
  'counter:open': run(() => ({ kind: 'open' })),
  'counter:close': run(() => ({ kind: 'close' })),
  'counter:undo': run(() => ({ kind: 'undo' })),
  'counter:pause': run((p) => ({ kind: 'pause', reason: p.reason })),
  'counter:transfer': run((p) => ({
    kind: 'transfer',
    ...(p.toServiceId !== undefined && { toServiceId: p.toServiceId }),
    ...(p.toCounterId !== undefined && { toCounterId: p.toCounterId }),
  })),
  'counter:call-ticket': run((p) => ({ kind: 'call_ticket', ticketId: p.ticketId })),
  'counter:resume-ticket': run((p) => ({ kind: 'resume_ticket', ticketId: p.ticketId })),
} satisfies Partial<CommandHandlers>;
