import { describe, expect, it, vi } from 'vitest';
import { RepeatGuard } from '../../../hardware/call-button/repeat-guard.ts';

function setup() {
  let now = 1_000_000;
  const guard = new RepeatGuard<string>(() => now);
  const advance = (ms: number): void => {
    now += ms;
  };
  return { guard, advance };
}

describe('RepeatGuard', () => {
  it('acts on the first copy of a press', async () => {
    const { guard } = setup();
    const act = vi.fn(async () => 'called 1023');
    const result = guard.answer(3, 17, act);
    expect(result.repeat).toBe(false);
    expect(await result.answer).toBe('called 1023');
    expect(act).toHaveBeenCalledTimes(1);
  });

  it('answers a repeat within 10 s with the same answer without acting again', async () => {
    const { guard, advance } = setup();
    const act = vi.fn(async () => 'called 1023');
    await guard.answer(3, 17, act).answer;
    advance(9_999);
    const again = guard.answer(3, 17, act);
    expect(again.repeat).toBe(true);
    expect(await again.answer).toBe('called 1023');
    expect(act).toHaveBeenCalledTimes(1);
  });

  it('gives a copy arriving mid-flight the answer of the one action', async () => {
    const { guard } = setup();
    let finish: (answer: string) => void = () => undefined;
    const act = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const first = guard.answer(3, 17, act);
    const second = guard.answer(3, 17, act);
    finish('called 1023');
    expect(await Promise.all([first.answer, second.answer])).toEqual(['called 1023', 'called 1023']);
    expect(act).toHaveBeenCalledTimes(1);
  });

  it('treats the same seq 10 s after the first copy as a new press', async () => {
    const { guard, advance } = setup();
    const act = vi.fn(async () => 'ok');
    await guard.answer(3, 17, act).answer;
    advance(5_000);
    guard.answer(3, 17, act);
    advance(5_000);
    expect(guard.answer(3, 17, act).repeat).toBe(false);
    expect(act).toHaveBeenCalledTimes(2);
  });

  it('keeps counters apart: the same seq on another counter is another press', () => {
    const { guard } = setup();
    const act = vi.fn(async () => 'ok');
    guard.answer(3, 17, act);
    expect(guard.answer(4, 17, act).repeat).toBe(false);
    expect(guard.answer(3, 18, act).repeat).toBe(false);
    expect(act).toHaveBeenCalledTimes(3);
  });
});
