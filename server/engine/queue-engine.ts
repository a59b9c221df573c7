import type { ClockJump, DayNotice, IssuingState, JournalRecoveryReport } from '../../protocol/health.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import type { Clock } from '../clock.ts';
import { applyEvent } from '../core/apply-event.ts';
import { CounterMemory, type CounterRecall } from '../core/counter-memory.ts';
import type { Refusal } from '../core/decision.ts';
import { localDay } from '../core/local-time.ts';
import type { Actor, QueueEvent } from '../core/model.ts';
import { decide, stampEvents, type QueueCommand } from '../core/queue.ts';
import { cloneState, emptyDayState, type QueueState } from '../core/queue-state.ts';
import { logger } from '../log.ts';
import type { OpenedDay, QueueStore } from '../store/queue-store.ts';
import { DayClock } from './day-clock.ts';
import { dayToOpen } from './day-to-open.ts';
import { floorFromDecided, StoreOutage } from './store-outage.ts';

const log = logger('engine');

export type ExecuteOutcome = { ok: true; events: QueueEvent[] } | { ok: false; refusal: Refusal };

export interface EngineOptions {
  config: () => SiteConfig;
  store: QueueStore;
  clock: Clock;
  newId: () => string;
  /** Save a snapshot of the day after this many events. Defaults to 1000. */
  snapshotEvery?: number;
  /** How often the clock is checked for midnight and jumps between commands. Defaults to 5 s. */
  checkEveryMs?: number;
  /** Waits between attempts to reopen a journal that could not be written. Defaults to 0.5, 1, 2, 4, then every 5 s. */
  retryDelaysMs?: readonly number[];
}

/**
 * The single authority over the day's queue. Durable before visible: a command is decided on
 * the `decider` state at once (so the next command sees it and numbers never repeat), its
 * events are written to the journal, and only then applied to the `shown` state that views,
 * acknowledgements and broadcasts are made from. When a write fails, no number is issued until
 * the engine has reopened the day from the file by itself (see {@link StoreOutage}).
 */
