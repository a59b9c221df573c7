import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';

/** How often an open port's path is checked by default: cheap, and soon enough for the health view. */
export const PATH_CHECK_MS = 1000;

/** Why a watched path no longer leads to the device that was opened. */
export type PathLoss = 'path-gone' | 'path-replaced';

/** Options of {@link watchSerialPath}. */
export interface SerialPathWatchOptions {
  /** The path the port was opened on (a device node or a symlink to one). */
  path: string;
  /** Check period. Defaults to {@link PATH_CHECK_MS}. */
  intervalMs?: number;
  /** Called at most once, when the path is gone or leads to another device; the watch then stops. */
  onLost(reason: PathLoss): void;
}

/** A running watch; `stop()` is safe to call at any time, also more than once. */
export interface SerialPathWatch {
  stop(): void;
}

interface DeviceIdentity {
  dev: number;
  ino: number;
}

/**
 * Watches the path of a freshly opened serial port. The serialport binding often misses the
 * hang-up when the device behind a path disappears (USB adapter unplugged, socat gone): it
 * never emits `close` and spins on 0-byte reads. The path itself tells the truth: it vanishes,
 * or comes back as a new node (new inode) for a replugged adapter. Call this right after the
 * port opened; when the path cannot be stat'ed then (a mock binding's fake path) nothing is
 * watched, since there is nothing to compare against.
 */
export function watchSerialPath(options: SerialPathWatchOptions): SerialPathWatch {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const stop = (): void => {
    stopped = true;
    clearInterval(timer);
  };

  // Taken at once, in the tick the port was reported open, so a path swapped right after the
  // open cannot become the reference; one stat per open costs next to nothing.
  const opened = identifySync(options.path);
  if (opened === 'missing' || opened === 'unknown') return { stop };
  let checking = false;
  timer = setInterval(() => {
    // A stat stuck on a slow filesystem must not pile up more of them.
    if (checking) return;
    checking = true;
    void identify(options.path).then((now) => {
      checking = false;
      if (stopped) return;
      const loss = lossOf(opened, now);
      if (!loss) return;
      stop();
      options.onLost(loss);
    });
  }, options.intervalMs ?? PATH_CHECK_MS);
  // The watch alone must not keep the process alive.
  timer.unref();
  return { stop };
}

function lossOf(opened: DeviceIdentity, now: Identity): PathLoss | undefined {
  if (now === 'missing') return 'path-gone';
  // An error that does not say the path is gone (EACCES, EMFILE…) proves nothing: look again later.
  if (now === 'unknown') return undefined;
  return now.dev !== opened.dev || now.ino !== opened.ino ? 'path-replaced' : undefined;
}

type Identity = DeviceIdentity | 'missing' | 'unknown';

/** The device node the path leads to (symlinks followed), `missing` when there is none. */
async function identify(path: string): Promise<Identity> {
  try {
    const { dev, ino } = await stat(path);
    return { dev, ino };
  } catch (error) {
    return failure(error);
  }
}

function identifySync(path: string): Identity {
  try {
    const { dev, ino } = statSync(path);
    return { dev, ino };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): 'missing' | 'unknown' {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unknown';
}
