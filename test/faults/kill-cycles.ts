import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import type { IssuedTicket } from '../../protocol/views.ts';
import type { Result } from '../../protocol/result.ts';
import { applyEvent } from '../../server/core/apply-event.ts';
import type { Ticket } from '../../server/core/model.ts';
import { emptyDayState } from '../../server/core/queue-state.ts';
import { systemClock } from '../../server/clock.ts';
import { FileQueueStore } from '../../server/store/queue-store.ts';
import { freePort, postJson, seededRandom, siteAtLocalNoon, startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { waitFor } from '../support/wait-for.ts';
import { command, type ClientSocket } from '../support/test-server.ts';

// Counter 1 serves only civil-status and counter 4 land (its other service gets no tickets), so
// each counter calls strictly first-come-first-served: any break in the order shows.
const lanes = [
  { serviceId: 'civil-status', counterId: 1 },
  { serviceId: 'land', counterId: 4 },
] as const;

/** What the clients were told, across every run of the server. */
export interface Acknowledged {
  /** `service:label` → the issue time the kiosk was told. */
  issued: Map<string, number>;
  /** `service:label` of every ticket a counter was told it called. */
  called: Set<string>;
  duplicates: string[];
}

/** What one cycle did, for the report. */
export interface CycleFigures {
  issued: number;
  called: number;
  killAfter: number;
  ms: number;
}

/**
 * Starts the real server, runs `cycles` short bursts of issues and calls on one data dir and
 * kills it with SIGKILL at a seeded random point of each, restarting in between. Returns what the
 * clients were acknowledged and the state the last restart recovered (checked by the caller).
 */
export async function runKillCycles(cycles: number, seed: number) {
  const random = seededRandom(seed);
  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-kill-cycles-'));
  // Every ticket of the run on one local day, so the checks hold at any hour of the real clock.
  await siteAtLocalNoon(dataDir);
  const port = await freePort();
  const acked: Acknowledged = { issued: new Map(), called: new Set(), duplicates: [] };
  const figures: CycleFigures[] = [];
  let proc: ServerProcess | null = null;
  try {
    proc = await startServerProcess(dataDir, port);
    const setup = (await postJson(proc.base, '/api/auth/setup', {
      token: proc.setupToken,
      username: 'admin',
      name: 'Quản trị',
      password: 'admin-password-1',
    })) as Result<{ token: string }>;
    if (!setup.ok) throw new Error(`setup refused: ${setup.error.code}`);
    await postJson(
      proc.base,
      '/api/users',
      { username: 'clerk1', name: 'Cán bộ 1', password: 'clerk-password-1', role: 'clerk', counters: [] },
      setup.value.token,
    );

    for (let cycle = 0; cycle < cycles; cycle++) {
      if (cycle > 0) proc = await startServerProcess(dataDir, port);
      figures.push(await burstAndKill(proc, random, acked));
    }
    proc = await startServerProcess(dataDir, port);
    const recovered = await recoveredState(proc, dataDir);
    return { acked, figures, ...recovered };
  } finally {
    await proc?.killHard();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function burstAndKill(proc: ServerProcess, random: () => number, acked: Acknowledged): Promise<CycleFigures> {
  const started = Date.now();
  const admin = (await postJson(proc.base, '/api/auth/login', { username: 'admin', password: 'admin-password-1' })) as Result<{
    token: string;
  }>;
  const clerkLogin = (await postJson(proc.base, '/api/auth/login', { username: 'clerk1', password: 'clerk-password-1' })) as Result<{
    token: string;
  }>;
  if (!admin.ok || !clerkLogin.ok) throw new Error('sign-in refused after restart');
  const clerk: ClientSocket = connect(proc.base, {
    auth: { token: clerkLogin.value.token, lang: 'vi' },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    clerk.once('connect', () => resolve());
    clerk.once('connect_error', reject);
  });
  for (const lane of lanes) {
    const joined = await command(clerk, 'counter:join', { counterId: lane.counterId });
    if (!joined.ok) throw new Error(`join refused: ${joined.error.code}`);
  }

  const issues = 10 + Math.floor(random() * 20);
  const killAfter = 3 + Math.floor(random() * (issues + 5));
  let done = 0;
  let issuedNow = 0;
  let calledNow = 0;
  const note = (key: string, into: 'issued' | 'called', at = 0) => {
    if (into === 'issued') {
      if (acked.issued.has(key)) acked.duplicates.push(key);
      acked.issued.set(key, at);
      issuedNow++;
    } else {
      acked.called.add(key);
      calledNow++;
    }
    done++;
  };

  const issuing = Array.from({ length: issues }, async (_, i) => {
    await new Promise((r) => setTimeout(r, i * 4));
    const lane = lanes[Math.floor(random() * lanes.length)]!;
    const r = (await postJson(proc.base, '/api/tickets', { serviceId: lane.serviceId }, admin.value.token).catch(
      () => null,
    )) as Result<IssuedTicket> | null;
    if (r?.ok) note(`${r.value.ticket.serviceId}:${r.value.ticket.label}`, 'issued', r.value.ticket.issuedAt);
  });
  let alive = true;
  const calling = (async () => {
    for (let n = 0; alive && n < issues; n++) {
      const lane = lanes[n % lanes.length]!;
      const r = await command(clerk, 'counter:next', { counterId: lane.counterId }).catch(() => null);
      if (!r) return;
      if (r.ok && r.value.current) note(`${r.value.current.serviceId}:${r.value.current.label}`, 'called');
    }
  })();
  // On a very slow machine the burst may end before the kill point; that still tests recovery.
  let settled = false;
  const all = Promise.all([...issuing, calling]).then(() => (settled = true));
  await waitFor(() => done >= killAfter || settled, 'the kill point of the burst', 60_000);
  await proc.killHard();
  alive = false;
  await all;
  clerk.disconnect();
  return { issued: issuedNow, called: calledNow, killAfter, ms: Date.now() - started };
}

/**
 * The restarted server's view (its CSV export) next to the state its journal replays to: the
 * export says what staff see, the replay gives the queue positions the export rounds away.
 */
async function recoveredState(proc: ServerProcess, dataDir: string) {
  const login = (await postJson(proc.base, '/api/auth/login', { username: 'admin', password: 'admin-password-1' })) as Result<{
    token: string;
  }>;
  if (!login.ok) throw new Error('sign-in refused');
  const csv = await (
    await fetch(`${proc.base}/api/export/tickets.csv?lang=en`, { headers: { authorization: `Bearer ${login.value.token}` } })
  ).text();
  const code: Record<string, string> = { HT: 'civil-status', DD: 'land' };
  const exported = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => {
      const [label, service, , , , status] = line.split(',');
      return { key: `${code[service!]}:${label}`, status: status! };
    });
  const store = new FileQueueStore(dataDir, systemClock);
  const days = await store.listDays();
  const day = days.at(-1)!;
  const state = emptyDayState(day);
  for (const e of await store.readDay(day)) applyEvent(state, e);
  const tickets: Ticket[] = [...state.tickets.values()];
  return { exported, tickets, days };
}
