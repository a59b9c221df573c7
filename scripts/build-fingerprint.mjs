// Plain JavaScript on purpose: `npm start` runs this before anything else (scripts/start-build.mjs),
// and it must answer "is the build current?" without TypeScript tooling, which a production
// install does not have.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What goes into the built apps and the server bundle: a change to any of these needs a new build. */
export const BUILD_INPUTS = [
  'admin',
  'client',
  'counter',
  'display',
  'kiosk',
  'protocol',
  'server',
  'hardware',
  'hub',
  'locales',
  'vite.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  'scripts/build.ts',
  'scripts/build-server.ts',
  'scripts/build-fingerprint.mjs',
  'scripts/catalog-import.ts',
];

/** Where builds live: `build/<id>/` each, and `build/current`, a symlink to the one `npm start` runs. */
export const BUILDS_DIR = 'build';

function filesUnder(repo, entry) {
  const path = join(repo, entry);
  let names;
  try {
    names = readdirSync(path, { withFileTypes: true });
  } catch (e) {
    if (e.code === 'ENOTDIR') return [path];
    if (e.code === 'ENOENT') return [];
    throw e;
  }
  return names.flatMap((d) => filesUnder(repo, join(entry, d.name)));
}

/**
 * A build's identity: the hash of every input's path and content. Two checkouts with the same
 * sources have the same id, so a build is made once and an unchanged start skips it.
 */
export function sourceFingerprint(repo) {
  const hash = createHash('sha256');
  const files = BUILD_INPUTS.flatMap((entry) => filesUnder(repo, entry)).sort();
  for (const file of files) {
    hash.update(relative(repo, file).split('\\').join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The id of the build `build/current` points at, or null when there is none. */
export function currentBuildId(repo) {
  try {
    return JSON.parse(readFileSync(join(repo, BUILDS_DIR, 'current', 'build.json'), 'utf8')).id ?? null;
  } catch {
    return null;
  }
}
