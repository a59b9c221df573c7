import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as C from '../../protocol/commands.ts';
import type { ClientToServerEvents } from '../../protocol/events.ts';
import type { Result } from '../../protocol/result.ts';
import { snapshotOf } from '../../server/core/queue-state.ts';
import { repoDir } from '../../server/create-server.ts';
import { command, type ClientSocket, type RawSocket, TestServer } from '../support/test-server.ts';
import {
  asSent,
  badFieldValue,
  hasBinary,
  FuzzRandom,
  fuzzSeed,
  junkObject,
  junkValue,
  ownProperties,
  PROTOTYPE_KEYS,
  type FieldKind,
} from './generators.ts';
import { BoardVoiceReportPayload } from '../../protocol/voice/board-report.ts';

// Random malformed commands from sockets of every role against the real server. The payload
// schemas are the oracle: a generated payload they accept is skipped, every other one must be
// refused with a translated error, and the queue must not move.

const seed = fuzzSeed(process.env.MOTCUA_FUZZ_SEED, 0x5eed_0008);
const ROUNDS = 3000;

type Event = keyof ClientToServerEvents;
interface EventSpec {
  schema: v.GenericSchema | null;
  fields: Record<string, FieldKind>;
  template: () => Record<string, unknown>;
}

let server: TestServer;
let roles: Record<'public' | 'kiosk' | 'clerk' | 'admin' | 'rating', ClientSocket>;
let ticketId: string;
let ref: string;

const counter = (extra: Record<string, FieldKind> = {}) => ({ counterId: 'counterId' as FieldKind, ...extra });
const specs: Record<Event, EventSpec> = {
  'display:subscribe': {
    schema: C.DisplaySubscribePayload,
    fields: { services: 'idList', counters: 'counterList' },
    template: () => ({ services: ['civil-status'], counters: [1] }),
  },
  'display:voice': {
    schema: BoardVoiceReportPayload,
    fields: { board: 'id', page: 'text', announced: 'level' },
    template: () => ({
      board: 'board-0001',
      page: '/display/',
      sound: 'on',
      voice: 'vi',
      announced: 0,
      lastAnnouncedAt: null,
      problems: [],
    }),
  },
  'kiosk:subscribe': { schema: null, fields: {}, template: () => ({}) },
  'admin:subscribe': { schema: null, fields: {}, template: () => ({}) },
  'ticket:issue': {
    schema: C.IssueTicketPayload,
    fields: { serviceId: 'id', procedureCode: 'procedureCode', priorityGroup: 'id' },
    template: () => ({ serviceId: 'civil-status' }),
  },
  'ticket:follow': { schema: C.FollowPayload, fields: { ref: 'ref' }, template: () => ({ ref }) },
  'ticket:cancel': {
    schema: C.CancelPayload,
    fields: { ticketId: 'ticketId', reason: 'text' },
    template: () => ({ ticketId, reason: 'đổi ý' }),
  },
  'ticket:rate': {
    schema: C.RatePayload,
    fields: { ticketId: 'ticketId', level: 'level', reason: 'text' },
    template: () => ({ ticketId, level: 5 }),
  },
  'counter:join': {
    schema: C.CounterJoinPayload,
    fields: counter({ consoleId: 'consoleId' }),
    template: () => ({ counterId: 1, consoleId: 'fuzz-console-1' }),
  },
  'counter:take-over': {
    schema: C.CounterJoinPayload,
    fields: counter({ consoleId: 'consoleId' }),
    template: () => ({ counterId: 1, consoleId: 'fuzz-console-1' }),
  },
  'counter:next': {
    schema: C.FinishPayload,
    fields: counter({ dossierCode: 'dossierCode' }),
    template: () => ({ counterId: 1, dossierCode: '000.00.20.H38-250712-0001' }),
  },
  'counter:undo': { schema: C.CounterPayload, fields: counter(), template: () => ({ counterId: 1 }) },
  'counter:recall': { schema: C.CounterPayload, fields: counter(), template: () => ({ counterId: 1 }) },
  'counter:start': { schema: C.CounterPayload, fields: counter(), template: () => ({ counterId: 1 }) },
  'counter:finish': {
    schema: C.FinishPayload,
    fields: counter({ dossierCode: 'dossierCode' }),
    template: () => ({ counterId: 1, dossierCode: '000.00.20.H38-250712-0001' }),
  },
  'counter:no-show': { schema: C.CounterPayload, fields: counter(), template: () => ({ counterId: 1 }) },
  'counter:transfer': {
    schema: C.TransferPayload,
    fields: counter({ toServiceId: 'id', toCounterId: 'counterId' }),
    template: () => ({ counterId: 1, toCounterId: 2 }),
  },
  'counter:park': { schema: C.CounterPayload, fields: counter(), template: () => ({ counterId: 1 }) },
  'counter:resume-ticket': {
    schema: C.CounterTicketPayload,
    fields: counter({ ticketId: 'ticketId' }),
    template: () => ({ counterId: 1, ticketId }),
  },
  'counter:call-ticket': {
    schema: C.CounterTicketPayload,
    fields: counter({ ticketId: 'ticketId' }),
    template: () => ({ counterId: 1, ticketId }),
  },
  'counter:pause': { schema: C.PausePayload, fields: counter({ reason: 'text' }), template: () => ({ counterId: 1, reason: 'nghỉ trưa' }) },
  'counter:resume': { schema: C.CounterPayload, fields: counter(), template: () => ({ counterId: 1 }) },
  'counter:open': { schema: C.CounterPayload, fields: counter(), template: () => ({ counterId: 1 }) },
  'counter:close': { schema: C.CounterPayload, fields: counter(), template: () => ({ counterId: 1 }) },
  'rating:subscribe': { schema: C.CounterPayload, fields: counter(), template: () => ({ counterId: 1 }) },
};

