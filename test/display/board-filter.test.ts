import { describe, expect, it } from 'vitest';
import { filterSnapshot, showsCall } from '../../display/board-filter.ts';
import { boardSnapshot, call } from './board-fixtures.ts';

describe('board filter', () => {
  const snapshot = boardSnapshot({
    calls: [call('t3', 'L001', 4, 'land'), call('t2', '1002', 8, 'civil-status'), call('t1', '1001', 1, 'civil-status')],
  });

  it('shows everything without a filter', () => {
    expect(filterSnapshot({ services: null, counters: null }, snapshot)).toEqual(snapshot);
  });

  it('shows a hall: only its services at its counters', () => {
    const hall = filterSnapshot({ services: ['civil-status', 'land'], counters: [1, 4] }, snapshot);
    expect(hall.calls.map((c) => c.ticketId)).toEqual(['t3', 't1']);
    expect(hall.counters.map((c) => c.id)).toEqual([1, 4]);
    expect(hall.services.map((s) => s.id)).toEqual(['civil-status', 'land']);
  });

  it('takes the counters serving the named services when no counters are named', () => {
    const land = filterSnapshot({ services: ['land'], counters: null }, snapshot);
    expect(land.counters.map((c) => c.id)).toEqual([4]);
    expect(land.calls.map((c) => c.ticketId)).toEqual(['t3']);
  });

  it('takes the services of the named counters when no services are named', () => {
    const counterEight = filterSnapshot({ services: null, counters: [8] }, snapshot);
    expect(counterEight.services.map((s) => s.id)).toEqual(['civil-status', 'general']);
  });

  it('decides a single call the same way', () => {
    expect(showsCall({ services: ['land'], counters: [4] }, { serviceId: 'land', counterId: 4 })).toBe(true);
    expect(showsCall({ services: ['land'], counters: [4] }, { serviceId: 'land', counterId: 5 })).toBe(false);
    expect(showsCall({ services: ['civil-status'], counters: null }, { serviceId: 'land', counterId: 4 })).toBe(false);
  });
});
