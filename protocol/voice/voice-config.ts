/**
 * A centre's voice settings, as they arrive from the server (validated here because they cross
 * the socket boundary) and with the defaults the display uses when a field is missing.
 *
 * The dialect is the preset: the generated voice and the three number words follow it unless
 * a setting names them, so a southern centre that only picks "south" hears "lẻ" and "ngàn".
 */
import { describeIssue } from '../../protocol/schema-issues.ts';
import * as v from 'valibot';
import {
  DEFAULT_BRIEF_RECALL_TEMPLATE,
  DEFAULT_BRIEF_TEMPLATE,
  DEFAULT_ENGLISH_RECALL_TEMPLATE,
  DEFAULT_ENGLISH_TEMPLATE,
  DEFAULT_RECALL_TEMPLATE,
  DEFAULT_VIETNAMESE_TEMPLATE,
  parseTemplate,
} from './announcement-template.ts';
import { CLIP_VOICES, DIALECT_PRESETS, DIALECTS, dialectOfVoice } from './dialect.ts';

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

const fieldsSchema = v.object({
  /** Regional usage; sets the voice and the words below unless they are given. Defaults to the voice's dialect, else `'north'`. */
  dialect: v.optional(v.picklist(DIALECTS)),
  /** Generated clip set to play when no recorded voice pack is complete. Defaults to the dialect's. */
  voice: v.optional(v.picklist(CLIP_VOICES)),
  /** Word for a zero tens digit (105). Defaults to the dialect's (`'linh'` North, `'lẻ'` Centre and South). */
  zeroTens: v.optional(v.picklist(['linh', 'lẻ'])),
  /** Word for a thousand. Defaults to the dialect's (`'nghìn'` North, `'ngàn'` Centre and South). */
  thousand: v.optional(v.picklist(['nghìn', 'ngàn'])),
  /** Word for 4 after "mươi" (24). Defaults to the dialect's (`'bốn'` in the South, else `'tư'`). */
  fourAfterTens: v.optional(v.picklist(['tư', 'bốn'])),
  /** Vietnamese sentence of a first call. Defaults to {@link DEFAULT_VIETNAMESE_TEMPLATE}. */
  template: v.optional(templateSchema, DEFAULT_VIETNAMESE_TEMPLATE),
  /** Vietnamese sentence of a recall, worded apart so people know it is the second call. Defaults to {@link DEFAULT_RECALL_TEMPLATE}. */
  recallTemplate: v.optional(templateSchema, DEFAULT_RECALL_TEMPLATE),
  /** The short sentence said while announcements queue up. Defaults to {@link DEFAULT_BRIEF_TEMPLATE}. */
  briefTemplate: v.optional(templateSchema, DEFAULT_BRIEF_TEMPLATE),
  /** The short sentence of a recall. Defaults to {@link DEFAULT_BRIEF_RECALL_TEMPLATE}. */
  briefRecallTemplate: v.optional(templateSchema, DEFAULT_BRIEF_RECALL_TEMPLATE),
  /** Whether the English sentence follows the Vietnamese one (while announcements do not queue up). Defaults to `false`. */
  english: v.optional(v.boolean(), false),
  /** English sentence. Defaults to {@link DEFAULT_ENGLISH_TEMPLATE}. */
  englishTemplate: v.optional(templateSchema, DEFAULT_ENGLISH_TEMPLATE),
  /** English sentence of a recall. Defaults to {@link DEFAULT_ENGLISH_RECALL_TEMPLATE}. */
  englishRecallTemplate: v.optional(templateSchema, DEFAULT_ENGLISH_RECALL_TEMPLATE),
  /** Play the chime before an announcement (once per burst of back-to-back calls). Defaults to `true`. */
  chime: v.optional(v.boolean(), true),
  /** How many times the sentence is said while nothing else waits. Defaults to 1. */
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

/** Schema of {@link VoiceConfig}; every field is optional in the input and defaulted. */
export const voiceConfigSchema = v.pipe(
  fieldsSchema,
  v.transform((input) => {
    const dialect = input.dialect ?? (input.voice ? dialectOfVoice(input.voice) : 'north');
    const preset = DIALECT_PRESETS[dialect];
    return {
      ...input,
      dialect,
      voice: input.voice ?? preset.voice,
      zeroTens: input.zeroTens ?? preset.zeroTens,
      thousand: input.thousand ?? preset.thousand,
      fourAfterTens: input.fourAfterTens ?? preset.fourAfterTens,
    };
  }),
);

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
