// `npm start` runs this first: it rebuilds only when the sources changed since the current
// build, and says so. Plain JavaScript, so that it runs where no TypeScript tooling is
// installed. A release (npm run release) has no sources to build and does not run it at all.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { currentBuildId, sourceFingerprint } from './build-fingerprint.mjs';

const repo = join(import.meta.dirname, '..');
const current = currentBuildId(repo);
if (current !== null && current === sourceFingerprint(repo)) process.exit(0);

const require = createRequire(import.meta.url);
const hasBuildTools = ['vite', 'tsx', 'esbuild'].every((name) => {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
});
if (!hasBuildTools) {
  const build = current === null ? 'There is no build yet' : 'The sources changed since the build';
  process.stderr.write(
    `motcua: ${build}, and the build tools (devDependencies) are not installed.\n` +
      '  Install them (npm ci) and run npm start again, or install a release archive (npm run release).\n',
  );
  process.exit(current === null ? 1 : 0);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'build.ts')], {
  cwd: repo,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
