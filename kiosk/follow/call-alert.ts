/**
 * "It is your turn" on a phone: a short beep (Web Audio, no file to fetch) and a vibration.
 * Phones allow sound and vibration only after a tap on the page, so `unlock` runs in a tap
 * handler; an alert before that still shows on screen and tries anyway.
 */
export interface CallAlert {
  /** Call from a tap: creates and resumes the audio context while the browser allows it. */
  unlock(): void;
  /** Beeps three times and vibrates. */
  alert(): void;
}

type AudioContextClass = typeof AudioContext;

/** One alert per page; `win` is the browser window (a test may pass its own). */
export function createCallAlert(win: typeof globalThis & { webkitAudioContext?: AudioContextClass } = window): CallAlert {
  let context: AudioContext | null = null;
  const audio = (): AudioContext | null => {
    const Context = win.AudioContext ?? win.webkitAudioContext;
    if (!context && Context) context = new Context();
    if (context?.state === 'suspended') void context.resume();
    return context;
  };
  return {
    unlock: () => void audio(),
    alert() {
      win.navigator.vibrate?.([400, 200, 400, 200, 800]);
      const ctx = audio();
      if (!ctx) return;
      const start = ctx.currentTime + 0.05;
      for (let i = 0; i < 3; i++) {
        const at = start + i * 0.35;
        const tone = ctx.createOscillator();
        const gain = ctx.createGain();
        tone.frequency.value = 880;
        // A short ramp each way: a square start and stop clicks on phone speakers.
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.5, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.22);
        tone.connect(gain).connect(ctx.destination);
        tone.start(at);
        tone.stop(at + 0.25);
      }
    },
  };
}
