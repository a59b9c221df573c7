/**
 * The centre's recorded voice pack as the admin's recording page and the boards see it: every
 * clip the announcements need and its recording, and the public manifest boards play from.
 */
import type { ClipId } from './clip-id.ts';

/** A clip of the recorded pack. */
export interface RecordedClipView {
  id: string;
  /** Where the file is served (public, immutable). */
  url: string;
  durationMs: number;
  /** Measured after trimming and levelling (BS.1770). */
  loudnessLufs: number;
  peakDb: number;
  /** Gain applied to reach the pack's loudness, and silence cut from the ends. */
  gainDb: number;
  trimmedMs: number;
  recordedAt: number;
}

/** The recorded pack against the centre's settings, for the recording page. */
export interface VoicePackStatus {
  version: string;
  /** Every clip the settings and numbers in use need, in recording order, and its recording if any. */
  clips: Array<{
    id: string;
    language: 'vi' | 'en';
    text: string;
    group: 'phrase' | 'letter' | 'number';
    recorded: RecordedClipView | null;
  }>;
  /** Recordings no setting needs any more (kept, in case the settings change back). */
  unused: RecordedClipView[];
  /** Per language: whether everything is recorded (boards then use the pack), and how much is missing. */
  complete: { vi: boolean; en: boolean };
  missing: { vi: number; en: number };
  /** Whether the English sentence is on (its clips are asked for only then). */
  english: boolean;
}

/** The public manifest of a recorded pack (`GET /api/voice-pack/manifest`). */
export interface RecordedPackManifest {
  /** Changes with every clip recorded, replaced or removed. */
  version: string;
  /** The languages whose clips are all recorded for the centre's settings: boards use the pack for those. */
  complete: { vi: boolean; en: boolean };
  /** Clip id → file URL (immutable: a new recording gets a new URL). */
  clips: Record<ClipId, { url: string; durationMs: number }>;
}
