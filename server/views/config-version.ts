import { createHash } from 'node:crypto';
import type { SiteConfig } from '../../protocol/site-config.ts';

// The site store swaps in a new config object on every saved change, so the object itself is a
// safe cache key and a snapshot push never re-hashes an unchanged config.
const versions = new WeakMap<SiteConfig, string>();

/**
 * A short fingerprint of what boards read outside their snapshot: the site config and the
 * version of the recorded voice pack. Screens that read those (the boards' voice and notices
 * from `/api/site`, the pack's clips) refetch when it changes.
 */
export function configVersion(config: SiteConfig, voicePackVersion: string): string {
  let version = versions.get(config);
  if (version === undefined) {
    version = createHash('sha256').update(JSON.stringify(config)).digest('base64url').slice(0, 12);
    versions.set(config, version);
  }
  return voicePackVersion === '' ? version : `${version}.${voicePackVersion}`;
}
