/**
 * Makes the release archive a centre installs: `release/motcua-<version>-<build>.tar.gz`, one
 * folder `motcua-<version>/` with the built apps and the bundled server (`build/current`), the
 * files they read at run time (locales, seed data, the printer fonts), the docs and the
 * deployment files, and a package.json whose scripts only run what is built:
 *
 *   npm run release
 *   tar -xzf motcua-0.1.0-<build>.tar.gz && cd motcua-0.1.0 && npm ci --omit=dev && npm start
 *
 * `npm ci --omit=dev` installs the runtime packages only (no Vite, esbuild, tsx or TypeScript),
 * and `npm start` never builds: there is nothing to build in a release.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './build.ts';

const repo = join(import.meta.dirname, '..');

/**
 * What a running server and its tools read besides the build: the bundle finds them relative to
 * itself. The generated voices' clips come along for their manifests: the server checks the
 * centre's sentences against them when they are saved.
 */
const RUNTIME_FILES = [
  'locales',
  'data',
  'hardware/printer/fonts',
  'client/voice/clips',
  'docs',
  'deploy',
  'README.md',
  'package-lock.json',
];

interface PackageJson {
  name: string;
  version: string;
  scripts: Record<string, string>;
  [key: string]: unknown;
}

/** Builds if needed and writes the archive into `outDir`; returns its path. */
export async function makeRelease(outDir = join(repo, 'release')): Promise<string> {
  const build = await ensureBuilt({ quiet: true });
  const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as PackageJson;
  const folder = `motcua-${pkg.version}`;
  const stage = join(outDir, `.stage-${process.pid}`);
  const root = join(stage, folder);
  await rm(stage, { recursive: true, force: true });
  await mkdir(join(root, 'build'), { recursive: true });
  for (const entry of RUNTIME_FILES) await cp(join(repo, entry), join(root, entry), { recursive: true });
  await cp(join(repo, 'build', build), join(root, 'build', build), { recursive: true });
  await symlink(build, join(root, 'build', 'current'));
  const start = pkg.scripts.start;
  if (!start?.includes('build/current/server/main.mjs')) throw new Error(`unexpected start script: ${start}`);
  const released: PackageJson = {
    ...pkg,
    // The province hub is in the same release: a province installs it on its own server.
    scripts: { start, hub: 'node build/current/server/hub.mjs', 'catalog:import': 'node build/current/server/catalog-import.mjs' },
  };
  await writeFile(join(root, 'package.json'), `${JSON.stringify(released, null, 2)}\n`);
  // `npm ci` in the release installs the runtime packages only. `omit=dev` alone still installs
  // TypeScript: i18next and valibot name it as an optional peer, which npm keeps unless optional
  // packages are left out too (no runtime package is optional).
  await writeFile(join(root, '.npmrc'), 'omit[]=dev\nomit[]=optional\n');
  const archive = join(outDir, `${folder}-${build}.tar.gz`);
  const tar = spawnSync('tar', ['-czf', archive, '--owner=0', '--group=0', '-C', stage, folder], { stdio: 'inherit' });
  await rm(stage, { recursive: true, force: true });
  if (tar.status !== 0) throw new Error(`tar failed with status ${tar.status}`);
  return archive;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${await makeRelease()}\n`);
}