export class QueueEngine {
  /** A day being opened (a new day, or the same one after a failed write); commands wait for it. */
  private busy: Promise<void> | null = null;
  private readonly writes = new Set<Promise<unknown>>();
  /** The snapshot being written, if any: a new day or a stop waits for it. */
  private snapshotting: Promise<void> = Promise.resolve();
  private sinceSnapshot = 0;
  private recoveries: JournalRecoveryReport[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly outage: StoreOutage;
  private readonly dayClock: DayClock;
  private decider: QueueState;
  private shown: QueueState;
  /** The counters' last calls and undoable actions, as decided on `decider`. */
  private readonly memory = new CounterMemory();
  private readonly listeners = new Set<(events: QueueEvent[]) => void>();
  private readonly dayListeners = new Set<(day: string) => void>();
  private readonly healthListeners = new Set<() => void>();

  private constructor(
    private readonly opts: EngineOptions,
    day: string,
    /** Set when the server continued a day other than the clock's. */
    readonly dayNotice: DayNotice | null,
  ) {
    this.decider = emptyDayState(day);
    this.shown = emptyDayState(day);
    this.dayClock = new DayClock(opts.clock, () => opts.config().centre.timeZone, day);
    this.outage = new StoreOutage(
      opts.clock,
      opts.retryDelaysMs,
      () => this.reopen(),
      () => this.healthChanged(),
    );
  }

  /**
   * Opens the clock's day, or continues the newest day that has a journal when opening the
   * clock's day could hand out its numbers again (issue 12): the clock is behind that day, or
   * that day stayed open across a clock correction and already holds tickets stamped on the
   * clock's day. The server never opens a day earlier than one it has written.
   */
  static async start(opts: EngineOptions): Promise<QueueEngine> {
    const notice = await dayToOpen(opts.store, opts.clock.now(), opts.config().centre.timeZone);
    const day = notice?.openDay ?? localDay(opts.clock.now(), opts.config().centre.timeZone);
    if (notice) log.warn("continuing the newest journal's day instead of the clock's; numbering goes on", { ...notice });
    const engine = new QueueEngine(opts, day, notice);
    await engine.openDay(day, true);
    engine.dayClock.open(day);
    engine.timer = setInterval(() => void engine.checkClock(), opts.checkEveryMs ?? 5000);
    engine.timer.unref();
    log.info('day opened', { day, tickets: engine.shown.tickets.size, events: engine.shown.seq, issuing: engine.issuing.ok });
    return engine;
  }

  /** The queue as every screen may see it: only what is on disk. */
  get state(): QueueState {
    return this.shown;
  }

  /** What each counter did in the last seconds (its last call, its last undoable action). */
  get recent(): CounterRecall {
    return this.memory;
  }

  /** Whether numbers can be handed out now, and why not. */
  get issuing(): IssuingState {
    return this.outage.issuing;
  }

  /** Steps of the wall clock noticed since the server started, newest first. */
  get clockJumps(): readonly ClockJump[] {
    return this.dayClock.jumps;
  }

  /** Repairs of the open day's journal, newest first. */
  get journalRecovery(): readonly JournalRecoveryReport[] {
    return this.recoveries;
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

  /** Called when issuing stops or resumes, the clock jumps, or the state was rebuilt from the journal: screens need fresh views. */
  onHealth(listener: () => void): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  async execute(command: QueueCommand, by: Actor): Promise<ExecuteOutcome> {
    let now = this.checkClock();
    while (this.busy) {
      await this.busy;
      now = this.checkClock();
    }
    // From here to the journal write nothing waits, so no day change or reopening comes between,
    // and the events carry the very time the day was checked at.
    if (!this.outage.issuing.ok)
      return { ok: false, refusal: { code: 'store_unavailable', params: { problem: this.outage.issuing.problem } } };
    const monotonic = this.opts.clock.monotonic();
    const recent = { monotonic, memory: this.memory };
    const decision = decide({ config: this.opts.config(), state: this.decider, now, newId: this.opts.newId, recent }, command);
    if (!decision.ok) return decision;
    if (decision.events.length === 0) return { ok: true, events: [] };
    const events = stampEvents(this.decider, decision.events, now, by);
    this.memory.apply(this.decider, events, decision.act ?? null, monotonic);
    const write = this.opts.store.append(events);
    this.writes.add(write);
    try {
      await write;
    } catch (e) {
      this.outage.failed(e);
      return { ok: false, refusal: { code: 'store_unavailable', params: { problem: this.outage.problemOf(e) } } };
    } finally {
      this.writes.delete(write);
    }
    for (const e of events) applyEvent(this.shown, e);
    this.afterDurable(events);
    return { ok: true, events };
  }

  private afterDurable(events: QueueEvent[]): void {
    this.sinceSnapshot += events.length;
    if (this.sinceSnapshot >= (this.opts.snapshotEvery ?? 1000)) {
      this.sinceSnapshot = 0;
      void this.snapshot('snapshot failed');
    }
    for (const l of this.listeners) safely(() => l(events), 'change listener');
  }

  /** Starts the new local day once its midnight has passed in real time; safe to call often. */
  async checkDay(): Promise<void> {
    this.checkClock();
    while (this.busy) await this.busy;
  }

  /** Notices clock steps and a passed midnight, starting the new day in the background; returns the wall time read. */
  private checkClock(): number {
    const { now, jump, newDay } = this.dayClock.check();
    if (jump) {
      log.warn('the wall clock jumped; the open day and its numbering go on', {
        stepMs: jump.stepMs,
        direction: jump.stepMs > 0 ? 'forward' : 'backward',
        now: new Date(jump.at).toISOString(),
        day: jump.day,
      });
      this.healthChanged();
    }
    if (newDay && !this.busy) this.busy = this.startDay(newDay).finally(() => (this.busy = null));
    return now;
  }

  private async startDay(day: string): Promise<void> {
    await Promise.allSettled(this.writes);
    if (this.outage.issuing.ok) await this.snapshot('final snapshot failed');
    await this.openDay(day, false);
    this.dayClock.open(day);
    log.info('new day started', { day });
    for (const l of this.dayListeners) safely(() => l(day), 'day listener');
  }

  /**
   * Opens the day from its files; when they cannot be written the state is read only and the
   * outage retries. At start a fault that is not the disk's (a bug) stops the server.
   */
  private async openDay(day: string, atStart: boolean): Promise<void> {
    let opened: OpenedDay;
    try {
      opened = await this.opts.store.openDay(day);
    } catch (e) {
      if (atStart && !this.outage.isStoreFault(e)) throw e;
      this.adopt(await this.opts.store.loadDay(day).catch(() => ({ state: emptyDayState(day), recovery: null, earlierRecoveries: [] })));
      this.outage.failed(e);
      return;
    }
    this.adopt(opened);
    this.outage.recovered();
  }

  /** After a failed write: the day again from the file (the truth), with what was decided meanwhile as a floor only. */
  private async reopen(): Promise<boolean> {
    if (this.busy) return false;
    let done = false;
    this.busy = (async () => {
      await Promise.allSettled(this.writes);
      const decided = this.decider;
      const opened = await this.opts.store.openDay(decided.day, { checkWritable: true });
      if (opened.state.day === decided.day) floorFromDecided(opened.state, decided);
      this.adopt(opened);
      this.outage.recovered();
      done = true;
      log.info('the journal can be written again; numbers are issued again', { day: decided.day, events: opened.state.seq });
    })()
      .catch((e: unknown) => this.outage.failed(e))
      .finally(() => (this.busy = null));
    await this.busy;
    return done;
  }

  private adopt(opened: OpenedDay): void {
    this.memory.clear();
    this.decider = opened.state;
    this.shown = cloneState(opened.state);
    this.sinceSnapshot = 0;
    this.recoveries = [...(opened.recovery ? [opened.recovery] : []), ...opened.earlierRecoveries].filter(
      (r, i, all) => all.findIndex((x) => x.at === r.at) === i,
    );
  }

  /** Saves a snapshot of the visible state after any snapshot under way; a failure only costs start-up time. */
  private snapshot(failure: string): Promise<void> {
    const state = this.shown;
    this.snapshotting = this.snapshotting.then(() =>
      this.opts.store.saveSnapshot(state).catch((e: unknown) => log.warn(failure, { error: e })),
    );
    return this.snapshotting;
  }

  private healthChanged(): void {
    for (const l of this.healthListeners) safely(l, 'health listener');
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.outage.stop();
    while (this.busy) await this.busy;
    await Promise.allSettled(this.writes);
    if (this.outage.issuing.ok) await this.snapshot('snapshot failed');
    else await this.snapshotting;
    await this.opts.store.close().catch((e: unknown) => log.warn('journal not closed cleanly', { error: e }));
  }
}

/** Runs a listener; one that throws is logged and does not stop the others or the engine. */
function safely(run: () => void, what: string): void {
  try {
    run();
  } catch (e) {
    log.error(`${what} failed`, { error: e });
  }
}
