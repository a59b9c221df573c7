import { describe, expect, it } from 'vitest';
import { HashingGate, hashingBusy } from '../../server/auth/hashing-gate.ts';

/** A hash that finishes when the test says so. */
function heldHash(): { hash: () => Promise<void>; finish: () => void; started: boolean } {
  const held = { started: false, finish: () => {}, hash: async () => {} };
  held.hash = () => {
    held.started = true;
    return new Promise<void>((resolve) => {
      held.finish = resolve;
    });
  };
  return held;
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('the bound on concurrent password hashing, read at every arrival and finish', () => {
  it('lets more in at once when the limit is raised, and none past a lowered one', async () => {
    const limits = { concurrent: 1, queued: 8 };
    const gate = new HashingGate(() => limits);
    const hashes = Array.from({ length: 4 }, heldHash);
    const runs = hashes.slice(0, 3).map((h) => gate.run(h.hash));
    await settled();
    expect(gate.load).toEqual({ running: 1, waiting: 2 });

    // Raised: the next arrival lets those waiting in, in order, up to the new bound.
    limits.concurrent = 3;
    const fourth = gate.run(hashes[3]!.hash);
    await settled();
    expect(gate.load).toEqual({ running: 3, waiting: 1 });
    expect(hashes.map((h) => h.started)).toEqual([true, true, true, false]);

    // Lowered: finishing ones let nobody in until fewer than the bound run.
    limits.concurrent = 1;
    hashes[0]!.finish();
    await settled();
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    hashes[1]!.finish();
    await settled();
    expect(gate.load).toEqual({ running: 1, waiting: 1 });
    hashes[2]!.finish();
    await settled();
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
    expect(hashes[3]!.started).toBe(true);
    hashes[3]!.finish();
    await Promise.all([...runs, fourth]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses anonymous sign-ins past the queue as it is now', async () => {
    const limits = { concurrent: 1, queued: 1 };
    const gate = new HashingGate(() => limits);
    const a = heldHash();
    const b = heldHash();
    const running = gate.tryRun(a.hash);
    const waiting = gate.tryRun(b.hash);
    await settled();
    expect(await gate.tryRun(async () => 'checked')).toBe(hashingBusy);
    limits.queued = 2;
    const admitted = gate.tryRun(async () => 'checked');
    a.finish();
    await settled();
    b.finish();
    expect(await admitted).toBe('checked');
    await Promise.all([running, waiting]);
  });
});
