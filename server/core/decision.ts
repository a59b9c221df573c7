import type { SiteConfig } from '../../protocol/site-config.ts';
import type { CounterRecall } from './counter-images.ts';
import type { QueueEventDraft, UndoableAction } from './model.ts';
import type { QueueState } from './queue-state.ts';

/** Why a command was refused: `code` is an i18next key of the `errors` namespace. */
export interface Refusal {
  code: string;
  params?: Record<string, string | number>;
}

/** An undoable action a decision stands for, so its owner remembers it for Undo. */
export interface ActNote {
  counterId: number;
  action: UndoableAction;
}

/** What a command decided: the events to record, or a refusal that changes nothing. */
export type Decision = { ok: true; events: QueueEventDraft[]; act?: ActNote } | { ok: false; refusal: Refusal };

/** Everything a decision may look at. Time and ids come from outside so tests can run a day in ms. */
export interface DecideContext {
  config: SiteConfig;
  state: QueueState;
  now: number;
  newId: () => string;
  /**
   * The monotonic time now and what the counters did in the last seconds (see `counter-memory.ts`).
   * Without it no call is guarded against a second Next and nothing can be undone.
   */
  recent?: { monotonic: number; memory: CounterRecall };
}

export function accept(...events: QueueEventDraft[]): Decision {
  return { ok: true, events };
}

export function refuse(code: string, params?: Record<string, string | number>): Decision {
  return { ok: false, refusal: params ? { code, params } : { code } };
}

/** The decision, marked as the counter's undoable action when it was accepted. */
export function asAct(decision: Decision, counterId: number, action: UndoableAction): Decision {
  return decision.ok && decision.events.length > 0 ? { ...decision, act: { counterId, action } } : decision;
}
