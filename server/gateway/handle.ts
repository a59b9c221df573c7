import type { Result } from '../../protocol/result.ts';
import type { ClientToServerEvents } from '../../protocol/events.ts';
import type { AppContext } from '../app/context.ts';
import { failure } from '../app/results.ts';
import { logger } from '../log.ts';
import type { GatewaySocket } from './socket-types.ts';

const log = logger('gateway');

/**
 * Registers a command handler. The payload is untrusted (`unknown`): the handler parses it.
 * Whatever a client sends — no ack, extra arguments, a throw inside — the connection stays up
 * and, where there is an ack, it gets a Result.
 */
export function handle(
  socket: GatewaySocket,
  ctx: AppContext,
  event: keyof ClientToServerEvents,
  run: (payload: unknown) => Promise<Result<unknown>> | Result<unknown>,
): void {
  const loose = socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void };
  loose.on(event, (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (args.pop() as (r: Result<unknown>) => void) : null;
    void (async () => {
      let result: Result<unknown>;
      try {
        result = await run(args[0]);
      } catch (e) {
        log.error('handler failed', { event, error: e });
        result = failure(ctx.translator, socket.data.lang, { code: 'store_unavailable' }, ctx.site.get().centre.timeZone);
      }
      ack?.(result);
    })();
  });
}

export function refuse(ctx: AppContext, socket: GatewaySocket, code: string, params?: Record<string, string | number>): Result<never> {
  return failure(ctx.translator, socket.data.lang, params ? { code, params } : { code }, ctx.site.get().centre.timeZone);
}
