import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogueFile, catalogueFilePath, writeCatalogueFile } from '../../server/catalogue/catalogue-file.ts';
import { DataDirLock } from '../../server/store/data-dir-lock.ts';
import { catalogue, procedure, SHIPPED_CATALOGUE_PATH } from './fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** Runs the import CLI as an operator would; resolves with its exit code and output. */
async function importCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/catalog-import.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-catalogue-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the catalogue file in the data directory', () => {
  it('is written, creating the directory, and reads back validated', async () => {
    const dir = path.join(dataDir, 'nested');
    const written = catalogue([procedure()]);
    expect(await writeCatalogueFile(dir, written)).toBe(catalogueFilePath(dir));
    expect(await catalogueFile(dir).read()).toEqual({ kind: 'ok', value: written });
  });

  it('reads as missing before any import', async () => {
    expect(await catalogueFile(dataDir).read()).toEqual({ kind: 'missing' });
  });
});

describe('npm run catalog:import', () => {
  it('imports a good file into the data directory', async () => {
    const result = await importCli(fileURLToPath(SHIPPED_CATALOGUE_PATH), '--data-dir', dataDir, '--lang', 'en');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Imported \d+ procedures in \d+ fields/);
    const imported = JSON.parse(await readFile(catalogueFilePath(dataDir), 'utf8'));
    expect(imported).toEqual(JSON.parse(await readFile(SHIPPED_CATALOGUE_PATH, 'utf8')));
  });

  it('refuses a bad file with translated per-row errors and leaves the current catalogue untouched', async () => {
    await writeCatalogueFile(dataDir, catalogue([procedure()]));
    const file = catalogueFilePath(dataDir);
    const before = await readFile(file);
    const mtimeBefore = (await stat(file)).mtimeMs;
    const bad = path.join(dataDir, 'bad.json');
    await writeFile(bad, JSON.stringify(catalogue([procedure(), procedure({ code: '1.0' })])));

    const result = await importCli(bad, '--data-dir', dataDir);

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Dòng 2: mã thủ tục “1.0” không đúng dạng');
    expect(result.stdout).toBe('');
    expect(await readFile(file)).toEqual(before);
    expect((await stat(file)).mtimeMs).toBe(mtimeBefore);
  });

  it('refuses while a server holds the data directory, and leaves the catalogue to it', async () => {
    const lock = await DataDirLock.acquire(dataDir, 8080, Date.now());
    try {
      const result = await importCli(fileURLToPath(SHIPPED_CATALOGUE_PATH), '--data-dir', dataDir, '--lang', 'en');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`A motcua server is using this data directory (pid ${process.pid}, port 8080)`);
      expect(await catalogueFile(dataDir).read()).toEqual({ kind: 'missing' });
    } finally {
      await lock.release();
    }
  });

  it('prints the usage when no file is given', async () => {
    const result = await importCli('--lang', 'en');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run catalog:import');
  });
});
