/**
 * Builds the apps (Vite) and the server bundle (esbuild) into a new folder, `build/<id>/`, and
 * then points `build/current` at it by renaming a symlink over it, which is atomic. A running
 * server serves the folder it started with (it resolves `current` once), so a build never
 * writes where a running server reads; the next start picks the new build up.
 *
 *   npm run build              build now (when the sources changed; `--force` rebuilds anyway)
 *   npm start                  runs scripts/start-build.mjs first, which calls this only when the
 *                              sources changed since the current build
 *
 * `<id>` is the fingerprint of the sources (scripts/build-fingerprint.mjs); the apps compare the
 * id the server announces with the one they were loaded with and reload after an upgrade.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build as viteBuild } from 'vite';
import { BUILDS_DIR, currentBuildId, sourceFingerprint } from './build-fingerprint.mjs';
import { buildServer } from './build-server.ts';

const repo = join(import.meta.dirname, '..');
const builds = join(repo, BUILDS_DIR);
/** Builds kept besides the current one, so a server started a build or two ago still finds its apps. */
const KEEP = 3;

/** What `build/<id>/build.json` says. */
export interface BuildInfo {
  id: string;
  builtAt: string;
}

/** The folder of the build `npm start` runs now. */
export const currentBuildDir = join(builds, 'current');

/** Builds when the sources differ from the current build (or always, with `force`); returns the build's id. */
export async function ensureBuilt(options: { force?: boolean; quiet?: boolean } = {}): Promise<string> {
  const id = sourceFingerprint(repo);
  if (!options.force && currentBuildId(repo) === id) return id;
  const dir = join(builds, id);
  if (options.force || !existsSync(join(dir, 'build.json'))) await buildInto(id, dir, options.quiet ?? false);
  await switchCurrent(id);
  await prune(id);
  return id;
}

async function buildInto(id: string, dir: string, quiet: boolean): Promise<void> {
  const started = Date.now();
  // A folder of its own for every attempt: a build that breaks off leaves nothing half-written under an id.
  const work = `${dir}.partial-${process.pid}`;
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await viteBuild({
    configFile: join(repo, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: join(work, 'apps'), emptyOutDir: true },
    // The apps know their build (client/build-id.ts) and reload when the server's differs.
    define: { 'import.meta.env.MOTCUA_BUILD': JSON.stringify(id) },
  });
  await buildServer(join(work, 'server'), join(dir, 'server'));
  const info: BuildInfo = { id, builtAt: new Date().toISOString() };
  await writeFile(join(work, 'build.json'), `${JSON.stringify(info, null, 2)}\n`);
  await rm(dir, { recursive: true, force: true });
  await rename(work, dir);
  if (!quiet) process.stderr.write(`motcua: built ${id} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** Points `build/current` at `id` by renaming a new symlink over the old one. */
async function switchCurrent(id: string): Promise<void> {
  const next = join(builds, `current.next-${process.pid}`);
  await rm(next, { force: true });
  await symlink(id, next);
  await rename(next, join(builds, 'current'));
}

/** Removes all but the newest builds; never the current one. */
async function prune(current: string): Promise<void> {
  const entries = await readdir(builds, { withFileTypes: true });
  const dated: Array<{ name: string; time: number }> = [];
  for (const e of entries) {
    if (!e.isDirectory() || e.name === current || e.name.includes('.partial-')) continue;
    const info = await readFile(join(builds, e.name, 'build.json'), 'utf8').catch(() => null);
    const time = info ? Date.parse((JSON.parse(info) as BuildInfo).builtAt) : (await stat(join(builds, e.name))).mtimeMs;
    dated.push({ name: e.name, time });
  }
  dated.sort((a, b) => b.time - a.time);
  for (const old of dated.slice(KEEP - 1)) await rm(join(builds, old.name), { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await ensureBuilt({ force: process.argv.includes('--force') });
}
