/**
 * A centre's voice settings, as they arrive from the server (validated here because they cross
 * the socket boundary) and with the defaults the display uses when a field is missing.
 */
import { describeIssue } from '../../protocol/schema-issues.ts';
import * as v from 'valibot';
import { DEFAULT_ENGLISH_TEMPLATE, DEFAULT_VIETNAMESE_TEMPLATE, parseTemplate } from './announcement-template.ts';

/** The espeak-ng voices clips are generated for; each has its own folder under `clips/`. */
export const CLIP_VOICES = ['vi', 'vi-vn-x-central', 'vi-vn-x-south'] as const;

/** One of {@link CLIP_VOICES}. */
export type ClipVoice = (typeof CLIP_VOICES)[number];

const templateSchema = v.pipe(
  v.string(),
  v.check((template) => {
    try {
      parseTemplate(template);
      return true;
    } catch {
      return false;
    }
  }, 'voice:config.bad_template'),
);

/** Schema of {@link VoiceConfig}; every field is optional in the input and defaulted. */
export const voiceConfigSchema = v.object({
  /** Clip set to play. Defaults to `'vi'` (Northern). */
  voice: v.optional(v.picklist(CLIP_VOICES), 'vi'),
  /** Word for a zero tens digit (105). Defaults to `'linh'`. */
  zeroTens: v.optional(v.picklist(['linh', 'lẻ']), 'linh'),
  /** Word for a thousand. Defaults to `'nghìn'`. */
  thousand: v.optional(v.picklist(['nghìn', 'ngàn']), 'nghìn'),
  /** Word for 4 after "mươi" (24). Defaults to `'tư'`. */
  fourAfterTens: v.optional(v.picklist(['tư', 'bốn']), 'tư'),
  /** Vietnamese sentence. Defaults to {@link DEFAULT_VIETNAMESE_TEMPLATE}. */
  template: v.optional(templateSchema, DEFAULT_VIETNAMESE_TEMPLATE),
  /** Whether the English sentence follows the Vietnamese one. Defaults to `false`. */
  english: v.optional(v.boolean(), false),
  /** English sentence. Defaults to {@link DEFAULT_ENGLISH_TEMPLATE}. */
  englishTemplate: v.optional(templateSchema, DEFAULT_ENGLISH_TEMPLATE),
  /** Play the chime before the sentence. Defaults to `true`. */
  chime: v.optional(v.boolean(), true),
  /** How many times the sentence is said. Defaults to 1. */
  repeat: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)), 1),
  /** Silence between repeats, in milliseconds. Defaults to 700. */
  repeatPauseMs: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(10_000)), 700),
  /** Output volume from 0 to 1. Defaults to 1. */
  volume: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), 1),
  /**
   * Use the system's Vietnamese voice (speechSynthesis) instead of the clips, when one exists.
   * Defaults to `false`: clips sound the same on every display.
   */
  preferSystemVoice: v.optional(v.boolean(), false),
});

/** Voice settings with every default applied. */
export type VoiceConfig = v.InferOutput<typeof voiceConfigSchema>;

/** The settings a display uses when the centre has set nothing. */
export const DEFAULT_VOICE_CONFIG: Readonly<VoiceConfig> = Object.freeze(v.parse(voiceConfigSchema, {}));

/**
 * Validates settings from the server. On failure the result carries i18n-ready issue messages
 * and the display should keep its previous settings.
 */
export function parseVoiceConfig(input: unknown): { ok: true; value: VoiceConfig } | { ok: false; issues: string[] } {
  const result = v.safeParse(voiceConfigSchema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, issues: result.issues.map(describeIssue) };
}
