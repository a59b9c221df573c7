import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type Resource } from 'i18next';

export type Lang = 'vi' | 'en';
export const languages: readonly Lang[] = ['vi', 'en'];

/** Reads every namespace file of `locales/<lang>/`. */
export function loadResources(localesDir: string): Resource {
  const resources: Resource = {};
  for (const lang of languages) {
    resources[lang] = {};
    for (const file of readdirSync(join(localesDir, lang)).filter((f) => f.endsWith('.json'))) {
      resources[lang]![file.slice(0, -5)] = JSON.parse(readFileSync(join(localesDir, lang, file), 'utf8'));
    }
  }
  return resources;
}

export interface Translator {
  /** The message for an error code (an i18next key, `errors` namespace by default). */
  message(lang: Lang, code: string, params?: Record<string, string | number>): string;
  t(lang: Lang, key: string, params?: Record<string, string | number>): string;
}

export function createTranslator(resources: Resource): Translator {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources,
    lng: 'vi',
    fallbackLng: 'vi',
    supportedLngs: [...languages],
    ns: Object.keys(resources.vi ?? {}),
    defaultNS: 'errors',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const t = (lang: Lang, key: string, params?: Record<string, string | number>) => instance.t(key, { lng: lang, ...params });
  return { t, message: t };
}

/** Picks a supported language from a hint (`en-US`, `vi`, an Accept-Language header). */
export function pickLang(hint: unknown): Lang {
  return typeof hint === 'string' && /^\s*en\b/i.test(hint) ? 'en' : 'vi';
}
