import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, CommandName, CommandReply, ServerToClientEvents } from '../protocol/events.ts';
import type { Result } from '../protocol/result.ts';

/** A socket typed by the contract: a wrong event name or payload does not compile. */
export type CommandSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// A command's arguments before its ack, spelled the way socket.io-client's `timeout().emitWithAck`
// derives them, so that the generic call below type-checks without a cast.
type TimedEvents = ReturnType<CommandSocket['timeout']> extends Socket<ServerToClientEvents, infer M> ? M : never;
type AllButLast<T extends unknown[]> = T extends [...infer H, infer _L] ? H : unknown[];
type ArgsOf<E extends CommandName> = AllButLast<Parameters<TimedEvents[E]>>;

/**
 * The arguments that suit every event `E` may be: for one event its payload; for a union of
 * events (`'counter:next' | 'counter:pause'`) a payload valid for each, so one that some of
 * them would refuse does not compile.
 */
export type CommandArgs<E extends CommandName> = (E extends CommandName ? (args: ArgsOf<E>) => void : never) extends (
  args: infer A extends unknown[],
) => void
  ? A
  : never;

/** Emits a command and resolves with its Result; no answer within `timeoutMs` rejects. */
export function emitCommand<E extends CommandName>(
  socket: CommandSocket,
  timeoutMs: number,
  event: E,
  ...args: CommandArgs<E>
): Promise<Result<CommandReply<E>>>;
export function emitCommand<E extends CommandName>(socket: CommandSocket, timeoutMs: number, event: E, ...args: ArgsOf<E>) {
  return socket.timeout(timeoutMs).emitWithAck(event, ...args);
}
