/**
 * The recorded pack measured against the centre's settings: which clips the announcements need
 * (recording-list.ts), which are recorded, and whether a language is complete, which is what
 * lets boards use the pack. Boards and the recording page read the same answer.
 */
import { recordingList, type ClipToRecord, type NumbersInUse } from '../../protocol/voice/recording-list.ts';
import type { SiteConfig } from '../../protocol/site-config.ts';
import type { PackClip } from './voice-pack-store.ts';
import type { RecordedPackManifest, RecordedClipView, VoicePackStatus } from '../../protocol/voice/voice-pack.ts';

/** Where clip files are served; the name is the content hash, so the URL never goes stale. */
export const CLIP_URL_PREFIX = '/api/voice-pack/clips/';

/** The ticket numbers and counters the centre announces: every enabled service's prefix and range, every counter. */
export function numbersInUse(config: SiteConfig): NumbersInUse {
  return {
    tickets: config.services.filter((s) => s.enabled).map((s) => ({ prefix: s.prefix, from: s.numberStart, to: s.numberEnd })),
    counters: config.counters.map((c) => c.id),
  };
}

// Reading every number in use takes a while for wide ranges; the site store swaps in a new
// config object on every change, so the object is a safe key.
const lists = new WeakMap<SiteConfig, ClipToRecord[]>();

/** The clips `config`'s announcements need. */
export function neededClips(config: SiteConfig): ClipToRecord[] {
  let list = lists.get(config);
  if (list === undefined) {
    list = recordingList(config.centre.announcement, numbersInUse(config));
    lists.set(config, list);
  }
  return list;
}

function view(id: string, clip: PackClip): RecordedClipView {
  const { file, ...rest } = clip;
  return { id, url: CLIP_URL_PREFIX + file, ...rest };
}

/** The pack against `config`, for the recording page. */
export function voicePackStatus(config: SiteConfig, clips: Readonly<Record<string, PackClip>>, version: string): VoicePackStatus {
  const needed = neededClips(config);
  const recorded = (id: string) => (Object.hasOwn(clips, id) ? view(id, clips[id]!) : null);
  const neededIds = new Set(needed.map((clip) => clip.id));
  const missing = { vi: 0, en: 0 };
  for (const clip of needed) if (!Object.hasOwn(clips, clip.id)) missing[clip.language] += 1;
  const english = config.centre.announcement.english;
  return {
    version,
    clips: needed.map((clip) => ({ ...clip, recorded: recorded(clip.id) })),
    unused: Object.entries(clips)
      .filter(([id]) => !neededIds.has(id))
      .map(([id, clip]) => view(id, clip)),
    // An empty pack is complete for nothing, even where nothing is needed.
    complete: { vi: version !== '' && missing.vi === 0, en: version !== '' && english && missing.en === 0 },
    missing,
    english,
  };
}

/** What boards read: every clip's URL, and the languages they may use the pack for. */
export function voicePackManifest(config: SiteConfig, clips: Readonly<Record<string, PackClip>>, version: string): RecordedPackManifest {
  const { complete } = voicePackStatus(config, clips, version);
  return {
    version,
    complete,
    clips: Object.fromEntries(
      Object.entries(clips).map(([id, clip]) => [id, { url: CLIP_URL_PREFIX + clip.file, durationMs: clip.durationMs }]),
    ),
  };
}
