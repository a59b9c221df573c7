/// <reference types="vite/client" />
/**
 * The shipped clips, bundled by Vite: every voice's manifest and the URL of every clip file,
 * so the display needs no server route or build step of its own to play them.
 */
import type { ClipId } from '../../protocol/voice/clip-id.ts';
import type { ClipManifest, ClipUrlResolver } from '../../protocol/voice/clip-manifest.ts';
import type { ClipVoice } from '../../protocol/voice/dialect.ts';

const manifests = import.meta.glob<ClipManifest>('./clips/*/manifest.json', { import: 'default', eager: true });
const fileUrls = import.meta.glob<string>('./clips/*/*.{ogg,wav}', { query: '?url&no-inline', import: 'default', eager: true });

/** Every clip id shipped for `voice` (empty when none were), e.g. to preload them. */
export function shippedClipIds(voice: ClipVoice): ClipId[] {
  return Object.keys(manifests[`./clips/${voice}/manifest.json`]?.clips ?? {});
}

/**
 * The URL resolver for `voice`.
 * @throws Error when no clips were shipped for `voice` (the generator was not run for it).
 */
export function shippedClipUrls(voice: ClipVoice): ClipUrlResolver {
  const manifest = manifests[`./clips/${voice}/manifest.json`];
  if (manifest === undefined) throw new Error(`no voice clips shipped for "${voice}"`);
  return (id) => {
    const entry = Object.hasOwn(manifest.clips, id) ? manifest.clips[id] : undefined;
    return entry === undefined ? undefined : fileUrls[`./clips/${voice}/${entry.file}`];
  };
}
