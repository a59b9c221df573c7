import { type CommandInput, commandRules } from '../../protocol/command-rules.ts';
import type { CommandName, CommandReply } from '../../protocol/events.ts';
import type { Result } from '../../protocol/result.ts';
import { refusalFor } from '../app/access.ts';
import type { AppContext } from '../app/context.ts';
import { isBudgeted } from '../app/limits.ts';
import { failure, parsePayload, unexpectedRefusal } from '../app/results.ts';
import { logger } from '../log.ts';
import type { GatewaySocket } from './socket-types.ts';

const log = logger('gateway');

/** What a command handler gets: the payload already parsed, and the caller already allowed. */
export interface CommandCall<E extends CommandName> {
  payload: CommandInput<E>;
  socket: GatewaySocket;
  ctx: AppContext;
}

export type CommandHandler<E extends CommandName> = (call: CommandCall<E>) => Promise<Result<CommandReply<E>>> | Result<CommandReply<E>>;

/** One handler per command of the contract; a command without one does not compile. */
export type CommandHandlers = { [E in CommandName]: CommandHandler<E> };

/** Binds every command of the contract on a new connection. */
export function handleCommands(socket: GatewaySocket, ctx: AppContext, handlers: CommandHandlers): void {
  for (const event of Object.keys(commandRules) as CommandName[]) handle(socket, ctx, event, handlers[event]);
}

/**
 * The one path every command takes: parse the untrusted payload with the command's schema,
 * enforce its policy (`protocol/command-rules.ts`), then run the handler. Whatever a client
 * sends (no ack, extra arguments, a throw inside) the connection stays up and, where there is
 * an ack, it gets a Result.
 */
function handle<E extends CommandName>(socket: GatewaySocket, ctx: AppContext, event: E, run: CommandHandler<E>): void {
  const rule = commandRules[event];
  const name: CommandName = event;
  socket.on(name, (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (args.pop() as (r: Result<unknown>) => void) : null;
    void (async () => {
      let result: Result<unknown>;
      try {
        result = await admitted(socket, ctx, rule, args[0], run);
      } catch (e) {
        log.error('handler failed', { event, error: e });
        result = failure(ctx.translator, socket.data.lang, unexpectedRefusal(e), ctx.site.get().centre.timeZone);
      }
      ack?.(result);
    })();
  });
}

async function admitted<E extends CommandName>(
  socket: GatewaySocket,
  ctx: AppContext,
  rule: (typeof commandRules)[E],
  raw: unknown,
  run: CommandHandler<E>,
): Promise<Result<unknown>> {
  // Budgets first, before the payload is even parsed: a flood costs a counter and no more.
  if (isBudgeted(socket.data.principal) || rule.policy.kind === 'public') {
    const wait = ctx.guards.perConnection.take(socket.id) || ctx.guards.perAddress.take(socket.data.address);
    if (wait > 0) {
      // A client that goes on sending however often it is told to wait is not one of ours: it is
      // dropped, and its reconnections count against its address at the handshake.
      // Once the answers already on their way are out (a batch of events is parsed in one go).
      // Past the burst as it is now, not at one count: a burst the admin lowered mid-flood still drops it.
      socket.data.refusedInRow++;
      if (socket.data.refusedInRow > ctx.site.get().limits.requests.perConnection.burst) setImmediate(() => socket.disconnect(true));
      return refuse(ctx, socket, 'too_many_requests', { seconds: wait });
    }
    socket.data.refusedInRow = 0;
  }
  const parsed = rule.payload === null ? { ok: true as const, value: undefined } : parsePayload(rule.payload, raw);
  if (!parsed.ok) return refuse(ctx, socket, parsed.refusal.code, parsed.refusal.params);
  const refusal = refusalFor(ctx, rule.policy, {
    principal: socket.data.principal,
    address: socket.data.address,
    counterId: counterOf(parsed.value),
    joinedCounter: socket.data.counterId,
    holdsCounter: ctx.holders.holds(socket.data.counterId, socket.id),
  });
  if (refusal) return refuse(ctx, socket, refusal.code, refusal.params);
  // The schema of this very command produced the value, so it has the command's input type.
  return run({ payload: parsed.value as CommandInput<E>, socket, ctx });
}

/** The counter a parsed payload names, for the counter policies. */
function counterOf(payload: unknown): number | undefined {
  if (typeof payload !== 'object' || payload === null || !('counterId' in payload)) return undefined;
  return typeof payload.counterId === 'number' ? payload.counterId : undefined;
}

export function refuse(ctx: AppContext, socket: GatewaySocket, code: string, params?: Record<string, string | number>): Result<never> {
  return failure(ctx.translator, socket.data.lang, params ? { code, params } : { code }, ctx.site.get().centre.timeZone);
}
