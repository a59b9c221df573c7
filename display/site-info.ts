/**
 * The few centre settings a board needs beyond its snapshot: the time zone for the clock and
 * the centre's notices for the ticker, from the public `/api/site`.
 */
import * as v from 'valibot';
import { api } from '../client/stored-token.ts';

/** What the board reads from `/api/site`. */
export interface SiteInfo {
  timeZone: string;
  notices: string[];
}

const SiteInfoSchema = v.object({
  centre: v.object({
    timeZone: v.pipe(v.string(), v.minLength(1)),
    notices: v.optional(v.array(v.pipe(v.string(), v.trim(), v.minLength(1))), []),
  }),
});

/** Loads the site info; `null` when the server cannot be reached or answers something unusable. */
export async function loadSiteInfo(lang: string): Promise<SiteInfo | null> {
  const result = await api<unknown>('GET', '/api/site', undefined, null, lang);
  if (!result.ok) return null;
  const parsed = v.safeParse(SiteInfoSchema, result.value);
  return parsed.success ? { timeZone: parsed.output.centre.timeZone, notices: parsed.output.centre.notices } : null;
}
