import type { QueueState } from '../../server/core/queue-state.ts';

/**
 * The days being ingested, folded in memory so a batch applies only its new events. Bounded,
 * least recently used out first; an entry is only trusted when it has reached exactly the
 * cursor (another hub process may have moved the day on), otherwise it is replayed again.
 */
export class DayFolds {
  private readonly states = new Map<string, QueueState>();

  constructor(private readonly capacity: number) {}

  async get(key: string, cursorSeq: number, replay: () => Promise<QueueState>): Promise<QueueState> {
    let state = this.states.get(key);
    this.states.delete(key);
    if (!state || state.seq !== cursorSeq) state = await replay();
    this.states.set(key, state);
    while (this.states.size > this.capacity) this.states.delete(this.states.keys().next().value!);
    return state;
  }

  drop(key: string): void {
    this.states.delete(key);
  }
}
