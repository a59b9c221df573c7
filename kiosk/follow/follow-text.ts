/**
 * The follow page's words. It loads on a phone over the centre's Wi-Fi, so it carries its one
 * namespace in both languages and fills `{{placeholders}}` itself instead of bundling i18next.
 */
import en from '../../locales/en/follow.json';
import vi from '../../locales/vi/follow.json';

export type FollowLang = 'vi' | 'en';
export type FollowKey = keyof typeof vi;
export type FollowText = (key: FollowKey, params?: Record<string, string | number>) => string;

const words: Record<FollowLang, Record<FollowKey, string>> = { vi, en };

/** The words of one language, with `{{name}}` filled from `params`. */
export function followText(lang: FollowLang): FollowText {
  return (key, params) => words[lang][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params?.[name] ?? ''));
}

/** Vietnamese unless the phone asks for English. */
export function phoneLang(languages: readonly string[]): FollowLang {
  const first = languages[0]?.toLowerCase() ?? 'vi';
  return first.startsWith('en') ? 'en' : 'vi';
}
