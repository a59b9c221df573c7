import { CallButtonDriver, type ButtonAnswer, type ButtonPress, type CallButtonHealth } from '../../hardware/call-button/index.ts';
import type { Result } from '../../protocol/result.ts';
import type { ButtonLineConfig, SiteConfig } from '../../protocol/site-config.ts';
import type { ButtonLineHealth, CounterSnapshot } from '../../protocol/views.ts';
import type { CounterCommand } from '../core/counter-commands.ts';
import type { Actor } from '../core/model.ts';
import type { QueueState } from '../core/queue-state.ts';
import { logger } from '../log.ts';
import { commandOfKey, refusalDisplayText } from './press-command.ts';
import { waitingCounts, waitingText } from './waiting-counts.ts';

const log = logger('call-buttons');

/**
 * What the call buttons need of the server: the queue to read and act on, and word of its
 * changes. `createServer` builds it from the engine; nothing else of the application reaches here.
 */
export interface ButtonQueue {
  /** The site config in force (key mapping, which counter calls which services). */
  config(): SiteConfig;
  /** The open day's queue (waiting counts). */
  state(): QueueState;
  /** The clerk holding the counter, whom a press there acts for; null when nobody does. */
  clerkAt(counterId: number): string | null;
  /** Runs a counter's command as `actor`, as the counter console does, and answers with the counter's view. */
  runCounterCommand(actor: Actor, counterId: number, command: CounterCommand): Promise<Result<CounterSnapshot>>;
  /** Called after every change of the queue; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** Called when a new day starts (every count back to zero); returns the unsubscribe function. */
  onDayStarted(listener: () => void): () => void;
  /** The centre's clock, for the times in the lines' health. */
  clock: () => number;
}

interface Line {
  config: ButtonLineConfig;
  driver: CallButtonDriver;
  /** The waiting count each counter's display last received, so `$D` goes out only on a change. */
  shown: Map<number, number>;
  /** Line state and online counters as of the last health report, to spot a device coming back. */
  seen: { open: boolean; online: Set<number> };
}

/**
 * The counters' call buttons wired to the queue: one driver per configured serial line, each key
 * press run as the counter's command (as the clerk signed in there, else as the button itself),
 * and the waiting count pushed to every button display whenever it changes.
 */
export class CallButtons {
  readonly #configs: readonly ButtonLineConfig[];
  #lines: Line[] = [];
  readonly #listeners = new Set<() => void>();
  readonly #stops: Array<() => void> = [];

  /** Nothing is opened until {@link start}. */
  constructor(lines: readonly ButtonLineConfig[]) {
    this.#configs = lines;
  }

  /** Opens every line (each retries by itself until its device is there) and starts the displays. */
  start(queue: ButtonQueue): void {
    if (this.#lines.length > 0) return;
    for (const config of this.#configs) {
      const driver = new CallButtonDriver({
        log: logger('call-button'),
        path: config.path,
        ...(config.baudRate !== undefined && { baudRate: config.baudRate }),
        counters: config.counters,
        // Health times are the centre's; the protocol's timers (repeat window, silence) keep the
        // driver's real monotonic clock, since a simulation or demo may accelerate the centre's clock.
        now: queue.clock,
        onPress: (press) => this.#press(queue, press),
      });
      const line: Line = { config, driver, shown: new Map(), seen: { open: false, online: new Set() } };
      this.#stops.push(driver.onHealth((health) => this.#healthChanged(queue, line, health)));
      this.#lines.push(line);
      driver.start();
    }
    if (this.#lines.length === 0) return;
    this.#stops.push(queue.onChange(() => this.#showWaiting(queue)));
    this.#stops.push(queue.onDayStarted(() => this.#showWaiting(queue)));
    log.info('call-button lines started', { lines: this.#configs.map((c) => ({ path: c.path, counters: c.counters })) });
  }

  /** Closes every line. */
  async stop(): Promise<void> {
    for (const stop of this.#stops.splice(0)) stop();
    await Promise.all(this.#lines.map((l) => l.driver.stop()));
    this.#lines = [];
  }

  /** Every line's health; lines not started yet show as closed. */
  health(): ButtonLineHealth[] {
    if (this.#lines.length > 0) return this.#lines.map((l) => l.driver.health());
    return this.#configs.map((c) => ({
      path: c.path,
      line: 'closed',
      reconnectAttempts: 0,
      framesGood: 0,
      framesBad: 0,
      linesTooLong: 0,
      counters: c.counters.map((counter) => ({ counter, online: false, lastSeenAt: null, lastHeartbeatAt: null })),
    }));
  }

  /** Called after any line's health changes (frames, heartbeats, unplug); returns the unsubscribe function. */
  onHealth(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #press(queue: ButtonQueue, press: ButtonPress): Promise<ButtonAnswer> {
    const mapped = commandOfKey(press.action, queue.config());
    if (!mapped.ok) return { status: 'ERR', text: mapped.text };
    const result = await queue.runCounterCommand(buttonActor(queue, press.counter), press.counter, mapped.command);
    if (!result.ok) {
      log.info('button press refused', { counter: press.counter, key: press.action.key, code: result.error.code });
      return { status: 'ERR', text: refusalDisplayText(result.error.code) };
    }
    const current = result.value.current;
    if (press.action.key === 'NEXT') return current ? { status: 'OK', text: current.label } : { status: 'EMPTY' };
    if (press.action.key === 'RECALL' && current) return { status: 'OK', text: current.label };
    return { status: 'OK' };
  }

  #showWaiting(queue: ButtonQueue): void {
    const config = queue.config();
    const state = queue.state();
    for (const line of this.#lines) {
      for (const [counter, count] of waitingCounts(config, state, line.config.counters)) {
        if (line.shown.get(counter) === count) continue;
        // A closed line takes nothing: the count is sent again once the line is back.
        if (line.driver.showText(counter, waitingText(count))) line.shown.set(counter, count);
      }
    }
  }

  #healthChanged(queue: ButtonQueue, line: Line, health: CallButtonHealth): void {
    const open = health.line === 'open';
    const online = new Set(health.counters.filter((c) => c.online).map((c) => c.counter));
    // A device that was away (line replugged, button rebooted) has lost its display: resend.
    const back = [...online].filter((c) => !line.seen.online.has(c));
    if (open && !line.seen.open) line.shown.clear();
    for (const c of back) line.shown.delete(c);
    const resend = (open && !line.seen.open) || back.length > 0;
    line.seen = { open, online };
    if (resend) this.#showWaiting(queue);
    for (const listener of this.#listeners) listener();
  }
}

/**
 * The clerk holding the counter acts through the button, so every event it records carries
 * the real user (issue 14); without one, the button itself.
 */
function buttonActor(queue: ButtonQueue, counterId: number): Actor {
  const clerkId = queue.clerkAt(counterId);
  return clerkId ? { kind: 'user', id: clerkId } : { kind: 'device', id: `call-button-${counterId}` };
}
