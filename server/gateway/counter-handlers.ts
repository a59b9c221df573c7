import type { Result } from '../../protocol/result.ts';
import type { CounterSnapshot } from '../../protocol/views.ts';
import { actorOf } from '../auth/principal.ts';
import { runCounterCommand, viewOfCounter } from '../app/counter-actions.ts';
import type { CounterCommand } from '../core/counter-commands.ts';
import type { AppContext } from '../app/context.ts';
import type { CommandHandlers } from './handle.ts';
import type { GatewaySocket } from './socket-types.ts';

/** A counter command's handler: the payload becomes the core command, run at the payload's counter. */
function run<P extends { counterId: number }>(
  command: (payload: P) => CounterCommand,
): (call: { payload: P; socket: GatewaySocket; ctx: AppContext }) => Promise<Result<CounterSnapshot>> {
  return ({ payload, socket, ctx }) =>
    runCounterCommand(ctx, actorOf(socket.data.principal), payload.counterId, command(payload), socket.data.lang);
}

/** Clerks sign a connection in to one counter, then act on that counter only (the policy sees to it). */
export const counterHandlers = {
  'counter:join': async ({ payload, socket, ctx }) => {
    const view = viewOfCounter(ctx, payload.counterId, socket.data.lang);
    if (!view.ok) return view;
    if (socket.data.counterId !== null) await socket.leave(`counter:${socket.data.counterId}`);
    socket.data.counterId = payload.counterId;
    await socket.join(`counter:${payload.counterId}`);
    return view;
  },
  'counter:next': run(() => ({ kind: 'next' })),
  'counter:recall': run(() => ({ kind: 'recall' })),
  'counter:start': run(() => ({ kind: 'start' })),
  'counter:finish': run(() => ({ kind: 'finish' })),
  'counter:no-show': run(() => ({ kind: 'no_show' })),
  'counter:park': run(() => ({ kind: 'park' })),
  'counter:resume': run(() => ({ kind: 'resume' })),
  'counter:open': run(() => ({ kind: 'open' })),
  'counter:close': run(() => ({ kind: 'close' })),
  'counter:pause': run((p) => ({ kind: 'pause', reason: p.reason })),
  'counter:transfer': run((p) => ({
    kind: 'transfer',
    ...(p.toServiceId !== undefined && { toServiceId: p.toServiceId }),
    ...(p.toCounterId !== undefined && { toCounterId: p.toCounterId }),
  })),
  'counter:call-ticket': run((p) => ({ kind: 'call_ticket', ticketId: p.ticketId })),
  'counter:resume-ticket': run((p) => ({ kind: 'resume_ticket', ticketId: p.ticketId })),
} satisfies Partial<CommandHandlers>;
