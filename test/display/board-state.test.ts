import { describe, expect, it } from 'vitest';
import { applyCall, applySnapshot, callKey, initialBoardState } from '../../display/board-state.ts';
import { boardSnapshot, call } from './board-fixtures.ts';

const first = call('t1', '1001', 1, 'civil-status', 10);
const second = call('t2', 'L001', 4, 'land', 20);

describe('board state', () => {
  it('takes the first snapshot as history: nothing is announced or highlighted', () => {
    const { state, announce } = applySnapshot(initialBoardState, boardSnapshot({ calls: [second, first] }));
    expect(announce).toEqual([]);
    expect(state.freshKey).toBeNull();
    expect(state.board?.calls).toEqual([second, first]);
  });

  it('features a live call at once, announces it and shows it at its counter', () => {
    const synced = applySnapshot(initialBoardState, boardSnapshot({ calls: [first] })).state;
    const { state, announce } = applyCall(synced, second);
    expect(announce).toEqual([second]);
    expect(state.board?.calls[0]).toEqual(second);
    expect(state.freshKey).toBe(callKey(second));
    expect(state.board?.counters.find((c) => c.id === 4)?.currentLabel).toBe('L001');
  });

  it('does not announce a call twice when its snapshot follows', () => {
    const synced = applySnapshot(initialBoardState, boardSnapshot({ calls: [first] })).state;
    const live = applyCall(synced, second).state;
    expect(applySnapshot(live, boardSnapshot({ calls: [second, first] })).announce).toEqual([]);
    expect(applyCall(live, second).announce).toEqual([]);
  });

  it('moves a recall back to the top, once, and announces it again', () => {
    const synced = applySnapshot(initialBoardState, boardSnapshot({ calls: [second, first] })).state;
    const recall = { ...first, at: first.at + 60_000, recall: true };
    const { state, announce } = applyCall(synced, recall);
    expect(announce).toEqual([recall]);
    expect(state.board?.calls.map((c) => c.ticketId)).toEqual(['t1', 't2']);
    expect(state.freshKey).toBe(callKey(recall));
  });

  it('keeps at most eight calls', () => {
    let state = applySnapshot(initialBoardState, boardSnapshot()).state;
    for (let i = 0; i < 12; i += 1) state = applyCall(state, call(`t${i}`, `${1000 + i}`, 1, 'civil-status', i)).state;
    expect(state.board?.calls.map((c) => c.label)).toEqual(['1011', '1010', '1009', '1008', '1007', '1006', '1005', '1004']);
  });

  it('announces recent calls missed while offline, oldest first, but not stale ones', () => {
    const synced = applySnapshot(initialBoardState, boardSnapshot({ calls: [first] })).state;
    const stale = call('t0', '0999', 1, 'civil-status', -120);
    const third = call('t3', '1003', 1, 'civil-status', 30);
    const { state, announce } = applySnapshot(synced, boardSnapshot({ serverTime: third.at + 5000, calls: [third, second, first, stale] }));
    expect(announce).toEqual([second, third]);
    expect(state.freshKey).toBe(callKey(third));
  });

  it('announces a call that arrives before the first snapshot, and not again with it', () => {
    const early = applyCall(initialBoardState, first);
    expect(early.announce).toEqual([first]);
    expect(applySnapshot(early.state, boardSnapshot({ calls: [first] })).announce).toEqual([]);
  });
});
