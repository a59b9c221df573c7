import { ensureBuilt } from '../../scripts/build.ts';

/**
 * The end-to-end tests load the built apps as `npm start` serves them, and the tests that run
 * the server as a process run the bundle `npm start` runs: the current build, made again only
 * when the sources changed (as `npm start` does).
 */
export default async function setup(): Promise<void> {
  await ensureBuilt({ quiet: true });
}
