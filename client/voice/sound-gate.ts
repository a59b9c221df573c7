/**
 * Whether the display may make sound, and the one-time "enable sound" unlock.
 *
 * Browsers keep an AudioContext suspended until the page has had a user gesture (autoplay
 * policy); a wall display that nobody touches would stay silent without anyone noticing. So the
 * status is observable for the UI to show a prompt, and `unlock()` is called from that
 * prompt's tap. The choice is remembered in localStorage: on the next start the display knows
 * the operator wants sound and can unlock on any tap anywhere (see `unlockOnNextGesture`),
 * or, in a kiosk browser started with an autoplay flag, simply find the context running.
 */

/** `'ready'`: sound plays. `'blocked'`: waiting for a user gesture. `'unavailable'`: no Web Audio. */
export type SoundStatus = 'ready' | 'blocked' | 'unavailable';

/** The part of an AudioContext the gate uses. */
export type UnlockableContext = Pick<AudioContext, 'state' | 'resume' | 'createBuffer' | 'createBufferSource' | 'destination'> &
  Pick<EventTarget, 'addEventListener'>;

/** Dependencies of a {@link SoundGate}. */
export interface SoundGateOptions {
  /** The display's AudioContext, or `null` where the browser has no Web Audio. */
  context: UnlockableContext | null;
  /** Where the operator's choice is kept. Defaults to none (nothing remembered). */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /**
   * How long to wait for `resume()`, in ms. Chromium leaves the promise pending, not rejected,
   * while autoplay is blocked, so without a limit the check would never answer. Defaults to 300.
   */
  resumeTimeoutMs?: number;
}

/** The localStorage key of the remembered choice. */
export const SOUND_ENABLED_KEY = 'motcua.display.soundEnabled';

/** Tracks and unlocks the display's permission to play sound. */
export class SoundGate {
  private current: SoundStatus;
  private readonly listeners = new Set<(status: SoundStatus) => void>();

  constructor(private readonly options: SoundGateOptions) {
    const { context } = options;
    this.current = context === null ? 'unavailable' : this.statusOf(context);
    // The context can also be suspended later (another tab or the OS takes the device).
    context?.addEventListener('statechange', () => this.set(this.statusOf(context)));
  }

  /** The status now. */
  get status(): SoundStatus {
    return this.current;
  }

  /** Whether sound was enabled on this display before (a tap on the prompt, on an earlier visit). */
  get remembered(): boolean {
    return this.options.storage?.getItem(SOUND_ENABLED_KEY) === '1';
  }

  /** Calls `listener` on every change; returns the function that unsubscribes it. */
  subscribe(listener: (status: SoundStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tries to start audio without a gesture (at start-up); `'blocked'` means the prompt is needed. */
  async check(): Promise<SoundStatus> {
    const { context } = this.options;
    if (context === null) return this.current;
    await this.tryResume(context);
    this.set(this.statusOf(context));
    return this.current;
  }

  /**
   * Unlocks audio; call it synchronously from a tap or key handler. Also plays one silent
   * sample, which some browsers (Safari) need besides `resume()`. Remembers the choice when it works.
   */
  async unlock(): Promise<SoundStatus> {
    const { context, storage } = this.options;
    if (context === null) return this.current;
    const silence = context.createBufferSource();
    silence.buffer = context.createBuffer(1, 1, 22_050);
    silence.connect(context.destination);
    silence.start();
    await this.tryResume(context);
    this.set(this.statusOf(context));
    if (this.current === 'ready') storage?.setItem(SOUND_ENABLED_KEY, '1');
    return this.current;
  }

  /**
   * Unlocks on the next tap, click or key press anywhere on `target` (e.g. `document`), for a
   * display whose operator already chose sound. Returns a function that removes the listeners.
   */
  unlockOnNextGesture(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): () => void {
    const events = ['pointerdown', 'keydown'] as const;
    const handler = (): void => {
      remove();
      void this.unlock();
    };
    const remove = (): void => events.forEach((name) => target.removeEventListener(name, handler));
    events.forEach((name) => target.addEventListener(name, handler));
    return remove;
  }

  private async tryResume(context: UnlockableContext): Promise<void> {
    if (context.state === 'running') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.resumeTimeoutMs ?? 300);
    });
    try {
      await Promise.race([context.resume().catch(() => undefined), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private statusOf(context: UnlockableContext): SoundStatus {
    if (context.state === 'closed') return 'unavailable';
    return context.state === 'running' ? 'ready' : 'blocked';
  }

  private set(status: SoundStatus): void {
    if (status === this.current) return;
    this.current = status;
    for (const listener of [...this.listeners]) listener(status);
  }
}
