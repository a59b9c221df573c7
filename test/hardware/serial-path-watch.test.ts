import { mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchSerialPath, type PathLoss, type SerialPathWatch } from '../../hardware/serial-path-watch.ts';
import { waitFor } from '../support/wait-for.ts';

// Plain files stand in for device nodes: the watch only compares what stat says about the path.

let dir: string;
let watch: SerialPathWatch | undefined;
const losses: PathLoss[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-path-watch-'));
  losses.length = 0;
});

afterEach(async () => {
  watch?.stop();
  await rm(dir, { recursive: true, force: true });
});

function start(path: string): void {
  watch = watchSerialPath({ path, intervalMs: 20, onLost: (reason) => losses.push(reason) });
}

async function pause(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

describe('watchSerialPath', () => {
  it('reports a vanished path once', async () => {
    const path = join(dir, 'ttyUSB0');
    await writeFile(path, '');
    start(path);
    await pause(100);
    expect(losses).toEqual([]);
    await unlink(path);
    await waitFor(() => losses.length > 0, 'the loss reported');
    await pause(100);
    expect(losses).toEqual(['path-gone']);
  });

  it('reports a path that now leads to another node (a replugged adapter)', async () => {
    const path = join(dir, 'ttyUSB0');
    await writeFile(path, '');
    start(path);
    await pause(100);
    const other = join(dir, 'other');
    await writeFile(other, '');
    await rename(other, path);
    await waitFor(() => losses.length > 0, 'the loss reported');
    expect(losses).toEqual(['path-replaced']);
  });

  it('watches nothing when the path was not there at open (a mock binding)', async () => {
    const path = join(dir, 'fake');
    start(path);
    await pause(100);
    await writeFile(path, '');
    await pause(100);
    await unlink(path);
    await pause(200);
    expect(losses).toEqual([]);
  });

  it('reports nothing after stop', async () => {
    const path = join(dir, 'ttyUSB0');
    await writeFile(path, '');
    start(path);
    await pause(100);
    watch?.stop();
    await unlink(path);
    await pause(200);
    expect(losses).toEqual([]);
  });
});
