import type { VirtualButtonBox } from '../../hardware/call-button/index.ts';
import type { CounterCommandEvent } from '../../protocol/events.ts';
import type { Result } from '../../protocol/result.ts';
import type { CounterSnapshot } from '../../protocol/views.ts';
import type { AcceleratedClock } from './accelerated-clock.ts';
import { drawCallFate, type ClerkHabits } from './clerk-behaviour.ts';
import type { DayTally } from './day-tally.ts';
import type { SeededRandom } from './seeded-random.ts';
import { drawServiceMinutes } from './service-time-model.ts';
import { send, type SimSocket } from './sim-http.ts';

const MINUTE = 60_000;

/** The clerk's actions that a call button can also do. */
type ButtonAction = 'next' | 'recall' | 'no-show' | 'finish' | 'transfer' | 'pause' | 'resume';
const BUTTON_KEY: Record<ButtonAction, string> = {
  next: 'NEXT',
  recall: 'RECALL',
  'no-show': 'NOSHOW',
  finish: 'FINISH',
  transfer: 'TRANSFER',
  pause: 'PAUSE',
  resume: 'RESUME',
};

export interface CounterAgentOptions {
  counterId: number;
  serviceIds: readonly string[];
  /** Services (with their codes) another counter of the day serves, as transfer targets. */
  transferTargets: ReadonlyArray<{ id: string; code: string }>;
  console: SimSocket;
  /** When set, the clerk uses the call button for everything it can do. */
  buttons: VirtualButtonBox | null;
  clock: AcceleratedClock;
  random: SeededRandom;
  habits: ClerkHabits;
  maxRecalls: number;
  tally: DayTally;
  /** Local epoch of a day's minute. */
  at(minute: number): number;
  shortBreak: { at: number; minutes: number } | null;
  /** True once no more citizens will come and nobody waits: the clerk may go home. */
  dayOver(): Promise<boolean>;
  /** Hard end of the day (local minute). */
  closeAt: number;
}

/** How the button and the console say a ticket has been recalled as often as allowed. */
const RECALL_LIMIT = ['MAX-RCL', 'recall_limit_reached'];

/** How long a clerk at a call button with an empty queue goes without trying NEXT anyway. */
const BUTTON_IDLE_LOOK_MINUTES = 5;

/** The waiting count a button display shows as `CHO <n>`; 0 for any other text. */
function waitingOnDisplay(text: string): number {
  const match = /^CHO (\d+)$/.exec(text.trim());
  return match ? Number(match[1]) : 0;
}

/** Whether a command was done (`true`), found nothing to do (`'empty'`), or was refused. */
type Outcome = true | 'empty' | false;

/** One clerk at one counter for a whole day: calls, recalls, serves, transfers, takes breaks. */
export class CounterAgent {
  #lunched = false;
  #breakTaken = false;

  constructor(private readonly o: CounterAgentOptions) {}

  async run(): Promise<void> {
    const o = this.o;
    await o.clock.until(o.at(7 * 60 + 30));
    await this.#plain('counter:join');
    await this.#plain('counter:open');
    while (o.clock.now() < o.at(o.closeAt)) {
      await this.#maybeBreak();
      const called = await this.#act('next');
      if (called === 'empty' || called === false) {
        if (await o.dayOver()) break;
        await this.#idle();
        continue;
      }
      o.tally.called++;
      await this.#serveCurrent();
    }
    await this.#plain('counter:close');
  }

