/**
 * The centre settings a board needs beyond its snapshot, from the public `/api/site`: the time
 * zone for the clock, the centre's notices for the ticker, how calls are announced, and whether
 * the centre's recorded voice pack is ready (then its manifest, from `/api/voice-pack/manifest`).
 */
import { request } from '../client/http-api.ts';
import { parseVoiceConfig, type VoiceConfig } from '../protocol/voice/voice-config.ts';
import type { RecordedPackManifest } from '../protocol/voice/voice-pack.ts';

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

/** Loads the site info; `null` when the server cannot be reached. */
export async function loadSiteInfo(lang: string): Promise<SiteInfo | null> {
  const result = await request({ lang }, 'site');
  if (!result.ok) return null;
  const { centre, announcement, voicePack, configVersion } = result.value;
  // A board still running an older build may not understand newer settings: it keeps its own.
  const voice = parseVoiceConfig(announcement);
  const usable = voicePack !== null && (voicePack.complete.vi || voicePack.complete.en);
  return {
    timeZone: centre.timeZone,
    notices: centre.notices,
    announcement: voice.ok ? voice.value : null,
    voicePack: usable ? await loadVoicePack(lang) : null,
    configVersion,
  };
}

/** The recorded pack's manifest; `null` (the generated voice) when it cannot be had. */
async function loadVoicePack(lang: string): Promise<RecordedPackManifest | null> {
  const result = await request({ lang }, 'voicePackManifest');
  return result.ok ? result.value : null;
}
