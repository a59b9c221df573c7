import { describeIssue } from '../../protocol/schema-issues.ts';
import * as v from 'valibot';
import type { ResultError } from '../../protocol/result.ts';
import type { Refusal } from '../core/decision.ts';
import type { Lang, Translator } from '../i18n.ts';
import { StoreError } from '../store/store-error.ts';

const withDate = new Set(['service_closed', 'after_cutoff', 'quota_reached']);

/** Turns a code and its params into a translated error Result; epoch params get readable text. */
export function failure(translator: Translator, lang: Lang, refusal: Refusal, timeZone: string): { ok: false; error: ResultError } {
  const params: Record<string, string | number> = { ...refusal.params };
  let key = refusal.code;
  if (key === 'store_unavailable') {
    params.problemText = translator.message(lang, `storeProblem.${typeof params.problem === 'string' ? params.problem : 'write_failed'}`);
  }
  // A wait of a quarter of an hour reads better in minutes than as 900 seconds.
  if (typeof params.seconds === 'number') {
    const s = params.seconds;
    params.waitText =
      s >= 90 ? translator.message(lang, 'waitMinutes', { n: Math.ceil(s / 60) }) : translator.message(lang, 'waitSeconds', { n: s });
  }
  if (withDate.has(key)) {
    if (typeof params.reopensAt === 'number') params.reopensAtText = formatWhen(params.reopensAt, lang, timeZone);
    else key = `${key}_no_date`;
  }
  const message = translator.message(lang, key, params);
  return { ok: false, error: Object.keys(params).length ? { code: refusal.code, message, params } : { code: refusal.code, message } };
}

/** "07:00 Thứ Hai, 23/11/2026" in the centre's time zone. */
export function formatWhen(epochMs: number, lang: Lang, timeZone: string): string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(epochMs);
  const date = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    epochMs,
  );
  return `${time} ${date}`;
}

/**
 * The refusal for an error nobody planned for: a fault of the disk is `store_unavailable` with
 * its problem, anything else is a fault of the server itself, `internal_error` (issue 12: every
 * bug used to reach clerks and kiosks as "the system cannot save data").
 */
export function unexpectedRefusal(e: unknown): Refusal {
  return e instanceof StoreError ? { code: 'store_unavailable', params: { problem: e.problem } } : { code: 'internal_error' };
}

/** Parses an untrusted payload; the error names the first bad field and why. */
export function parsePayload<S extends v.GenericSchema>(
  schema: S,
  payload: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; refusal: Refusal } {
  const r = v.safeParse(schema, payload);
  if (r.success) return { ok: true, value: r.output };
  return { ok: false, refusal: { code: 'invalid_payload', params: { detail: describeIssue(r.issues[0]) } } };
}
