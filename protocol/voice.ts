/**
 * The contract of the boards' voice beyond the announcement settings: what a board reports
 * about its sound (for the admin's health page), and the centre's recorded voice pack as the
 * admin's recording page and the boards see it.
 */
import * as v from 'valibot';

/**
 * A board's sound: `on` plays; `blocked` waits for a tap (browser autoplay policy); `failing`
 * could not play its last announcement; `unavailable` has no audio output; `off` does not speak
 * (`?voice=off`, counter-top boards).
 */
export const BOARD_SOUNDS = ['on', 'blocked', 'failing', 'unavailable', 'off'] as const;
export type BoardSound = (typeof BOARD_SOUNDS)[number];

const Code = v.pipe(v.string(), v.regex(/^[a-z]+:[a-z_.]+$/), v.maxLength(60));
const Short = v.pipe(v.string(), v.maxLength(300));

/** `display:voice`: a board's report about its voice, sent on every change. */
export const BoardVoiceReportPayload = v.strictObject({
  /** Stable per screen (kept in the board's storage), so a reload is the same board. */
  board: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,40}$/)),
  /** The board's address: path and query, e.g. `/display/?services=land`. */
  page: v.pipe(v.string(), v.startsWith('/display'), v.maxLength(300)),
  sound: v.picklist(BOARD_SOUNDS),
  /** The clip set of the last announcement: `recorded` or a generated voice. */
  voice: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  announced: v.pipe(v.number(), v.integer(), v.minValue(0)),
  lastAnnouncedAt: v.nullable(v.number()),
  /** What the board worked around lately, newest last (codes under `voice:problem.`). */
  problems: v.pipe(
    v.array(v.strictObject({ code: Code, detail: Short, count: v.pipe(v.number(), v.integer(), v.minValue(1)), lastAt: v.number() })),
    v.maxLength(10),
  ),
});
export type BoardVoiceReport = v.InferOutput<typeof BoardVoiceReportPayload>;

/** A board as the admin's health page lists it. */
export interface BoardHealthView extends BoardVoiceReport {
  /** The paired display's name, or `null` for an unpaired board. */
  deviceName: string | null;
  connectedAt: number;
  reportedAt: number;
}

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
