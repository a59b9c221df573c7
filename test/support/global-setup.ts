import { build } from 'vite';
import { buildServer } from '../../scripts/build-server.ts';

/**
 * The end-to-end tests load the built apps from dist/, as `npm start` serves them; the tests
 * that run the server as a process run the bundle `npm start` runs.
 */
export default async function setup(): Promise<void> {
  await build({ logLevel: 'warn' });
  await buildServer();
}
