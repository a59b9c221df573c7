import { describe, expect, it } from 'vitest';
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
