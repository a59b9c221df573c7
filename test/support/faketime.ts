import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Debian's libfaketime (package `faketime`, installed by `scripts/ensure-test-tools.mjs`) for a
 * real server process: its wall clock is the real one shifted by the offset written in a file
 * (`+0`, `-7h`, `-1d`), read again at most once a second, so a test can step the clock of a
 * running server as NTP would. Monotonic time is left alone, as a real step leaves it.
 */
export interface FakeTime {
  env: Record<string, string>;
  /** Sets the offset from the real time, e.g. `-7h`; the process sees it within a second. */
  set(offset: string): Promise<void>;
}

export async function fakeTime(dir: string, offset = '+0'): Promise<FakeTime> {
  const file = join(dir, 'faketime.offset');
  const set = (o: string) => writeFile(file, `${o}\n`);
  await set(offset);
  return {
    env: {
      LD_PRELOAD: libfaketime(),
      FAKETIME_TIMESTAMP_FILE: file,
      FAKETIME_CACHE_DURATION: '1',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
    },
    set,
  };
}

function libfaketime(): string {
  for (const dir of ['/usr/lib/faketime', ...readdirSync('/usr/lib').map((arch) => join('/usr/lib', arch, 'faketime'))]) {
    try {
      if (readdirSync(dir).includes('libfaketime.so.1')) return join(dir, 'libfaketime.so.1');
    } catch {}
  }
  throw new Error('libfaketime not found: apt-get install faketime (npm test runs scripts/ensure-test-tools.mjs)');
}
