import { createHash } from 'node:crypto';
import type { SiteConfig } from '../../protocol/site-config.ts';

// The site store swaps in a new config object on every saved change, so the object itself is a
// safe cache key and a snapshot push never re-hashes an unchanged config.
const versions = new WeakMap<SiteConfig, string>();

/**
 * A short fingerprint of the site config. Screens that read settings outside their snapshot
 * (the boards' voice and notices from `/api/site`) refetch when it changes.
 */
export function configVersion(config: SiteConfig): string {
  let version = versions.get(config);
  if (version === undefined) {
    version = createHash('sha256').update(JSON.stringify(config)).digest('base64url').slice(0, 12);
    versions.set(config, version);
  }
  return version;
}
