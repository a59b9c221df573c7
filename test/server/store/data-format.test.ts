import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_FORMAT, DataFormatError, type Migration, prepareDataDir } from '../../../server/store/data-format.ts';

const mark = async (dir: string) => JSON.parse(await readFile(join(dir, 'data-format.json'), 'utf8')) as { format: number };

describe('the data directory’s format', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-format-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('marks a new directory with this build’s format', async () => {
    await prepareDataDir(join(dir, 'new'));
    expect(await mark(join(dir, 'new'))).toEqual({ format: DATA_FORMAT });
  });

  it('takes data from before the mark for format 1', async () => {
    await writeFile(join(dir, 'site.json'), '{}');
    expect(await prepareDataDir(dir)).toBe(1);
    expect(await mark(dir)).toEqual({ format: 1 });
  });

  it('migrates older data step by step, marking each step once it is done', async () => {
    await writeFile(join(dir, 'data-format.json'), '{ "format": 1 }');
    const ran: string[] = [];
    const migrations: Migration[] = [
      { from: 2, does: 'second', run: async () => void ran.push(`2→3 after ${(await mark(dir)).format}`) },
      { from: 1, does: 'first', run: async () => void ran.push(`1→2 after ${(await mark(dir)).format}`) },
    ];
    expect(await prepareDataDir(dir, { current: 3, migrations })).toBe(1);
    expect(ran).toEqual(['1→2 after 1', '2→3 after 2']);
    expect(await mark(dir)).toEqual({ format: 3 });
  });

  it('a step that fails leaves the mark at the last step that finished, so the next start runs it again', async () => {
    await writeFile(join(dir, 'data-format.json'), '{ "format": 1 }');
    const migrations: Migration[] = [
      { from: 1, does: 'first', run: async () => undefined },
      {
        from: 2,
        does: 'breaks',
        run: async () => {
          throw new Error('disk full');
        },
      },
    ];
    await expect(prepareDataDir(dir, { current: 3, migrations })).rejects.toThrow('disk full');
    expect(await mark(dir)).toEqual({ format: 2 });
  });

  it('refuses newer data with a clear message and changes nothing', async () => {
    await mkdir(join(dir, 'journal'));
    await writeFile(join(dir, 'journal', '2026-12-01.jsonl'), '{"future":"line"}\n');
    await writeFile(join(dir, 'data-format.json'), '{ "format": 7 }');
    const error = await prepareDataDir(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFormatError);
    expect((error as Error).message).toMatch(/newer motcua \(data format 7; this build reads format 1 and older\)/);
    expect(await readFile(join(dir, 'data-format.json'), 'utf8')).toBe('{ "format": 7 }');
    expect(await readFile(join(dir, 'journal', '2026-12-01.jsonl'), 'utf8')).toBe('{"future":"line"}\n');
  });

  it('refuses a damaged mark rather than guess', async () => {
    await writeFile(join(dir, 'data-format.json'), 'not json');
    await expect(prepareDataDir(dir)).rejects.toBeInstanceOf(DataFormatError);
  });
});
