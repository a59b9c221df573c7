import { applyEvent } from '../core/apply-event.ts';
import type { Ticket } from '../core/model.ts';
import { emptyDayState } from '../core/queue-state.ts';
import type { AppContext } from './context.ts';

/** The tickets of a day: today's from the live queue, a past day's replayed from its journal. */
export async function dayTickets(ctx: AppContext, day: string): Promise<Ticket[]> {
  if (day === ctx.engine.state.day) return [...ctx.engine.state.tickets.values()];
  const state = emptyDayState(day);
  for (const e of await ctx.store.readDay(day)) applyEvent(state, e);
  return [...state.tickets.values()];
}
