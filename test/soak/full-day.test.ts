import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { steadyClock } from '../../server/clock.ts';
import { repoDir } from '../../server/create-server.ts';
import { seededRandom } from '../support/server-process.ts';
import { at, monday } from '../support/site-fixture.ts';
import { command, TestServer, type ClientSocket } from '../support/test-server.ts';

// A whole Monday at a big centre in about a minute: 3,000 tickets through real sockets to 30
// counters. The clock is the test's: each arrival moves it on, so a slow machine runs the same
// day, only slower. Heap is sampled after a forced GC (the soak config runs node --expose-gc).

const totalTickets = 3000;
const counterCount = 30;
const kioskCount = 6;
const seed = Number(process.env.MOTCUA_FAULT_SEED ?? 8_2026);

interface SiteJson {
  services: Array<{ id: string; dailyQuota?: number; cutoff?: string }>;
  counters: unknown[];
}

/** The sample centre with 30 counters, each on two services, and no daily quotas or cut-offs. */
async function bigSite(dir: string): Promise<string[]> {
  const site = JSON.parse(await readFile(join(repoDir, 'data/site.json'), 'utf8')) as SiteJson;
  for (const s of site.services) {
    delete s.dailyQuota;
    delete s.cutoff;
  }
  const ids = site.services.map((s) => s.id);
  site.counters = Array.from({ length: counterCount }, (_, i) => ({
    id: i + 1,
    name: { vi: `Quầy ${i + 1}`, en: `Counter ${i + 1}` },
    services: [{ serviceId: ids[i % ids.length] }, { serviceId: ids[(i + 1) % ids.length] }],
  }));
  await writeFile(join(dir, 'site.json'), JSON.stringify(site));
  return ids;
}

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('soak: a full day', () => {
  it(`issues and calls ${totalTickets} tickets at ${counterCount} counters with no errors and flat memory`, async () => {
    const random = seededRandom(seed);
    const dir = await mkdtemp(join(tmpdir(), 'motcua-soak-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const services = await bigSite(dir);
    // Arrivals 07:30–11:30 and 13:00–16:25: numbers stop 30 minutes before closing by default.
    const morning = at(monday, '07:30');
    const afternoon = at(monday, '13:00');
    const openMs = (240 + 205) * 60_000;
    let dayMs = 0;
    const clock = () => (dayMs < 240 * 60_000 ? morning + dayMs : afternoon + dayMs - 240 * 60_000);
    // A simulated day: its elapsed time is the simulated one (the lunch break included), never a jump.
    const server = await TestServer.start({ dataDir: dir, clock: steadyClock(clock) });
    cleanups.push(() => server.close());

    const kiosks: ClientSocket[] = [];
    for (let i = 0; i < kioskCount; i++) kiosks.push(await server.socket(await server.deviceToken('kiosk')));
    const consoles: ClientSocket[] = [];
    for (let id = 1; id <= counterCount; id++) {
      const s = await server.socket(await server.clerkToken(`clerk${id}`, [id]));
      const joined = await command(s, 'counter:join', { counterId: id });
      if (!joined.ok) throw new Error(`join ${id}: ${joined.error.code}`);
      consoles.push(s);
    }
    const display = await server.socket(await server.deviceToken('display'));
    let displayUpdates = 0;
    display.on('display:snapshot', () => displayUpdates++);
    await command(display, 'display:subscribe', {});

    const errors: string[] = [];
    // Only what the checks need: holding whole acks would weigh on the heap being measured.
    const issued: Array<{ id: string; label: string }> = [];
    const heap: Array<{ tickets: number; mb: number }> = [{ tickets: 0, mb: heapMb() }];
    let calls = 0;
    let finishedByNext = 0;
    const started = Date.now();
    const call = async (counter: number) => {
      const s = consoles[counter - 1]!;
      const r = await command(s, 'counter:next', { counterId: counter });
      if (!r.ok) errors.push(`next ${counter}: ${r.error.code}`);
      else if (r.value.current) {
        calls++;
        // Half are served (start then done on the next call), some do not come (no-show).
        if (random() < 0.05) {
          const ns = await command(s, 'counter:no-show', { counterId: counter });
          if (!ns.ok) errors.push(`no-show ${counter}: ${ns.error.code}`);
        } else if (random() < 0.5) {
          const st = await command(s, 'counter:start', { counterId: counter });
          if (!st.ok) errors.push(`start ${counter}: ${st.error.code}`);
          else finishedByNext++;
        }
      }
    };

    for (let n = 1; n <= totalTickets; n++) {
      dayMs = Math.floor(((n - 1) / totalTickets) * openMs);
      const serviceId = services[Math.floor(random() * services.length)]!;
      const r = await command(kiosks[n % kioskCount]!, 'ticket:issue', { serviceId });
      if (r.ok) issued.push({ id: r.value.ticket.id, label: r.value.ticket.label });
      else errors.push(`issue ${n}: ${r.error.code}`);
      // Counters keep up with arrivals, with a short queue building in the morning peak.
      if (n > 20) await call(1 + (n % counterCount));
      if (n === 1000 || n === 2000 || n === totalTickets) heap.push({ tickets: n, mb: heapMb() });
    }
    // Closing time: call whoever is still waiting.
    dayMs = openMs + 15 * 60_000;
    for (let idle = 0; server.server.ctx.engine.state.waiting.size > 0 && idle < 10_000; idle++) await call(1 + (idle % counterCount));
    const seconds = (Date.now() - started) / 1000;

    expect(errors).toEqual([]);
    expect(issued).toHaveLength(totalTickets);
    // Every number accounted for: each service's numbers run on from its start with no gap or repeat.
    const state = server.server.ctx.engine.state;
    expect(state.tickets.size).toBe(totalTickets);
    for (const id of services) {
      const numbers = [...state.tickets.values()]
        .filter((t) => t.issuedServiceId === id)
        .map((t) => t.number)
        .sort((a, b) => a - b);
      const first = numbers[0]!;
      expect(numbers, `numbers of ${id}`).toEqual(numbers.map((_, i) => first + i));
    }
    for (const t of issued) expect(state.tickets.get(t.id)?.label).toBe(t.label);
    expect(state.waiting.size).toBe(0);
    expect(displayUpdates).toBeGreaterThan(0);

    const rss = process.memoryUsage().rss / 1024 / 1024;
    const at1000 = heap.find((h) => h.tickets === 1000)!.mb;
    const atEnd = heap.at(-1)!.mb;
    console.info(
      [
        `soak full day: ${totalTickets} tickets, ${calls} calls (${finishedByNext} served, rest called/no-show), ${counterCount} counters, ${seconds.toFixed(1)} s`,
        `  ${(totalTickets / seconds).toFixed(0)} tickets/s with a call each; ${displayUpdates} display snapshots`,
        `  heap growth ${(((atEnd - at1000) * 1024) / (totalTickets - 1000)).toFixed(2)} KB per ticket from 1,000 to ${totalTickets}`,
        `  heap after GC${(globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc: rough)'}: ${heap.map((h) => `${h.tickets}: ${h.mb.toFixed(1)} MB`).join(', ')}; rss ${rss.toFixed(0)} MB`,
      ].join('\n'),
    );
    // Flat: past the first 1,000 the heap grows only by the day's own tickets (kept in the
    // decided and the visible state, about 2 KB each). Garbage kept per event, broadcast or
    // socket would cost far more than 4 KB per ticket.
    expect(((atEnd - at1000) * 1024) / (totalTickets - 1000)).toBeLessThan(4);
  });
});
