/**
 * Compile-time tests of the contract: never run, checked by `tsc --noEmit` (part of `npm test`).
 * Each `@ts-expect-error` line must fail to compile; if the contract stopped catching the
 * mistake, the directive itself would be the error. The lines without one must compile.
 */
import type * as v from 'valibot';
import { emitCommand } from '../../client/command.ts';
import type { Connection } from '../../client/connection.ts';
import { download, request } from '../../client/http-api.ts';
import type { commandRules } from '../../protocol/command-rules.ts';
import type { ClientToServerEvents, CommandName } from '../../protocol/events.ts';
import type { CommandHandlers } from '../../server/gateway/handle.ts';
import type { GatewayServer } from '../../server/gateway/socket-types.ts';
import { okResponse } from '../../server/http/http-results.ts';
import type { Router } from '../../server/http/router.ts';
import { type ClientSocket, command } from '../support/test-server.ts';

export async function socketEmitters(s: ClientSocket, app: Connection): Promise<void> {
  await command(s, 'counter:next', { counterId: 1 });
  await app.command('counter:pause', { counterId: 1, reason: 'nghỉ trưa' });
  await emitCommand(s, 1000, 'admin:subscribe');

  // @ts-expect-error an event the contract does not have
  await command(s, 'counter:nxt', { counterId: 1 });
  // @ts-expect-error a pause needs its reason
  await app.command('counter:pause', { counterId: 1 });
  // @ts-expect-error a counter is a number
  await command(s, 'counter:next', { counterId: '1' });
  // @ts-expect-error a field the payload does not have
  await command(s, 'ticket:issue', { serviceId: 'civil-status', admin: true });
  // @ts-expect-error a command that takes no payload
  await command(s, 'kiosk:subscribe', { all: true });
  // @ts-expect-error one of several events with a payload that suits only some of them
  await command(s, 'counter:next' as 'counter:next' | 'counter:pause', { counterId: 1 });

  const issued = await command(s, 'ticket:issue', { serviceId: 'civil-status' });
  if (issued.ok) {
    const label: string = issued.value.ticket.label;
    // @ts-expect-error the reply is typed too
    const wrong: number = issued.value.ticket.label;
    void [label, wrong];
  }
}

export function serverSide(io: GatewayServer, router: Router): void {
  // @ts-expect-error a broadcast with the wrong payload
  io.to('display').emit('ticket:called', { label: 1001 });

  const handlers: Partial<CommandHandlers> = {
    'counter:next': ({ payload }) => ({ ok: false, error: { code: 'x', message: String(payload.counterId) } }),
    // @ts-expect-error a handler whose reply is not the command's
    'ticket:cancel': () => ({ ok: true, value: 42 }),
    // @ts-expect-error the parsed payload has no such field
    'ticket:follow': ({ payload }) => ({ ok: false, error: { code: payload.ticketId, message: '' } }),
  };
  void handlers;

  router.add('users', () => okResponse([]));
  // @ts-expect-error a route the map does not have
  router.add('usres', () => okResponse([]));
  // @ts-expect-error a reply that is not the route's
  router.add('authStatus', () => okResponse({ needsSetup: 'no' }));
  // @ts-expect-error a path param the route does not have
  router.add('revokeDevice', (r) => okResponse(r.params.code));
}

export async function httpClient(): Promise<void> {
  const me = await request({ token: 'ses_x' }, 'resetPassword', { params: { id: 'u1' }, body: { password: 'long-enough-1' } });
  void me;
  // @ts-expect-error the path param is missing
  await request({}, 'resetPassword', { body: { password: 'long-enough-1' } });
  // @ts-expect-error a body field of the wrong type
  await request({}, 'setUserState', { params: { id: 'u1' }, body: { disabled: 'yes' } });
  // @ts-expect-error a query the route does not take
  await request({}, 'users', { query: { limit: 5 } });
  // @ts-expect-error a file route is downloaded, not read as JSON
  await request({}, 'backup');
  // @ts-expect-error a JSON route is not a file
  await download({}, 'users');

  const site = await request({}, 'site');
  // @ts-expect-error the one type of the /api/site reply
  if (site.ok) void site.value.centre.timezone;
}

/** The payload types `events.ts` gives clients are the ones the server parses with (`command-rules.ts`). */
type SchemaArgs<E extends CommandName> = (typeof commandRules)[E]['payload'] extends infer S extends v.GenericSchema
  ? [payload: v.InferInput<S>]
  : [];
type EventArgs<E extends CommandName> = Parameters<ClientToServerEvents[E]> extends [...infer A, unknown] ? A : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Disagreeing = { [E in CommandName]: Same<SchemaArgs<E>, EventArgs<E>> extends true ? never : E }[CommandName];
export const eventsAgreeWithSchemas: [Disagreeing] extends [never] ? true : Disagreeing = true;
