import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeArgs } from '../../../scripts/start-command.ts';
import { freePort, startServerProcess } from '../../support/server-process.ts';

// After an upgrade, going back to the older release must not damage the data: the older build
// refuses a data directory of a newer format before it touches any file (it would otherwise
// take the newer journal's lines for a torn write and cut them off).

const repo = join(import.meta.dirname, '../../..');

function run(dataDir: string, port: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...startNodeArgs(), '--data-dir', dataDir, '--port', String(port), '--host', '127.0.0.1'], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('a data directory written by a newer release', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-newer-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is refused by this build, with what to do, and nothing in it changes', async () => {
    const dataDir = join(dir, 'data');
    // A working data directory of this build first…
    const port = await freePort();
    const server = await startServerProcess(dataDir, port);
    await server.killHard();
    // … then the newer release's mark and a journal line this build has never seen.
    const journal = (await readdir(join(dataDir, 'journal')))[0]!;
    const newerLine = '{"seq":1,"v":2,"checksum":"ab12","event":{"type":"from-the-future"}}\n';
    await writeFile(join(dataDir, 'journal', journal), newerLine);
    await writeFile(join(dataDir, 'data-format.json'), '{ "format": 2 }\n');
    const before = await Promise.all(
      ['data-format.json', `journal/${journal}`, 'site.json', 'auth.json'].map((f) => readFile(join(dataDir, f))),
    );

    const refused = await run(dataDir, port);
    expect(refused.code).toBe(2);
    expect(refused.output).toContain('was written by a newer motcua (data format 2; this build reads format 1 and older)');
    expect(refused.output).toContain('Nothing was changed');
    expect(refused.output).not.toContain('motcua is running');
    const after = await Promise.all(
      ['data-format.json', `journal/${journal}`, 'site.json', 'auth.json'].map((f) => readFile(join(dataDir, f))),
    );
    expect(after).toEqual(before);
  });

  it('a fresh directory is marked with this build’s format', async () => {
    const dataDir = join(dir, 'fresh');
    await mkdir(dataDir);
    const server = await startServerProcess(dataDir, await freePort());
    await server.killHard();
    expect(JSON.parse(await readFile(join(dataDir, 'data-format.json'), 'utf8'))).toEqual({ format: 1 });
  });
});
