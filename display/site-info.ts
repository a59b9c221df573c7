/**
 * The centre settings a board needs beyond its snapshot, from the public `/api/site`: the time
 * zone for the clock, the centre's notices for the ticker, and how calls are announced.
 */
import * as v from 'valibot';
import { api } from '../client/stored-token.ts';
import { parseVoiceConfig, type VoiceConfig } from '../protocol/voice/voice-config.ts';

/** What the board reads from `/api/site`. */
export interface SiteInfo {
  timeZone: string;
  notices: string[];
  /** `null` when the server sent none or settings this display cannot use (it keeps its own). */
  announcement: VoiceConfig | null;
  /** The config fingerprint these settings belong to (compare with DisplaySnapshot.configVersion). */
  configVersion: string | null;
}

const SiteInfoSchema = v.object({
  centre: v.object({
    timeZone: v.pipe(v.string(), v.minLength(1)),
    notices: v.optional(v.array(v.pipe(v.string(), v.trim(), v.minLength(1))), []),
  }),
  announcement: v.optional(v.unknown()),
  configVersion: v.optional(v.string()),
});

/** Loads the site info; `null` when the server cannot be reached or answers something unusable. */
export async function loadSiteInfo(lang: string): Promise<SiteInfo | null> {
  const result = await api<unknown>('GET', '/api/site', undefined, null, lang);
  if (!result.ok) return null;
  const parsed = v.safeParse(SiteInfoSchema, result.value);
  if (!parsed.success) return null;
  const { centre, announcement, configVersion } = parsed.output;
  const voice = announcement === undefined ? null : parseVoiceConfig(announcement);
  return {
    timeZone: centre.timeZone,
    notices: centre.notices,
    announcement: voice?.ok ? voice.value : null,
    configVersion: configVersion ?? null,
  };
}
