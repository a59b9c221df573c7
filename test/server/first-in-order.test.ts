import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../scripts/simulation/seeded-random.ts';
import { FirstInOrder } from '../../server/views/first-in-order.ts';

describe('FirstInOrder', () => {
  it('keeps exactly what a stable sort then slice would, for random streams with ties', () => {
    const random = new SeededRandom(4242);
    for (let round = 0; round < 200; round++) {
      const limit = random.int(0, 12);
      const stream = Array.from({ length: random.int(0, 60) }, (_, i) => ({ key: random.int(0, 9), i }));
      const picked = new FirstInOrder<{ key: number; i: number }>(limit, (a, b) => a.key - b.key);
      for (const item of stream) picked.offer(item);
      expect(picked.items()).toEqual([...stream].sort((a, b) => a.key - b.key).slice(0, limit));
    }
  });
});
