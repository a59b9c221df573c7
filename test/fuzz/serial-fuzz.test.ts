import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealFrame } from '../../hardware/call-button/checksum.ts';
import { LineSplitter } from '../../hardware/call-button/line-splitter.ts';
import { parseDeviceLine, VirtualButtonBox } from '../../hardware/call-button/index.ts';
import { snapshotOf } from '../../server/core/queue-state.ts';
import { repoDir } from '../../server/create-server.ts';
import { openPtyPair, type PtyPair } from '../support/pty-pair.ts';
import { command, TestServer } from '../support/test-server.ts';
import { FuzzRandom, fuzzSeed, nearValidLine, serialNoise } from './generators.ts';
import { waitFor } from '../support/wait-for.ts';
import { logger } from '../../server/log.ts';

// Hostile bytes on a call-button line: the pure splitter and parser take tens of thousands of
// them; then a shorter run goes over a real pty into a server whose queue must not move.

const seed = fuzzSeed(process.env.MOTCUA_FUZZ_SEED, 0x5eed_0008);

/** One piece of a hostile stream: noise, or a near-valid line with a line end (CR LF, LF, bare CR). */
function hostileChunk(r: FuzzRandom): Buffer {
  if (r.chance(0.3)) return serialNoise(r);
  return Buffer.from(nearValidLine(r) + r.pick(['\r\n', '\n', '\r\n', '\r', '']), 'latin1');
}

/** Feeds bytes through a splitter in random chunk sizes and parses every line, as the driver does. */
function outcomesOf(r: FuzzRandom, splitter: LineSplitter, bytes: Buffer) {
  const outcomes = [];
  for (let at = 0; at < bytes.length; ) {
    const size = r.int(1, 64);
    for (const event of splitter.push(bytes.subarray(at, at + size)))
      outcomes.push(event.kind === 'overlong' ? event : parseDeviceLine(event.text));
    at += size;
  }
  return outcomes;
}

describe(`call-button line fuzz (seed ${seed}; rerun with MOTCUA_FUZZ_SEED=${seed})`, () => {
  it('splits and parses 30,000 hostile chunks without throwing, acting on none, and recovers for every valid frame', () => {
    const r = new FuzzRandom(seed);
    const splitter = new LineSplitter();
    const counts = { chunks: 0, malformed: 0, refused: 0, overlong: 0, heartbeats: 0, validPresses: 0 };
    for (let i = 0; i < 30_000; i++) {
      counts.chunks++;
      for (const o of outcomesOf(r, splitter, hostileChunk(r))) {
        if (o.kind === 'overlong') counts.overlong++;
        else if (o.kind === 'malformed') counts.malformed++;
        else if (o.kind === 'refused') counts.refused++;
        else if (o.frame.type === 'H') counts.heartbeats++;
        else expect.fail(`chunk #${i} (seed ${seed}) produced a key press: ${JSON.stringify(o.frame)}`);
      }
      if (i % 50 === 49) {
        // After any garbage, a line end and one valid frame still get through intact.
        const seq = r.int(0, 99);
        const valid = Buffer.from(`\n${sealFrame(`K,01,${String(seq).padStart(2, '0')},NEXT`)}\r\n`, 'latin1');
        const got = outcomesOf(r, splitter, valid).filter((o) => o.kind === 'frame');
        expect(got, `valid frame after chunk #${i}, seed ${seed}`).toEqual([
          { kind: 'frame', frame: { type: 'K', counter: 1, seq, action: { key: 'NEXT' } } },
        ]);
        counts.validPresses++;
      }
    }
    console.info(`serial parser fuzz seed ${seed}:`, counts);
    expect(counts.malformed).toBeGreaterThan(1000);
    expect(counts.refused).toBeGreaterThan(100);
    expect(counts.overlong).toBeGreaterThan(100);
  });
});

describe(`call-button line fuzz over a real pty (seed ${seed})`, () => {
  let dir: string;
  let pair: PtyPair;
  let server: TestServer;
  let box: VirtualButtonBox;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-fuzz-buttons-'));
    pair = await openPtyPair(dir, 'buttons');
    const site = JSON.parse(await readFile(join(repoDir, 'data/site.json'), 'utf8')) as Record<string, unknown>;
    site.server = { buttons: [{ path: pair.devicePath, counters: [1, 2] }] };
    await writeFile(join(dir, 'site.json'), JSON.stringify(site));
    server = await TestServer.start({ dataDir: dir, flags: ['--always-open'] });
    await waitFor(() => health().line === 'open', 'the server to open its end of the pty');
    box = await VirtualButtonBox.open({ log: logger('call-button'), path: pair.peerPath, counters: [1, 2], heartbeatMs: false });
  });

  afterAll(async () => {
    await box?.close();
    await server?.close();
    await pair?.close();
    await rm(dir, { recursive: true, force: true });
  });

  function health() {
    const line = server.server.ctx.buttons.health()[0];
    if (!line) throw new Error('no button line');
    return line;
  }

  it('counts 1,500 hostile chunks as bad, leaves the queue alone, and a valid press still calls', async () => {
    const kiosk = await server.socket(await server.deviceToken('kiosk'));
    const issued = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
    if (!issued.ok) throw new Error(`issue refused: ${issued.error.code}`);
    const before = snapshotOf(server.server.ctx.engine.state);
    const start = health();

    const r = new FuzzRandom(seed ^ 0x9e3779b9);
    const chunks = Array.from({ length: 1500 }, () => hostileChunk(r));
    // The stream ends with a line end so that its last line is judged too.
    const stream = Buffer.concat([...chunks, Buffer.from('\n')]);
    const expected = outcomesOf(new FuzzRandom(1), new LineSplitter(), stream);
    const malformed = expected.filter((o) => o.kind === 'malformed').length;
    const overlong = expected.filter((o) => o.kind === 'overlong').length;
    expect(
      expected.some((o) => o.kind === 'frame' && o.frame.type === 'K'),
      'the hostile stream holds no key press',
    ).toBe(false);

    for (let at = 0; at < stream.length; at += 256) {
      box.sendBytes(stream.subarray(at, at + 256));
      if (at % 8192 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(
      () => health().framesBad - start.framesBad >= malformed && health().linesTooLong - start.linesTooLong >= overlong,
      `${malformed} bad frames and ${overlong} overlong lines counted`,
    );
    expect(health().framesBad - start.framesBad).toBe(malformed);
    expect(health().linesTooLong - start.linesTooLong).toBe(overlong);
    expect(health().line).toBe('open');
    expect(snapshotOf(server.server.ctx.engine.state)).toEqual(before);

    const answer = await box.press(1, 'NEXT');
    expect(answer).toMatchObject({ counter: 1, status: 'OK', text: issued.value.ticket.label });
    expect(server.server.ctx.engine.state.tickets.get(issued.value.ticket.id)?.status).toBe('called');
  });
});