/** A payload the event's schema refuses, built one of several ways from its valid template. */
function malformedPayload(r: FuzzRandom, spec: EventSpec): unknown {
  const fields = Object.keys(spec.fields);
  const template = spec.template();
  switch (fields.length === 0 ? 0 : r.int(0, 4)) {
    case 0:
      return junkValue(r);
    case 1:
      return junkObject(r);
    case 2: {
      const field = r.pick(fields);
      return { ...template, [field]: badFieldValue(r, spec.fields[field]!) };
    }
    case 3: {
      const entries = Object.entries(template);
      entries.splice(r.int(0, entries.length - 1), 1);
      return Object.fromEntries(entries);
    }
    default: {
      const key = r.chance(0.6) ? r.pick(PROTOTYPE_KEYS) : r.text(r.int(1, 10));
      return ownProperties([...Object.entries(template), [key, junkValue(r)]]);
    }
  }
}

/** Whether the role may legitimately run this payload-less event (its refusal is not expected). */
function allowedWithoutPayload(event: Event, role: keyof typeof roles): boolean {
  if (event === 'admin:subscribe') return role === 'admin';
  if (event === 'kiosk:subscribe') return role === 'kiosk' || role === 'clerk' || role === 'admin';
  return false;
}

const errorKeys = loadErrorKeys();
function loadErrorKeys(): (code: string) => boolean {
  const dir = join(repoDir, 'locales/vi');
  const read = (ns: string): Record<string, unknown> =>
    JSON.parse(readFileSync(join(dir, `${ns}.json`), 'utf8')) as Record<string, unknown>;
  return (code) => {
    const [ns, key] = code.includes(':') ? (code.split(':', 2) as [string, string]) : ['errors', code];
    try {
      let node: unknown = read(ns);
      for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
      return typeof node === 'string';
    } catch {
      return false;
    }
  };
}

/** The checks every refusal must pass; returns a description of what is wrong, or null. */
function badRefusal(result: unknown, isKnownCode: (code: string) => boolean): string | null {
  const r = result as Result<unknown> | undefined;
  if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') return `not a Result: ${JSON.stringify(result)?.slice(0, 200)}`;
  if (r.ok) return 'accepted';
  const { code, message } = r.error;
  if (typeof code !== 'string' || !isKnownCode(code)) return `unknown error code ${JSON.stringify(code)}`;
  if (typeof message !== 'string' || message.trim() === '' || message === code)
    return `untranslated message for ${code}: ${JSON.stringify(message)}`;
  return null;
}

/** Sends what a broken or hostile client could: the contract's types do not apply to it. */
function emitLoose(s: RawSocket, event: string, args: unknown[], withAck: boolean): Promise<unknown> {
  if (!withAck) {
    s.emit(event, ...args);
    return Promise.resolve(undefined);
  }
  return s.timeout(15_000).emitWithAck(event, ...args);
}

beforeAll(async () => {
  // Malformed commands at full speed are a flood too: out of the budgets' way (flood-limits.test.ts),
  // so the public socket's payloads reach the validation this test is about.
  const wide = { burst: 10_000, perSecond: 10_000 };
  server = await TestServer.start({ flags: ['--always-open'], limits: { requests: { perAddress: wide, perConnection: wide } } });
  const kiosk = await server.socket(await server.deviceToken('kiosk'));
  const clerk = await server.socket(await server.clerkToken('fuzzclerk'));
  const admin = await server.socket(await server.adminToken());
  const rating = await server.socket(await server.deviceToken('rating', 1));
  roles = { public: await server.socket(), kiosk, clerk, admin, rating };
  const issued = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
  if (!issued.ok) throw new Error(`issue refused: ${issued.error.code}`);
  await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
  ticketId = issued.value.ticket.id;
  ref = issued.value.ref;
  const joined = await command(clerk, 'counter:join', { counterId: 1 });
  if (!joined.ok) throw new Error(`join refused: ${joined.error.code}`);
});

afterAll(async () => {
  await server?.close();
});

