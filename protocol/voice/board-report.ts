/**
 * What a board reports about its sound (`display:voice`), and how the admin's health page
 * lists each board.
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
