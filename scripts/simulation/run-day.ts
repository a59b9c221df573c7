import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPEAT_WINDOW_MS, SEQ_REUSE_MARGIN_MS, VirtualButtonBox } from '../../hardware/call-button/index.ts';
import { createVirtualPrinter } from '../../hardware/printer/index.ts';
import type { Catalogue } from '../../protocol/catalogue.ts';
import type { RatingRequest } from '../../protocol/views.ts';
import { resolveSettings } from '../../server/config.ts';
import { epochOfLocal } from '../../server/core/local-time.ts';
import { steadyClock } from '../../server/clock.ts';
import { createServer } from '../../server/create-server.ts';
import { RATING_WINDOW_MS } from '../../server/gateway/rating-handlers.ts';
import { TicketPrinting } from '../../server/printing/ticket-printing.ts';
import { DataDirLock } from '../../server/store/data-dir-lock.ts';
import { openPtyPair } from '../../test/support/pty-pair.ts';
import { acceleratedClock } from './accelerated-clock.ts';
import { planArrivals, staffedProcedureChoices } from './arrival-model.ts';
import { DEFAULT_HABITS, drawRating, drawShortBreak } from './clerk-behaviour.ts';
import { CounterAgent } from './counter-agent.ts';
import { buildDayReport, type DayReport } from './day-report.ts';
import { emptyTally, type DayTally } from './day-tally.ts';
import { runKioskCrowd } from './kiosk-crowd.ts';
import { SeededRandom } from './seeded-random.ts';
import { meanServiceMinutes } from './service-time-model.ts';
import { send, SimHttp } from './sim-http.ts';
import { prepareSiteConfig } from './site-setup.ts';
import { logger } from '../../server/log.ts';

export interface SimulationOptions {
  /** Local day YYYY-MM-DD (a working day of the centre). */
  date: string;
  tickets: number;
  counters: number;
  speed: number;
  seed: number;
  /** Defaults to a new temporary dir, removed afterwards unless `keep`. */
  dataDir?: string;
  keep?: boolean;
  /** Progress lines for the CLI. */
  onProgress?: (line: string) => void;
}

export interface SimulationResult {
  report: DayReport;
  dataDir: string;
}

