import { appendFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../../server/core/model.ts';
import { encodeEvent } from '../../../server/store/journal-line.ts';
import { FileQueueStore } from '../../../server/store/queue-store.ts';
import { StoreError } from '../../../server/store/store-error.ts';
import { at, monday } from '../../support/site-fixture.ts';
import { SteppedClock } from '../../support/stepped-clock.ts';
import { waitFor } from '../../support/wait-for.ts';
import { issue, startEngine, tempDataDir, waitingLabels } from './engine-support.ts';

/**
 * A file store whose appends fail while `failing` is set, the way a full disk fails them: part of
 * the batch may land (`landed`: none, a torn half line, or all of it with the sync failing).
 */
class FailingStore extends FileQueueStore {
  failing: 'no' | 'nothing lands' | 'torn line' | 'all lands' = 'no';

  constructor(private readonly dir: string) {
    super(dir, new SteppedClock(0));
  }

  override async append(events: readonly QueueEvent[]): Promise<void> {
    if (this.failing === 'no') return super.append(events);
    const path = join(this.dir, 'journal', `${monday}.jsonl`);
    const lines = events.map((e) => encodeEvent(e).line).join('');
    if (this.failing === 'torn line') await appendFile(path, lines.slice(0, lines.length / 2));
    if (this.failing === 'all lands') await appendFile(path, lines);
    throw new StoreError('disk_full', path, Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
  }

  override openDay(day: string, options?: { checkWritable?: boolean }) {
    if (this.failing !== 'no' && options?.checkWritable) return Promise.reject(new StoreError('disk_full', this.dir, new Error('ENOSPC')));
    return super.openDay(day, options);
  }
}

describe('a journal write that fails (issue 12)', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setUp() {
    const dir = await tempDataDir();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const clock = new SteppedClock(at(monday, '10:00'));
    const store = new FailingStore(dir);
    const engine = await startEngine(dir, clock, store);
    cleanups.push(() => engine.stop());
    let healthChanges = 0;
    engine.onHealth(() => healthChanges++);
    return { dir, clock, store, engine, healthChanges: () => healthChanges };
  }

  it.each(['nothing lands', 'torn line'] as const)(
    'stops issuing, recovers by itself once writing works, and never reuses the failed number (%s)',
    async (how) => {
      const { dir, clock, store, engine, healthChanges } = await setUp();
      expect([await issue(engine), await issue(engine)]).toEqual(['1001', '1002']);
      store.failing = how;
      expect(await issue(engine)).toBe('store_unavailable');
      expect(engine.issuing).toMatchObject({ ok: false, problem: 'disk_full' });
      expect(healthChanges()).toBe(1);
      // Refused at once while the disk is full, without touching the journal.
      expect(await issue(engine)).toBe('store_unavailable');
      await new Promise((r) => setTimeout(r, 100));
      expect(engine.issuing.ok).toBe(false);

      store.failing = 'no';
      await waitFor(() => engine.issuing.ok, 'the engine to reopen the journal by itself');
      expect(healthChanges()).toBe(2);
      // 1003 was decided on the failed write: it is skipped, never handed out.
      expect(await issue(engine)).toBe('1004');
      expect(waitingLabels(engine)).toEqual(['1001', '1002', '1004']);
      if (how === 'torn line') expect(engine.journalRecovery[0]?.setAside).toMatchObject([{ reason: 'torn_line' }]);

      await engine.stop();
      const again = await startEngine(dir, clock);
      cleanups.push(() => again.stop());
      expect(waitingLabels(again)).toEqual(['1001', '1002', '1004']);
      expect(await issue(again)).toBe('1005');
    },
  );

  it('keeps what landed: the file is the truth even when the write was reported failed', async () => {
    const { store, engine } = await setUp();
    await issue(engine);
    store.failing = 'all lands';
    expect(await issue(engine)).toBe('store_unavailable');
    store.failing = 'no';
    await waitFor(() => engine.issuing.ok, 'the engine to reopen the journal by itself');
    expect(waitingLabels(engine)).toEqual(['1001', '1002']);
    expect(await issue(engine)).toBe('1003');
  });
});
