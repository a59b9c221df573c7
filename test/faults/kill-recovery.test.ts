import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { SiteConfigSchema } from '../../protocol/site-config.ts';
import { siteAtLocalNoon } from '../support/server-process.ts';
import { expectIntactQueue } from './kill-recovery-checks.ts';
import { runKillCycles } from './kill-cycles.ts';

// Each cycle starts the real server, bursts, kills it: about a second each on two cores, so all
// twenty fit in `npm test`. Set MOTCUA_FAULT_SEED to replay a failing run.
const seed = Number(process.env.MOTCUA_FAULT_SEED ?? 8_2026);

describe('kill -9 during bursts of issues and calls', () => {
  it(`keeps every acknowledged ticket, every number once and the queue order over 20 kills (seed ${seed})`, async () => {
    const outcome = await runKillCycles(20, seed);
    expect(outcome.acked.issued.size).toBeGreaterThan(0);
    expect(outcome.acked.called.size).toBeGreaterThan(0);
    expectIntactQueue(outcome);
    const sum = (f: (c: (typeof outcome.figures)[number]) => number) => outcome.figures.reduce((a, c) => a + f(c), 0);
    console.info(
      `kill-recovery: ${outcome.figures.length} kills, ${sum((c) => c.issued)} issues and ${sum((c) => c.called)} calls acknowledged, ` +
        `${outcome.tickets.length} tickets recovered, ${Math.round(sum((c) => c.ms) / outcome.figures.length)} ms per cycle`,
    );
  }, 120_000);
});

describe('the kill runs are independent of the hour', () => {
  it('put the centre where it is between 12:00 and 13:00, at every hour of the real clock', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-noon-'));
    try {
      for (let hour = 0; hour < 24; hour++) {
        const now = Date.UTC(2026, 10, 23, hour, 59, 59);
        const zone = await siteAtLocalNoon(dir, now);
        const site = v.parse(SiteConfigSchema, JSON.parse(await readFile(join(dir, 'site.json'), 'utf8')));
        expect(site.centre.timeZone).toBe(zone);
        const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
          now,
        );
        expect(local, `at ${hour}:59 UTC`).toBe('12:59');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
