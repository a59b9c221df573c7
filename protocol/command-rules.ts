import type * as v from 'valibot';
import { access, type Policy } from './access.ts';
import * as C from './commands.ts';
import { BoardVoiceReportPayload } from './voice/board-report.ts';
import type { CommandName } from './events.ts';

/** How the server takes a command in: the schema its payload is parsed with (null: it takes none), and who may send it. */
export interface CommandRule {
  payload: v.GenericSchema | null;
  policy: Policy;
}

/**
 * Every command's rule; the gateway's `handle()` parses the payload with it and enforces the
 * policy before any handler runs. A command in `ClientToServerEvents` without a rule here does
 * not compile, nor does one without a handler in the gateway's map. To add a command: its type
 * in `events.ts`, its rule here, its handler in a `server/gateway/*-handlers.ts` map. `events.ts` types each payload as its schema's input
 * (`test/protocol/contract-types.ts` checks that the two agree).
 */
export const commandRules = {
  'display:subscribe': { payload: C.DisplaySubscribePayload, policy: access.public },
  // A board's report about its own sound, listed on the health page while the board is connected.
  'display:voice': { payload: BoardVoiceReportPayload, policy: access.public },
  'kiosk:subscribe': { payload: null, policy: access.either(access.device('kiosk'), access.staff) },
  // Staff issue numbers at the help desk; only kiosks are rate-limited.
  'ticket:issue': { payload: C.IssueTicketPayload, policy: access.either(access.device('kiosk'), access.staff) },
  // The signed reference is the capability: anyone holding the link may follow that one ticket.
  'ticket:follow': { payload: C.FollowPayload, policy: access.public },
  // From a counter a clerk cancels only what that counter may touch (its handler asks the core); an admin anywhere.
  'ticket:cancel': { payload: C.CancelPayload, policy: access.staff },
  // A tablet rates only the ticket just finished at its own counter, within the prompt's window: its handler checks that.
  'ticket:rate': { payload: C.RatePayload, policy: access.either(access.device('rating'), access.admin) },
  'counter:join': { payload: C.CounterJoinPayload, policy: access.staffForCounter },
  'counter:take-over': { payload: C.CounterJoinPayload, policy: access.staffForCounter },
  'counter:next': { payload: C.FinishPayload, policy: access.clerkAtCounter },
  'counter:recall': { payload: C.CounterPayload, policy: access.clerkAtCounter },
  'counter:start': { payload: C.CounterPayload, policy: access.clerkAtCounter },
  'counter:finish': { payload: C.FinishPayload, policy: access.clerkAtCounter },
  'counter:undo': { payload: C.CounterPayload, policy: access.clerkAtCounter },
  'counter:no-show': { payload: C.CounterPayload, policy: access.clerkAtCounter },
  'counter:transfer': { payload: C.TransferPayload, policy: access.clerkAtCounter },
  'counter:park': { payload: C.CounterPayload, policy: access.clerkAtCounter },
  'counter:resume-ticket': { payload: C.CounterTicketPayload, policy: access.clerkAtCounter },
  'counter:call-ticket': { payload: C.CounterTicketPayload, policy: access.clerkAtCounter },
  'counter:pause': { payload: C.PausePayload, policy: access.clerkAtCounter },
  'counter:resume': { payload: C.CounterPayload, policy: access.clerkAtCounter },
  'counter:open': { payload: C.CounterPayload, policy: access.clerkAtCounter },
  'counter:close': { payload: C.CounterPayload, policy: access.clerkAtCounter },
  'rating:subscribe': { payload: C.CounterPayload, policy: access.deviceOfCounter('rating') },
  'admin:subscribe': { payload: null, policy: access.admin },
} as const satisfies { [E in CommandName]: CommandRule };

/** A command's payload as its handler receives it: parsed by its schema (`undefined` for a command without one). */
export type CommandInput<E extends CommandName> = (typeof commandRules)[E]['payload'] extends infer S extends v.GenericSchema
  ? v.InferOutput<S>
  : undefined;
