import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Tarpit } from '../../../server/http/tarpit.ts';

/** Holds `n` answers for `key` and records when (in ms from now) each one went out. */
function holdMany(tarpit: Tarpit, key: string, n: number): { sent: number[]; responses: EventEmitter[] } {
  const sent: number[] = [];
  const start = Date.now();
  const responses = Array.from({ length: n }, () => new EventEmitter());
  for (const res of responses) tarpit.hold(res, () => sent.push(Date.now() - start), key);
  return { sent, responses };
}

describe('the tarpit', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds an address’s refusals longer the more of them are already waiting, up to its maximum', () => {
    const tarpit = new Tarpit(1000, 1000, 10, 5000);
    const flood = holdMany(tarpit, '10.0.0.1', 70);
    const phone = holdMany(tarpit, '10.0.0.2', 1);
    vi.advanceTimersByTime(10_000);
    // The first ten a second each, the next ten two seconds, …, capped at five.
    expect(flood.sent.slice(0, 10)).toEqual(Array(10).fill(1000));
    expect(flood.sent.slice(10, 20)).toEqual(Array(10).fill(2000));
    expect(flood.sent.slice(40, 70)).toEqual(Array(30).fill(5000));
    // Another address is not slowed by the flood.
    expect(phone.sent).toEqual([1000]);
    // Once they have gone, the address starts again at a second.
    expect(holdMany(tarpit, '10.0.0.1', 1).sent).toEqual([]);
    vi.advanceTimersByTime(1000);
  });

  it('answers at once past its bound, and never a client that has gone', () => {
    const tarpit = new Tarpit(1000, 3);
    const held = holdMany(tarpit, 'a', 3);
    const past = holdMany(tarpit, 'b', 1);
    expect(past.sent).toEqual([0]);
    held.responses[0]!.emit('close');
    vi.advanceTimersByTime(1000);
    expect(held.sent).toEqual([1000, 1000]);
    // The closed one freed its place and its address's count.
    const again = holdMany(tarpit, 'a', 1);
    vi.advanceTimersByTime(1000);
    expect(again.sent).toEqual([1000]);
  });
});
