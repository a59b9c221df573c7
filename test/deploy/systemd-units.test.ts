import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startNodeArgs } from '../../scripts/start-command.ts';

const deploy = join(import.meta.dirname, '../../deploy');
const units = ['motcua.service', 'motcua-backup.service', 'motcua-backup.timer', 'kiosk/motcua-screen.service'];

/** systemd's own check of a unit file: syntax, known settings, that its programs exist. Warnings count as failures. */
function verify(path: string): { status: number | null; output: string } {
  const run = spawnSync('systemd-analyze', ['verify', path], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

const setting = (unit: string, key: string): string[] =>
  readFileSync(join(deploy, unit), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith(`${key}=`))
    .map((l) => l.slice(key.length + 1));

describe('the systemd units in deploy/', () => {
  it.each(units)('%s passes systemd-analyze verify without a warning', (unit) => {
    expect(verify(join(deploy, unit))).toEqual({ status: 0, output: '' });
  });

  it('the check itself fails on a misspelt setting', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-unit-'));
    try {
      const broken = readFileSync(join(deploy, 'motcua.service'), 'utf8').replace('Restart=on-failure', 'Restart=sometimes');
      await writeFile(join(dir, 'motcua.service'), broken);
      expect(verify(join(dir, 'motcua.service')).output).toContain('sometimes');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the server keeps its data in /var/lib/motcua, restarts on failure, and runs what npm start runs', () => {
    expect(setting('motcua.service', 'StateDirectory')).toEqual(['motcua']);
    expect(setting('motcua.service', 'Environment')).toContain('MOTCUA_DATA_DIR=/var/lib/motcua');
    expect(setting('motcua.service', 'Restart')).toEqual(['on-failure']);
    expect(setting('motcua.service', 'ExecStart')).toEqual([`/usr/bin/env node ${startNodeArgs().join(' ')}`]);
  });

  it('the backup runs every night and catches up after a night the machine was off', () => {
    expect(setting('motcua-backup.timer', 'OnCalendar')).toEqual(['*-*-* 21:30:00']);
    expect(setting('motcua-backup.timer', 'Persistent')).toEqual(['true']);
  });
});
