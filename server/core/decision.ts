import type { SiteConfig } from '../../protocol/site-config.ts';
import type { QueueEventDraft } from './model.ts';
import type { QueueState } from './queue-state.ts';

/** Why a command was refused: `code` is an i18next key of the `errors` namespace. */
export interface Refusal {
  code: string;
  params?: Record<string, string | number>;
}

/** What a command decided: the events to record, or a refusal that changes nothing. */
export type Decision = { ok: true; events: QueueEventDraft[] } | { ok: false; refusal: Refusal };

/** Everything a decision may look at. Time and ids come from outside so tests can run a day in ms. */
export interface DecideContext {
  config: SiteConfig;
  state: QueueState;
  now: number;
  newId: () => string;
}

export function accept(...events: QueueEventDraft[]): Decision {
  return { ok: true, events };
}

export function refuse(code: string, params?: Record<string, string | number>): Decision {
  return { ok: false, refusal: params ? { code, params } : { code } };
}
