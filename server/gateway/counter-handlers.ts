import type * as v from 'valibot';
import { CounterPayload, CounterTicketPayload, PausePayload, TransferPayload } from '../../protocol/commands.ts';
import type { CounterCommandEvent } from '../../protocol/events.ts';
import { actorOf, mayUseCounter } from '../auth/principal.ts';
import { runCounterCommand, viewOfCounter } from '../app/counter-actions.ts';
import type { AppContext } from '../app/context.ts';
import { parsePayload } from '../app/results.ts';
import type { CounterCommand } from '../core/counter-commands.ts';
import type { Refusal } from '../core/decision.ts';
import { handle, refuse } from './handle.ts';
import type { GatewaySocket } from './socket-types.ts';

type Parsed = { ok: true; counterId: number; command: CounterCommand } | { ok: false; refusal: Refusal };
type Route = (payload: unknown) => Parsed;

/** A route parses its payload with its schema, then maps it to the core command. */
function route<S extends v.GenericSchema<unknown, { counterId: number }>>(
  schema: S,
  command: (payload: v.InferOutput<S>) => CounterCommand,
): Route {
  return (payload) => {
    const p = parsePayload(schema, payload);
    return p.ok ? { ok: true, counterId: p.value.counterId, command: command(p.value) } : p;
  };
}

/** Each counter command: its payload schema and the core command it becomes. */
const routes: Record<Exclude<CounterCommandEvent, 'counter:join'>, Route> = {
  'counter:next': route(CounterPayload, () => ({ kind: 'next' })),
  'counter:recall': route(CounterPayload, () => ({ kind: 'recall' })),
  'counter:start': route(CounterPayload, () => ({ kind: 'start' })),
  'counter:finish': route(CounterPayload, () => ({ kind: 'finish' })),
  'counter:no-show': route(CounterPayload, () => ({ kind: 'no_show' })),
  'counter:park': route(CounterPayload, () => ({ kind: 'park' })),
  'counter:resume': route(CounterPayload, () => ({ kind: 'resume' })),
  'counter:open': route(CounterPayload, () => ({ kind: 'open' })),
  'counter:close': route(CounterPayload, () => ({ kind: 'close' })),
  'counter:pause': route(PausePayload, (p) => ({ kind: 'pause', reason: p.reason })),
  'counter:transfer': route(TransferPayload, (p) => ({
    kind: 'transfer',
    ...(p.toServiceId !== undefined && { toServiceId: p.toServiceId }),
    ...(p.toCounterId !== undefined && { toCounterId: p.toCounterId }),
  })),
  'counter:call-ticket': route(CounterTicketPayload, (p) => ({ kind: 'call_ticket', ticketId: p.ticketId })),
  'counter:resume-ticket': route(CounterTicketPayload, (p) => ({ kind: 'resume_ticket', ticketId: p.ticketId })),
};

/** Clerks sign a connection in to one counter, then act on that counter only. */
export function registerCounterHandlers(socket: GatewaySocket, ctx: AppContext): void {
  handle(socket, ctx, 'counter:join', async (payload) => {
    const p = parsePayload(CounterPayload, payload);
    if (!p.ok) return refuse(ctx, socket, p.refusal.code, p.refusal.params);
    const principal = socket.data.principal;
    if (principal.role !== 'user') return refuse(ctx, socket, 'unauthenticated');
    if (!mayUseCounter(principal, p.value.counterId)) return refuse(ctx, socket, 'forbidden');
    const view = viewOfCounter(ctx, p.value.counterId, socket.data.lang);
    if (!view.ok) return view;
    if (socket.data.counterId !== null) await socket.leave(`counter:${socket.data.counterId}`);
    socket.data.counterId = p.value.counterId;
    await socket.join(`counter:${p.value.counterId}`);
    return view;
  });

  for (const [event, parse] of Object.entries(routes)) {
    handle(socket, ctx, event as CounterCommandEvent, async (payload) => {
      const p = parse(payload);
      if (!p.ok) return refuse(ctx, socket, p.refusal.code, p.refusal.params);
      if (socket.data.principal.role !== 'user') return refuse(ctx, socket, 'unauthenticated');
      if (socket.data.counterId !== p.counterId) return refuse(ctx, socket, 'not_signed_in_to_counter', { counterId: p.counterId });
      return runCounterCommand(ctx, actorOf(socket.data.principal), p.counterId, p.command, socket.data.lang);
    });
  }
}
