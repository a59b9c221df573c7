/**
 * The centre settings a board needs beyond its snapshot, from the public `/api/site`: the time
 * zone for the clock, the centre's notices for the ticker, how calls are announced, and whether
 * the centre's recorded voice pack is ready (then its manifest, from `/api/voice-pack/manifest`).
 */
import * as v from 'valibot';
import { api } from '../client/stored-token.ts';
import { parseVoiceConfig, type VoiceConfig } from '../protocol/voice/voice-config.ts';
import { recordedPackManifestSchema, type RecordedPackManifest } from '../protocol/voice/voice-pack.ts';

/** What the board takes from `/api/site` (`SiteInfoView`). */
export interface SiteInfo {
  timeZone: string;
  notices: string[];
  /** `null` when the server sent none or settings this display cannot use (it keeps its own). */
  announcement: VoiceConfig | null;
  /** The recorded pack, when it is complete for some language; `null` while boards use the generated voice. */
  voicePack: RecordedPackManifest | null;
  /** The config fingerprint these settings belong to (compare with DisplaySnapshot.configVersion). */
  configVersion: string | null;
}

const SiteInfoSchema = v.object({
  centre: v.object({
    timeZone: v.pipe(v.string(), v.minLength(1)),
    notices: v.optional(v.array(v.pipe(v.string(), v.trim(), v.minLength(1))), []),
  }),
  announcement: v.optional(v.unknown()),
  voicePack: v.optional(v.nullable(v.object({ version: v.string(), complete: v.object({ vi: v.boolean(), en: v.boolean() }) })), null),
  configVersion: v.optional(v.string()),
});

/** Loads the site info; `null` when the server cannot be reached or answers something unusable. */
export async function loadSiteInfo(lang: string): Promise<SiteInfo | null> {
  const result = await request({ lang }, 'site');
  if (!result.ok) return null;
  const parsed = v.safeParse(SiteInfoSchema, result.value);
  if (!parsed.success) return null;
  const { centre, announcement, voicePack, configVersion } = parsed.output;
  const voice = announcement === undefined ? null : parseVoiceConfig(announcement);
  const usable = voicePack !== null && (voicePack.complete.vi || voicePack.complete.en);
  return {
    timeZone: centre.timeZone,
    notices: centre.notices,
    announcement: voice?.ok ? voice.value : null,
    voicePack: usable ? await loadVoicePack(lang) : null,
    configVersion: configVersion ?? null,
  };
}

/** The recorded pack's manifest; `null` (the generated voice) when it cannot be had. */
async function loadVoicePack(lang: string): Promise<RecordedPackManifest | null> {
  const result = await api<unknown>('GET', '/api/voice-pack/manifest', undefined, null, lang);
  if (!result.ok) return null;
  const parsed = v.safeParse(recordedPackManifestSchema, result.value);
  return parsed.success ? parsed.output : null;
}
