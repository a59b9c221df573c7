import type { SiteConfig } from '../../protocol/site-config.ts';
import { applyEvent } from '../core/apply-event.ts';
import type { Refusal } from '../core/decision.ts';
import { localDay } from '../core/local-time.ts';
import type { Actor, QueueEvent } from '../core/model.ts';
import { decide, stampEvents, type QueueCommand } from '../core/queue.ts';
import { cloneState, type QueueState } from '../core/queue-state.ts';
import { logger } from '../log.ts';
import type { JournalDamage } from '../store/journal-recovery.ts';
import type { QueueStore } from '../store/queue-store.ts';

const log = logger('engine');

export type ExecuteOutcome = { ok: true; events: QueueEvent[] } | { ok: false; refusal: Refusal };

export interface EngineOptions {
  config: () => SiteConfig;
  store: QueueStore;
  clock: () => number;
  newId: () => string;
  /** Save a snapshot of the day after this many events. Defaults to 1000. */
  snapshotEvery?: number;
}

/**
 * The single authority over the day's queue. Durable before visible: a command is decided on
 * the `decider` state at once (so the next command sees it and numbers never repeat), its
 * events are written to the journal, and only then applied to the `shown` state that views,
 * acknowledgements and broadcasts are made from.
 */
export class QueueEngine {
  private rolling: Promise<void> | null = null;
  private failure: Error | null = null;
  private sinceSnapshot = 0;
  private readonly listeners = new Set<(events: QueueEvent[]) => void>();
  private readonly dayListeners = new Set<(day: string) => void>();

  private constructor(
    private readonly opts: EngineOptions,
    private decider: QueueState,
    private shown: QueueState,
    /** What the journal recovery found when the day was opened. */
    public journalDamage: JournalDamage | null,
  ) {}

  static async start(opts: EngineOptions): Promise<QueueEngine> {
    const day = localDay(opts.clock(), opts.config().centre.timeZone);
    const { state, damage } = await opts.store.openDay(day);
    log.info('day opened', { day, tickets: state.tickets.size, events: state.seq, damaged: damage !== null });
    return new QueueEngine(opts, state, cloneState(state), damage);
  }

  /** The queue as every screen may see it: only what is on disk. */
  get state(): QueueState {
    return this.shown;
  }

  get failed(): Error | null {
    return this.failure;
  }

  /** Called with each command's events once they are durable and visible, in journal order. */
  onChange(listener: (events: QueueEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called when a new local day starts (numbers reset, boards empty). */
  onDayStarted(listener: (day: string) => void): () => void {
    this.dayListeners.add(listener);
    return () => this.dayListeners.delete(listener);
  }

  async execute(command: QueueCommand, by: Actor): Promise<ExecuteOutcome> {
    await this.checkDay();
    if (this.failure) return { ok: false, refusal: { code: 'store_unavailable' } };
    const now = this.opts.clock();
    const config = this.opts.config();
    const decision = decide({ config, state: this.decider, now, newId: this.opts.newId }, command);
    if (!decision.ok) return decision;
    if (decision.events.length === 0) return { ok: true, events: [] };
    const events = stampEvents(this.decider, decision.events, now, by);
    for (const e of events) applyEvent(this.decider, e);
    try {
      await this.opts.store.append(events);
    } catch (e) {
      this.failure = e instanceof Error ? e : new Error(String(e));
      return { ok: false, refusal: { code: 'store_unavailable' } };
    }
    for (const e of events) applyEvent(this.shown, e);
    this.afterDurable(events);
    return { ok: true, events };
  }

  private afterDurable(events: QueueEvent[]): void {
    this.sinceSnapshot += events.length;
    if (this.sinceSnapshot >= (this.opts.snapshotEvery ?? 1000)) {
      this.sinceSnapshot = 0;
      this.opts.store.saveSnapshot(this.shown).catch((e: unknown) => log.warn('snapshot failed', { error: e }));
    }
    for (const l of this.listeners) {
      try {
        l(events);
      } catch (e) {
        log.error('change listener failed', { error: e });
      }
    }
  }

  /** Starts the new local day when the clock has passed midnight; safe to call often. */
  async checkDay(): Promise<void> {
    const day = localDay(this.opts.clock(), this.opts.config().centre.timeZone);
    if (day === this.decider.day && !this.rolling) return;
    this.rolling ??= this.startDay(day).finally(() => (this.rolling = null));
    await this.rolling;
  }

  private async startDay(day: string): Promise<void> {
    if (day === this.decider.day) return;
    await this.opts.store.saveSnapshot(this.shown).catch((e: unknown) => log.warn('final snapshot failed', { error: e }));
    const { state, damage } = await this.opts.store.openDay(day);
    this.decider = state;
    this.shown = cloneState(state);
    this.journalDamage = damage;
    this.sinceSnapshot = 0;
    log.info('new day started', { day });
    for (const l of this.dayListeners) l(day);
  }

  async stop(): Promise<void> {
    if (this.rolling) await this.rolling;
    if (!this.failure) await this.opts.store.saveSnapshot(this.shown).catch((e: unknown) => log.warn('snapshot failed', { error: e }));
    await this.opts.store.close();
  }
}
