import type { SiteConfig } from '../../protocol/site-config.ts';
import { applyEvent } from './apply-event.ts';
import type { CounterMemory } from './counter-memory.ts';
import { decideCounter, type CounterCommand } from './counter-commands.ts';
import type { DecideContext, Decision } from './decision.ts';
import { issueTicket, type IssueTicketCommand } from './issue-ticket.ts';
import type { Actor, QueueEvent, QueueEventDraft } from './model.ts';
import type { QueueState } from './queue-state.ts';
import { cancelTicket, rateTicket, type RatingScale } from './ticket-commands.ts';

/** Every command the queue understands, as one union so the engine has one path for all. */
export type QueueCommand =
  | { kind: 'issue'; issue: IssueTicketCommand }
  | { kind: 'counter'; counterId: number; command: CounterCommand }
  /** `counterId`: the counter the canceller acts from; null for an admin away from any counter. */
  | { kind: 'cancel'; ticketId: string; reason: string | null; counterId: number | null }
  | { kind: 'rate'; ticketId: string; level: number; reason: string | null; scale: RatingScale };

export function decide(ctx: DecideContext, command: QueueCommand): Decision {
  switch (command.kind) {
    case 'issue':
      return issueTicket(ctx, command.issue);
    case 'counter':
      return decideCounter(ctx, command.counterId, command.command);
    case 'cancel':
      return cancelTicket(ctx, command.ticketId, command.reason, command.counterId);
    case 'rate':
      return rateTicket(ctx, command.ticketId, command.level, command.reason, command.scale);
  }
}

/** Gives drafts their place in the day's journal (above every seq the day has seen), their time and their author. */
export function stampEvents(state: QueueState, drafts: readonly QueueEventDraft[], at: number, by: Actor): QueueEvent[] {
  const after = Math.max(state.seq, state.floor.seq);
  return drafts.map((d, i) => ({ ...d, seq: after + i + 1, at, by }) as QueueEvent);
}

export interface Executed {
  events: QueueEvent[];
}

/**
 * Decide and apply in one step, for code that owns its state outright (tests, simulations).
 * The server instead decides on one state and applies to the visible one after the journal write.
 */
export function execute(
  config: SiteConfig,
  state: QueueState,
  command: QueueCommand,
  env: { now: number; newId: () => string; by: Actor; recent?: { monotonic: number; memory: CounterMemory } },
): Decision & Partial<Executed> {
  const decision = decide({ config, state, now: env.now, newId: env.newId, ...(env.recent && { recent: env.recent }) }, command);
  if (!decision.ok) return decision;
  const events = stampEvents(state, decision.events, env.now, env.by);
  if (env.recent) env.recent.memory.apply(state, events, decision.act ?? null, env.recent.monotonic);
  else for (const e of events) applyEvent(state, e);
  return { ...decision, events };
}
