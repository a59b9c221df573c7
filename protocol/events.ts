import type * as v from 'valibot';
import type * as C from './commands.ts';
import type { Result } from './result.ts';
import type { BoardVoiceReportPayload } from './voice/board-report.ts';
import type {
  AdminSnapshot,
  CallView,
  CounterSnapshot,
  DisplaySnapshot,
  IssuedTicket,
  KioskSnapshot,
  RatingRequest,
  RatingSnapshot,
  TicketPublicView,
} from './views.ts';
import type { PrintOutcome } from './printers.ts';

/** Every command is acknowledged with a `Result<T>`. */
export type Ack<T> = (result: Result<T>) => void;
type In<S extends v.GenericSchema> = v.InferInput<S>;

/**
 * Commands, `domain:verb`. Payload types are for clients' convenience only: the server
 * parses every payload with the schema of the same name in `commands.ts`.
 */
export interface ClientToServerEvents {
  /** Public: join the display room; a paired display's own settings may narrow it. */
  'display:subscribe': (payload: In<typeof C.DisplaySubscribePayload>, ack: Ack<DisplaySnapshot>) => void;
  /** Public: a board's report about its sound (on, blocked, failing) for the admin's health page. */
  'display:voice': (payload: In<typeof BoardVoiceReportPayload>, ack: Ack<null>) => void;
  /** Kiosk device: join the kiosk room. */
  'kiosk:subscribe': (ack: Ack<KioskSnapshot>) => void;
  'ticket:issue': (payload: In<typeof C.IssueTicketPayload>, ack: Ack<IssuedTicket>) => void;
  /** Public: follow one ticket by its signed reference. */
  'ticket:follow': (payload: In<typeof C.FollowPayload>, ack: Ack<TicketPublicView>) => void;
  'ticket:cancel': (payload: In<typeof C.CancelPayload>, ack: Ack<null>) => void;
  'ticket:rate': (payload: In<typeof C.RatePayload>, ack: Ack<null>) => void;
  /**
   * Clerk: sign this connection in to a counter. The console holds it at once when it is free
   * (or already this console's); otherwise it views it (`control: 'viewing'`) until it takes it over.
   */
  'counter:join': (payload: In<typeof C.CounterJoinPayload>, ack: Ack<CounterSnapshot>) => void;
  /** Clerk, after confirming on the console: take the counter over from the console or clerk holding it. */
  'counter:take-over': (payload: In<typeof C.CounterJoinPayload>, ack: Ack<CounterSnapshot>) => void;
  'counter:next': (payload: In<typeof C.FinishPayload>, ack: Ack<CounterSnapshot>) => void;
  'counter:recall': (payload: In<typeof C.CounterPayload>, ack: Ack<CounterSnapshot>) => void;
  'counter:start': (payload: In<typeof C.CounterPayload>, ack: Ack<CounterSnapshot>) => void;
  'counter:finish': (payload: In<typeof C.FinishPayload>, ack: Ack<CounterSnapshot>) => void;
  /** Undo the counter's last action (next, call, finish, no-show, transfer, park, cancel) within its window. */
  'counter:undo': (payload: In<typeof C.CounterPayload>, ack: Ack<CounterSnapshot>) => void;
  'counter:no-show': (payload: In<typeof C.CounterPayload>, ack: Ack<CounterSnapshot>) => void;
  'counter:transfer': (payload: In<typeof C.TransferPayload>, ack: Ack<CounterSnapshot>) => void;
  'counter:park': (payload: In<typeof C.CounterPayload>, ack: Ack<CounterSnapshot>) => void;
  'counter:resume-ticket': (payload: In<typeof C.CounterTicketPayload>, ack: Ack<CounterSnapshot>) => void;
  'counter:call-ticket': (payload: In<typeof C.CounterTicketPayload>, ack: Ack<CounterSnapshot>) => void;
  'counter:pause': (payload: In<typeof C.PausePayload>, ack: Ack<CounterSnapshot>) => void;
  'counter:resume': (payload: In<typeof C.CounterPayload>, ack: Ack<CounterSnapshot>) => void;
  'counter:open': (payload: In<typeof C.CounterPayload>, ack: Ack<CounterSnapshot>) => void;
  'counter:close': (payload: In<typeof C.CounterPayload>, ack: Ack<CounterSnapshot>) => void;
  /** Rating tablet of that counter: join its room; the ack carries any prompt still open. */
  'rating:subscribe': (payload: In<typeof C.CounterPayload>, ack: Ack<RatingSnapshot>) => void;
  /** Admin: join the admin room. */
  'admin:subscribe': (ack: Ack<AdminSnapshot>) => void;
}

/** Broadcasts, past tense, plus the snapshots that heal a client that missed messages. */
export interface ServerToClientEvents {
  'server:hello': (hello: { build: string; serverTime: number }) => void;
  'display:snapshot': (snapshot: DisplaySnapshot) => void;
  /** A number was called or recalled: the board features it and the voice speaks it. */
  'ticket:called': (call: CallView) => void;
  'kiosk:snapshot': (snapshot: KioskSnapshot) => void;
  /** To the kiosk that issued it: what became of a ticket whose issue answered `printing`. */
  'ticket:print-finished': (finished: { ticketId: string; print: PrintOutcome }) => void;
  'ticket:updated': (ticket: TicketPublicView) => void;
  'counter:snapshot': (snapshot: CounterSnapshot) => void;
  'admin:snapshot': (snapshot: AdminSnapshot) => void;
  /** A ticket was finished at the counter: its rating tablet asks the citizen. */
  'rating:requested': (request: RatingRequest) => void;
  /** That finish was undone: the tablet stops asking about the ticket. */
  'rating:withdrawn': (withdrawn: { ticketId: string }) => void;
  /**
   * The admin gave this paired device a new token: the device keeps it in place of the old
   * one, which stops working as soon as it answers `true`.
   */
  'device:token': (token: string, stored: (ok: boolean) => void) => void;
  /**
   * The same to a connection that authenticated with its app's cookie: not the token (script
   * must never see it) but a one-time claim, which the app redeems with `claimDeviceToken` to
   * have its new cookie set, then answers `true`.
   */
  'device:token-claim': (claim: string, stored: (ok: boolean) => void) => void;
}

/** The counter commands that share one payload shape and one handler path. */
export type CounterCommandEvent = Extract<keyof ClientToServerEvents, `counter:${string}`>;

export type CommandName = keyof ClientToServerEvents;

/** The value each command's `Result` carries when it succeeds. */
type CommandReplies = { [E in CommandName]: Parameters<ClientToServerEvents[E]> extends [...unknown[], Ack<infer T>] ? T : never };

/** The value a command's `Result` carries when it succeeds (for a union of commands, any of theirs). */
export type CommandReply<E extends CommandName> = CommandReplies[E];