const DISPLAYS = 2;
/** A hundred presses (a button's whole seq range) last longer than the repeat window and its margin. */
const BUTTON_PRESS_GAP_MS = Math.ceil((REPEAT_WINDOW_MS + SEQ_REUSE_MARGIN_MS) / 100) + 10;
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Runs one simulated day through a real motcua server, its devices and its staff. */
export async function runDaySimulation(options: SimulationOptions): Promise<SimulationResult> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'motcua-sim-')));
  await prepareSiteConfig(dataDir, options.counters);
  const at = (minute: number) => epochOfLocal(options.date, minute, TIME_ZONE);
  const clock = acceleratedClock(at(7 * 60), options.speed);
  const random = new SeededRandom(options.seed);
  const pty = await openPtyPair(undefined, 'buttons');
  const settings = resolveSettings(['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], {});
  const activeIds = Array.from({ length: options.counters }, (_, i) => i + 1);
  // Every other counter has a call button box on the serial line; the rest use the console.
  const buttonCounters = activeIds.filter((id) => id % 2 === 0);
  const lock = await DataDirLock.acquire(dataDir, 0, Date.now());
  const server = await createServer({
    settings,
    lock,
    // The simulated day never jumps: its elapsed time (rate limits, expiries, midnight) is the simulated one.
    clock: steadyClock(clock.now),
    printing: await TicketPrinting.inDataDir(
      dataDir,
      null,
      () => {
        const virtual = createVirtualPrinter({ log: logger('printer'), now: clock.now, keep: 5 });
        return { driver: virtual, virtual };
      },
      clock.now,
    ),
    buttons: buttonCounters.length ? [{ path: pty.devicePath, counters: buttonCounters }] : [],
  });
  const port = await server.listen();
  const http = new SimHttp(`http://127.0.0.1:${port}`);
  let box: VirtualButtonBox | null = null;
  const tally = emptyTally(DISPLAYS);
  try {
    const setupToken = server.ctx.setup.token;
    if (!setupToken) throw new Error('the data dir already has an administrator: use a new one');
    const password = 'simulator-password-1';
    const { token: admin } = await http.must<{ token: string }>('POST', '/api/auth/setup', {
      token: setupToken,
      username: 'admin',
      name: 'Quản trị viên',
      password,
    });
    const config = server.ctx.site.get();
    const counters = config.counters.filter((c) => activeIds.includes(c.id));
    if (counters.length < options.counters) throw new Error(`the site has only ${counters.length} counters`);
    const served = new Set(counters.flatMap((c) => c.services.map((s) => s.serviceId)));
    const catalogue = await http.must<Catalogue>('GET', '/api/catalogue');
    const staffing = counters.map((c) => ({ serviceIds: c.services.map((s) => s.serviceId) }));
    const procedures = staffedProcedureChoices(catalogue.procedures, staffing, meanServiceMinutes);
    const arrivals = planArrivals(random, {
      tickets: options.tickets,
      procedures,
      priorityGroups: config.centre.priorityGroups.map((g) => g.id),
    });

    const kiosks = [];
    for (let i = 0; i < Math.max(3, Math.ceil(options.tickets / 250)); i++) {
      const s = await http.socket(await http.pairDevice(admin, 'kiosk', `Kiosk ${i + 1}`));
      await send(s, 'kiosk:subscribe');
      kiosks.push(s);
    }
    for (let i = 0; i < DISPLAYS; i++) {
      const s = await http.socket(await http.pairDevice(admin, 'display', `Màn hình ${i + 1}`));
      s.on('ticket:called', () => tally.displayCalls[i]!++);
      const r = await send(s, 'display:subscribe', {});
      if (!r.ok) throw new Error(`display refused: ${r.error.code}`);
    }
    const ratings: Array<Promise<unknown>> = [];
    if (buttonCounters.length) {
      // The line protocol runs on real time on both ends (500 ms resends, the server's 10 s repeat
      // window), whatever the centre's clock does. Clerks on an accelerated day would press far
      // faster than hands can, and a button's seq (0–99) must not come round within the window:
      // the box spaces each button's presses so that 100 of them span more than a window.
      box = await VirtualButtonBox.open({
        log: logger('call-button'),
        path: pty.peerPath,
        counters: buttonCounters,
        giveUpMs: 30_000,
        pressGapMs: BUTTON_PRESS_GAP_MS,
      });
    }
    const transferTargets = config.services.filter((s) => served.has(s.id)).map((s) => ({ id: s.id, code: s.code }));
    let crowdDone = false;
    const dayOver = async () =>
      crowdDone && (await http.must<{ total: { open: number } }>('GET', '/api/stats/today', undefined, admin)).total.open === 0;
    const agents = [];
    for (const c of counters) {
      await http.request(
        'POST',
        '/api/users',
        { username: `canbo${c.id}`, name: `Cán bộ quầy ${c.id}`, password, role: 'clerk', counters: [c.id] },
        admin,
      );
      const { token } = await http.must<{ token: string }>('POST', '/api/auth/login', { username: `canbo${c.id}`, password });
      const tablet = await http.socket(await http.pairDevice(admin, 'rating', `Đánh giá quầy ${c.id}`, c.id));
      const tabletRandom = new SeededRandom(options.seed * 101 + c.id);
      tablet.on('rating:requested', (req: RatingRequest) => {
        if (!tabletRandom.chance(DEFAULT_HABITS.ratingShare)) return;
        const level = drawRating(tabletRandom, req.scale);
        ratings.push(
          send(tablet, 'ticket:rate', { ticketId: req.ticketId, level }).then((r) => {
            if (r.ok) {
              tally.rated++;
              tally.ratingSum += level;
            } else if (r.error.code === 'rating_not_open' && clock.now() - req.at > RATING_WINDOW_MS) tally.ratingsTooLate++;
            else tally.unexpected.push(`rating ${req.label}: ${r.error.code}`);
          }),
        );
      });
      await send(tablet, 'rating:subscribe', { counterId: c.id });
      agents.push(
        new CounterAgent({
          counterId: c.id,
          serviceIds: c.services.map((s) => s.serviceId),
          transferTargets,
          console: await http.socket(token),
          buttons: buttonCounters.includes(c.id) ? box : null,
          clock,
          random: new SeededRandom(options.seed * 31 + c.id),
          habits: DEFAULT_HABITS,
          maxRecalls: config.centre.maxRecalls,
          tally,
          at,
          shortBreak: drawShortBreak(random),
          dayOver,
          closeAt: 17 * 60 + 30,
        }),
      );
    }
    options.onProgress?.(
      `${arrivals.length} arrivals planned, ${counters.length} counters (${buttonCounters.length} with call buttons), ${kiosks.length} kiosks, ${DISPLAYS} displays`,
    );
    const progress = setInterval(
      () =>
        options.onProgress?.(
          `${new Date(clock.now()).toLocaleTimeString('vi-VN', { timeZone: TIME_ZONE })}  issued ${tally.issued}  served ${tally.served}  no-show ${tally.noShow}`,
        ),
      2000,
    );
    clock.start();
    try {
      const crowd = runKioskCrowd(kiosks, arrivals, clock, at, tally).finally(() => (crowdDone = true));
      await Promise.all([crowd, ...agents.map((a) => a.run())]);
      await Promise.all(ratings);
    } finally {
      clearInterval(progress);
    }
    await settleDisplays(tally);
    return { report: await buildDayReport(http, admin, tally), dataDir };
  } finally {
    http.closeSockets();
    await box?.close();
    await server.close();
    await lock.release();
    await pty.close();
    if (!options.keep && !options.dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

/** Broadcasts may trail the acks by a moment: waits (up to 5 s) for the displays to catch up. */
async function settleDisplays(tally: DayTally): Promise<void> {
  const expected = tally.called + tally.recalled;
  const deadline = Date.now() + 5000;
  while (tally.displayCalls.some((n) => n < expected) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}
