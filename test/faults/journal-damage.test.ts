import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { centre, type IssueOutcome } from '../support/process-centre.ts';
import { freePort, seededRandom, siteAtLocalNoon, startServerProcess } from '../support/server-process.ts';
import { command } from '../support/test-server.ts';

const seed = Number(process.env.MOTCUA_FAULT_SEED ?? 12_2026);

/**
 * Damage in the middle of a journal (issue 12): a flipped byte and a 512-byte block of zeros
 * from a power cut used to drop every event after them, and numbering restarted inside the day.
 */
describe('a journal damaged in the middle, on a real server process killed with -9', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it(`keeps every intact event after the damage, sets aside only the damaged lines, and numbers above everything (seed ${seed})`, async () => {
    const random = seededRandom(seed);
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-damage-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    await siteAtLocalNoon(dataDir);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let proc = await startServerProcess(dataDir, port);
    cleanups.push(() => proc.killHard());
    const admin = await centre.setUp(base, proc.setupToken);
    const acked: Array<IssueOutcome & { ok: true }> = [];
    for (let i = 0; i < 60; i++) {
      const r = await centre.issue(base, admin, random() < 0.5 ? 'civil-status' : 'land');
      if (r.ok) acked.push(r);
    }
    // Calls name tickets: one whose issue line is damaged later cannot apply, and must not stop the start.
    const clerk = centre.socket(base, admin);
    await command(clerk, 'counter:join', { counterId: 1 });
    for (let i = 0; i < 8; i++) await command(clerk, 'counter:next', { counterId: 1 });
    clerk.disconnect();
    await proc.killHard();

    const journalDir = join(dataDir, 'journal');
    const [name] = (await readdir(journalDir)).filter((n) => n.endsWith('.jsonl'));
    const path = join(journalDir, name!);
    const original = await readFile(path);
    const lines = original.toString('utf8').split('\n').slice(0, -1);
    const starts: number[] = [];
    for (let i = 0, at = 0; i < lines.length; at += Buffer.byteLength(lines[i]!) + 1, i++) starts.push(at);
    // A flipped bit inside a ticket id on one line, and 512 zeroed bytes from the middle of another.
    const damaged = Buffer.from(original);
    const flipLine = 5 + Math.floor(random() * 10);
    const flipAt = starts[flipLine]! + lines[flipLine]!.indexOf('"ticketId":"') + 13;
    damaged[flipAt] = damaged[flipAt]! ^ 0x01;
    const zeroFrom = starts[30]! + 20;
    damaged.fill(0, zeroFrom, zeroFrom + 512);
    await writeFile(path, damaged);
    const hit = new Set([flipLine]);
    for (let i = 0; i < lines.length; i++) if (starts[i]! < zeroFrom + 512 && starts[i]! + lines[i]!.length >= zeroFrom) hit.add(i);
    const lostLabels = new Set(
      [...hit]
        .map((i) => JSON.parse(lines[i]!) as { type: string; serviceId?: string; label?: string })
        .filter((e) => e.type === 'ticket.issued')
        .map((e) => `${e.serviceId}:${e.label}`),
    );

    proc = await startServerProcess(dataDir, port);
    const health = await centre.health(base);
    const report = health.journalRecovery[0]!;
    // Line numbers are the damaged file's: the zeroed newlines made one line of several.
    const segments = damaged.toString('latin1').split('\n');
    const expected = segments.flatMap((text, i) => (i === flipLine || text.includes('\u0000') ? [i + 1] : []));
    expect(report.setAside.filter((l) => l.reason !== 'unknown_ticket').map((l) => l.line)).toEqual(expected);
    expect(report.keptEvents).toBeGreaterThan(lines.length - hit.size - 10);
    expect(await readFile(join(dataDir, report.savedTo))).toEqual(damaged);

    // Every acknowledged ticket on an intact line is still followed; those on damaged lines are set aside.
    for (const t of acked) {
      const status = await centre.followStatus(base, t.ref);
      expect(status, `${t.serviceId}:${t.label}`).toBe(lostLabels.has(`${t.serviceId}:${t.label}`) ? 404 : 200);
    }
    expect(acked.length - lostLabels.size).toBeGreaterThan(45);
    // Numbering never goes below a number already handed out, even one on a damaged line.
    for (const serviceId of ['civil-status', 'land']) {
      const highest = Math.max(...acked.filter((t) => t.serviceId === serviceId).map((t) => Number(t.label)));
      const next = await centre.issue(base, await centre.signIn(base), serviceId);
      expect(next.ok && Number(next.label), serviceId).toBeGreaterThan(highest);
    }
  }, 120_000);
});
