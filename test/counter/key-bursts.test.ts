import { describe, expect, it } from 'vitest';
import { actionForKey } from '../../counter/console/console-actions.ts';
import { KeyBursts, SCAN_GAP_MS } from '../../counter/console/key-bursts.ts';

const isShortcut = (key: string) => actionForKey({ key }) !== null;

/** Feeds keys `gap` ms apart, then settles; returns every outcome in order. */
function feed(keys: string[], gap: number) {
  const b = new KeyBursts(isShortcut);
  const out = keys.flatMap((k, i) => b.push(k, 1000 + i * gap));
  return [...out, ...b.settle()];
}

describe("telling a scanner's keys from a clerk's", () => {
  it('takes a fast burst ending in Enter as one scanned code, pressing no shortcut', () => {
    const code = '000.00.20.H38-251201-NTS7';
    expect(feed([...code, 'Enter'], 8)).toEqual([{ kind: 'scan', code }]);
  });

  it('takes a fast burst without Enter as a code too', () => {
    expect(feed([...'G22-0001'], 5)).toEqual([{ kind: 'scan', code: 'G22-0001' }]);
  });

  it("passes a clerk's keys on one by one", () => {
    expect(feed(['f', ' ', 'r'], SCAN_GAP_MS + 60)).toEqual([
      { kind: 'key', key: 'f' },
      { kind: 'key', key: ' ' },
      { kind: 'key', key: 'r' },
    ]);
  });

  it('counts only the first of two keys rolled together: T and Enter within the gap is T alone', () => {
    expect(feed(['t', 'Enter'], 15)).toEqual([{ kind: 'key', key: 't' }]);
  });

  it("takes a scan's first keys, delivered late as a burst of their own, as the code's beginning", () => {
    const b = new KeyBursts(isShortcut);
    b.push('0', 0);
    b.push('0', 5);
    expect(b.settle()).toEqual([{ kind: 'key', key: '0' }]);
    const rest = [...'0.00.20.H38-0007'].flatMap((k, i) => b.push(k, 200 + i * 5));
    expect([...rest, ...b.push('Enter', 300)]).toEqual([{ kind: 'scan', code: '000.00.20.H38-0007' }]);
  });

  it("keeps a scan's tail that a busy machine delivered after a pause: -NTS7 presses no No-show", () => {
    const b = new KeyBursts(isShortcut);
    const head = [...'000.00.20.H38-251201'].flatMap((k, i) => b.push(k, i * 5));
    expect(head).toEqual([]);
    expect(b.settleAfterMs()).toBeGreaterThan(SCAN_GAP_MS);
    const tail = [...'-NTS7'].flatMap((k, i) => b.push(k, 300 + i * 5));
    expect([...tail, ...b.push('Enter', 340)]).toEqual([{ kind: 'scan', code: '000.00.20.H38-251201-NTS7' }]);
  });

  it('joins several late first bursts of a scan', () => {
    const b = new KeyBursts(isShortcut);
    b.push('0', 0);
    expect(b.settle()).toEqual([{ kind: 'key', key: '0' }]);
    b.push('0', 200);
    expect(b.settle()).toEqual([{ kind: 'key', key: '0' }]);
    const rest = [...'0.00.20.H38-0007'].flatMap((k, i) => b.push(k, 400 + i * 5));
    expect([...rest, ...b.push('Enter', 500)]).toEqual([{ kind: 'scan', code: '000.00.20.H38-0007' }]);
  });

  it('never takes a shortcut pressed before a scan as part of the code', () => {
    const b = new KeyBursts(isShortcut);
    b.push('f', 0);
    expect(b.settle()).toEqual([{ kind: 'key', key: 'f' }]);
    const scan = [...'G22-000001'].flatMap((k, i) => b.push(k, 100 + i * 5));
    expect([...scan, ...b.push('Enter', 200)]).toEqual([{ kind: 'scan', code: 'G22-000001' }]);
  });

  it('a key after a pause starts a new burst', () => {
    const b = new KeyBursts(isShortcut);
    expect(b.push('p', 0)).toEqual([]);
    expect(b.push(' ', SCAN_GAP_MS + 1)).toEqual([{ kind: 'key', key: 'p' }]);
    expect(b.settle()).toEqual([{ kind: 'key', key: ' ' }]);
    expect(b.settle()).toEqual([]);
  });
});
