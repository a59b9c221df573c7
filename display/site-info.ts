/**
 * The centre settings a board needs beyond its snapshot, from the public `/api/site`: the time
 * zone for the clock, the centre's notices for the ticker, and how calls are announced.
 */
import { request } from '../client/http-api.ts';
import { parseVoiceConfig, type VoiceConfig } from '../protocol/voice/voice-config.ts';

/** What the board takes from `/api/site` (`SiteInfoView`). */
export interface SiteInfo {
  timeZone: string;
  notices: string[];
  /** `null` when the server sent none or settings this display cannot use (it keeps its own). */
  announcement: VoiceConfig | null;
  /** The config fingerprint these settings belong to (compare with DisplaySnapshot.configVersion). */
  configVersion: string | null;
}

/** Loads the site info; `null` when the server cannot be reached. */
export async function loadSiteInfo(lang: string): Promise<SiteInfo | null> {
  const result = await request({ lang }, 'site');
  if (!result.ok) return null;
  const { centre, announcement, configVersion } = result.value;
  // A board still running an older build may not understand newer settings: it keeps its own.
  const voice = parseVoiceConfig(announcement);
  return {
    timeZone: centre.timeZone,
    notices: centre.notices,
    announcement: voice.ok ? voice.value : null,
    configVersion,
  };
}
