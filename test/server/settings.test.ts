import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir, resolveSettings } from '../../server/config.ts';

describe('the data directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-settings-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is the system install’s directory when it exists and may be written', () => {
    expect(defaultDataDir({ HOME: '/home/clerk' }, dir)).toBe(dir);
  });

  it('is the user’s data directory otherwise, whatever the working directory', () => {
    const missing = join(dir, 'no-such-dir');
    expect(defaultDataDir({ HOME: '/home/clerk' }, missing)).toBe('/home/clerk/.local/share/motcua');
    expect(defaultDataDir({ HOME: '/home/clerk', XDG_DATA_HOME: '/srv/data' }, missing)).toBe('/srv/data/motcua');
  });

  it('comes from the flag, then MOTCUA_DATA_DIR, and is always absolute', () => {
    expect(resolveSettings(['--data-dir', 'relative/here'], { MOTCUA_DATA_DIR: '/elsewhere' }).dataDir).toBe(
      join(process.cwd(), 'relative/here'),
    );
    expect(resolveSettings([], { MOTCUA_DATA_DIR: '/elsewhere' }).dataDir).toBe('/elsewhere');
    expect(resolveSettings([], { HOME: '/home/clerk' }).dataDir).not.toContain(process.cwd());
  });
});
