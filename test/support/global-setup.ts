import { build } from 'vite';

/** The end-to-end tests load the built apps from dist/, as `npm start` serves them. */
export default async function setup(): Promise<void> {
  await build({ logLevel: 'warn' });
}