describe(`Socket.IO fuzz (seed ${seed}; rerun with MOTCUA_FUZZ_SEED=${seed})`, () => {
  it(`refuses ${ROUNDS} malformed commands from every role, stays up and leaves the queue alone`, async () => {
    const r = new FuzzRandom(seed);
    const before = snapshotOf(server.server.ctx.engine.state);
    const events = Object.keys(specs) as Event[];
    const roleNames = Object.keys(roles) as (keyof typeof roles)[];
    const counts = { refused: 0, noAck: 0, skippedValid: 0, tolerated: 0, oversize: 0 };
    const failures: string[] = [];

    for (let round = 0; round < ROUNDS; round += 25) {
      const batch: Promise<void>[] = [];
      for (let i = round; i < Math.min(ROUNDS, round + 25); i++) {
        const event = r.pick(events);
        const role = r.pick(roleNames);
        const spec = specs[event];
        const payload = malformedPayload(r, spec);
        const mode = r.int(0, 9);
        const extras = mode === 8 ? Array.from({ length: r.int(1, 3) }, () => junkValue(r)) : [];
        const withAck = mode !== 9;
        const args = spec.schema === null && mode < 3 ? [...extras] : [payload, ...extras];
        if (!withAck) counts.noAck++;
        const mustRefuse =
          spec.schema === null
            ? !allowedWithoutPayload(event, role)
            : !v.is(spec.schema, args.length > 1 || args[0] !== undefined ? (asSent(args[0], hasBinary(args)) ?? null) : undefined);
        if (spec.schema !== null && !mustRefuse) {
          counts.skippedValid++;
          continue;
        }
        // Socket.IO itself drops a connection whose message exceeds 64 KiB; that case is tested once below.
        if (Buffer.byteLength(JSON.stringify(args) ?? '') > 60_000) {
          counts.oversize++;
          continue;
        }
        const label = `#${i} ${role} ${event} ${JSON.stringify(args)?.slice(0, 160)}`;
        batch.push(
          emitLoose(roles[role], event, args, withAck).then(
            (result) => {
              if (!withAck) return;
              if (!mustRefuse) {
                counts.tolerated++;
                if (typeof (result as Result<unknown>)?.ok !== 'boolean') failures.push(`${label}: not a Result`);
                return;
              }
              counts.refused++;
              const problem = badRefusal(result, errorKeys);
              if (problem) failures.push(`${label}: ${problem}`);
            },
            (e: unknown) => {
              failures.push(`${label}: no answer (${String(e)})`);
            },
          ),
        );
      }
      await Promise.all(batch);
      expect(failures.slice(0, 10), `seed ${seed}`).toEqual([]);
      expect(snapshotOf(server.server.ctx.engine.state), `queue changed by batch at #${round}, seed ${seed}`).toEqual(before);
    }
    console.info(`socket fuzz seed ${seed}:`, counts);
    expect(counts.refused).toBeGreaterThan(ROUNDS / 2);

    // Every socket is still connected, the server answers HTTP, and a valid command still works.
    for (const [name, s] of Object.entries(roles)) expect(s.connected, `${name} socket still connected`).toBe(true);
    const oversized = await server.socket();
    await new Promise<void>((resolve) => {
      oversized.once('disconnect', () => resolve());
      oversized.emit('ticket:follow', { ref: 'x'.repeat(70_000) }, () => undefined);
    });
    const health = await server.request('GET', '/api/health');
    expect(health.status).toBe(200);
    const next = await command(roles.clerk, 'counter:next', { counterId: 1 });
    expect(next.ok).toBe(true);
    expect(server.server.ctx.engine.state.tickets.get(ticketId)?.status).toBe('called');
  });

  it('refuses raw packets with own __proto__ keys, binary placeholders included (socket.io-client cannot send these)', async () => {
    const clerk = await server.socket(await server.clerkToken('fuzzclerk2'));
    expect((await command(clerk, 'counter:join', { counterId: 2 })).ok).toBe(true);
    await command(clerk, 'counter:open', { counterId: 2 });
    const status = () => server.server.ctx.engine.state.counters.get(2)?.status;
    expect(status()).toBe('open');
    const engine = clerk.io.engine;
    engine.write('51-["counter:close",{"counterId":2,"__proto__":{"_placeholder":true,"num":0}}]');
    engine.write(Buffer.from([1, 2, 3]));
    engine.write('2["counter:close",{"counterId":2,"__proto__":{}}]');
    engine.write('2["counter:close",{"counterId":2,"constructor":{"prototype":{}}}]');
    // A valid pause after them, in the same ordered stream: had a close slipped through, the
    // pause would be refused and the counter would end closed instead of paused.
    engine.write('2["counter:pause",{"counterId":2,"reason":"kiểm tra"}]');
    const deadline = Date.now() + 10_000;
    while (status() === 'open' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(status()).toBe('paused');
    expect(clerk.connected).toBe(true);
  });
});
