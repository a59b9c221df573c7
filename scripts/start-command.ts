import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..');

/**
 * The Node arguments `npm start` runs the server with (V8 flags and the bundle), read from
 * package.json (this checkout's, or an installed release's in `appDir`) so that the memory
 * benchmark and the kill -9 tests run exactly what a centre runs.
 */
export function startNodeArgs(appDir = repo): string[] {
  const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const [program, ...args] = (pkg.scripts?.start ?? '').trim().split(/\s+/);
  if (program !== 'node' || args.length === 0)
    throw new Error(`package.json "start" should be "node <flags> <bundle>", not "${pkg.scripts?.start}"`);
  return args;
}