  async #serveCurrent(): Promise<void> {
    const o = this.o;
    const fate = drawCallFate(o.random, o.habits, o.maxRecalls);
    for (let i = 0; i < fate.recalls; i++) {
      await o.clock.sleep(MINUTE);
      // A ticket recalled at an earlier counter may reach the limit here: the clerk is told so and stops.
      const recalled = await this.#act('recall', undefined, RECALL_LIMIT);
      if (recalled !== true) break;
      o.tally.recalled++;
    }
    await o.clock.sleep(o.random.int(20, 60) * 1000);
    if (fate.kind === 'absent') {
      if ((await this.#act('no-show')) === true) o.tally.noShow++;
      return;
    }
    const started = await this.#plain('counter:start');
    const serviceId = started?.current?.serviceId ?? o.serviceIds[0]!;
    await o.clock.sleep(drawServiceMinutes(o.random, serviceId) * MINUTE);
    const targets = o.transferTargets.filter((t) => t.id !== serviceId);
    if (targets.length > 0 && o.random.chance(o.habits.transferShare)) {
      const target = o.random.pick(targets);
      if ((await this.#act('transfer', target)) === true) {
        o.tally.transferred++;
        return;
      }
    }
    if ((await this.#act('finish')) === true) o.tally.served++;
  }

  /**
   * Nobody to call. At the console the clerk looks again a minute later. At a call button the
   * clerk watches its display ("CHO n", the waiting count) and presses when someone waits, or
   * tries anyway after a few minutes: a button's presses are few (its protocol allows 100 per
   * 10 s of real time, a handful of simulated minutes on a fast clock), so none go to polling.
   */
  async #idle(): Promise<void> {
    const o = this.o;
    const box = o.buttons;
    if (!box) return o.clock.sleep(MINUTE);
    let stop = (): void => undefined;
    const someoneWaiting = new Promise<void>((resolve) => {
      stop = box.onFrame((frame) => {
        if (frame.type === 'D' && frame.counter === o.counterId && waitingOnDisplay(frame.text) > 0) resolve();
      });
    });
    try {
      await Promise.race([o.clock.sleep(BUTTON_IDLE_LOOK_MINUTES * MINUTE), someoneWaiting]);
    } finally {
      stop();
    }
  }

  async #maybeBreak(): Promise<void> {
    const o = this.o;
    const now = o.clock.now();
    if (!this.#lunched && now >= o.at(11 * 60 + 30)) {
      this.#lunched = true;
      if (now < o.at(13 * 60)) await this.#pause(o.at(13 * 60));
    }
    const b = o.shortBreak;
    if (b && !this.#breakTaken && now >= o.at(b.at)) {
      this.#breakTaken = true;
      await this.#pause(now + b.minutes * MINUTE);
    }
  }

  async #pause(until: number): Promise<void> {
    if ((await this.#act('pause')) !== true) return;
    this.o.tally.breaks++;
    await this.o.clock.until(until);
    await this.#act('resume');
  }

  /** Through the button when the counter has one, else through the console. */
  async #act(action: ButtonAction, target?: { id: string; code: string }, expected: readonly string[] = []): Promise<Outcome> {
    const o = this.o;
    if (o.buttons) {
      o.tally.buttonPresses++;
      const answer = await o.buttons.press(o.counterId, BUTTON_KEY[action], target?.code);
      if (answer.status === 'OK') return true;
      if (answer.status === 'EMPTY') return 'empty';
      if (expected.includes(answer.text ?? '')) return false;
      o.tally.unexpected.push(`counter ${o.counterId} button ${BUTTON_KEY[action]}: ${answer.text ?? 'ERR'}`);
      return false;
    }
    const counterId = o.counterId;
    const sent =
      action === 'transfer'
        ? send(o.console, 'counter:transfer', { counterId, toServiceId: target!.id })
        : action === 'pause'
          ? send(o.console, 'counter:pause', { counterId, reason: 'Nghỉ giải lao' })
          : send(o.console, `counter:${action}`, { counterId });
    const snapshot = await this.#console(`counter:${action}`, sent, expected);
    if (!snapshot) return false;
    return action === 'next' && snapshot.current === null ? 'empty' : true;
  }

  /** A console command that needs nothing but the counter. */
  #plain(event: 'counter:join' | 'counter:open' | 'counter:close' | 'counter:start'): Promise<CounterSnapshot | null> {
    return this.#console(event, send(this.o.console, event, { counterId: this.o.counterId }));
  }

  async #console(
    event: CounterCommandEvent,
    sent: Promise<Result<CounterSnapshot>>,
    expected: readonly string[] = [],
  ): Promise<CounterSnapshot | null> {
    const o = this.o;
    o.tally.consoleCommands++;
    const r = await sent;
    if (r.ok) return r.value;
    if (expected.includes(r.error.code)) return null;
    o.tally.unexpected.push(`counter ${o.counterId} ${event}: ${r.error.code}`);
    return null;
  }
}
