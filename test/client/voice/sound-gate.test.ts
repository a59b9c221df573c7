import { describe, expect, it } from 'vitest';
import { SOUND_ENABLED_KEY, SoundGate, type SoundStatus, type UnlockableContext } from '../../../client/voice/sound-gate.ts';

/** An AudioContext whose resume() works only after `gesture()`, as under an autoplay policy. */
class FakeContext extends EventTarget {
  state: AudioContextState = 'suspended';
  allowed = false;
  silentSamplesPlayed = 0;
  readonly destination = {};

  resume(): Promise<void> {
    if (!this.allowed) return new Promise(() => undefined); // Chromium leaves it pending.
    this.setState('running');
    return Promise.resolve();
  }

  setState(state: AudioContextState): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }

  createBuffer() {
    return {};
  }

  createBufferSource() {
    return { buffer: null, connect: () => undefined, start: () => void (this.silentSamplesPlayed += 1) };
  }
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const gateFor = (context: FakeContext | null, storage = new MemoryStorage()) =>
  new SoundGate({ context: context as unknown as UnlockableContext | null, storage, resumeTimeoutMs: 20 });

describe('sound gate', () => {
  it('is unavailable without Web Audio', async () => {
    const gate = gateFor(null);
    expect(await gate.check()).toBe('unavailable');
    expect(await gate.unlock()).toBe('unavailable');
  });

  it('reports blocked when the context stays suspended after a resume attempt', async () => {
    const gate = gateFor(new FakeContext());
    expect(await gate.check()).toBe('blocked');
  });

  it('is ready when the browser lets the context resume (kiosk autoplay flag)', async () => {
    const context = new FakeContext();
    context.allowed = true;
    expect(await gateFor(context).check()).toBe('ready');
  });

  it('unlocks on a gesture, tells subscribers and remembers the choice', async () => {
    const context = new FakeContext();
    const storage = new MemoryStorage();
    const gate = gateFor(context, storage);
    const seen: SoundStatus[] = [];
    gate.subscribe((status) => seen.push(status));
    expect(gate.remembered).toBe(false);
    context.allowed = true; // the tap
    expect(await gate.unlock()).toBe('ready');
    expect(seen).toEqual(['ready']);
    expect(context.silentSamplesPlayed).toBe(1);
    expect(storage.getItem(SOUND_ENABLED_KEY)).toBe('1');
    expect(gateFor(new FakeContext(), storage).remembered).toBe(true);
  });

  it('does not remember an unlock that did not work', async () => {
    const storage = new MemoryStorage();
    expect(await gateFor(new FakeContext(), storage).unlock()).toBe('blocked');
    expect(storage.getItem(SOUND_ENABLED_KEY)).toBeNull();
  });

  it('follows the context when it is suspended or closed later', async () => {
    const context = new FakeContext();
    context.allowed = true;
    const gate = gateFor(context);
    await gate.check();
    const seen: SoundStatus[] = [];
    const unsubscribe = gate.subscribe((status) => seen.push(status));
    context.setState('suspended');
    context.setState('closed');
    unsubscribe();
    context.setState('running');
    expect(seen).toEqual(['blocked', 'unavailable']);
  });

  it('unlocks once on the next tap anywhere', async () => {
    const context = new FakeContext();
    const page = new EventTarget();
    const gate = gateFor(context);
    gate.unlockOnNextGesture(page);
    context.allowed = true;
    page.dispatchEvent(new Event('pointerdown'));
    page.dispatchEvent(new Event('keydown'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(gate.status).toBe('ready');
    expect(context.silentSamplesPlayed).toBe(1);
  });
});
