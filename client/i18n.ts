import i18next, { type i18n } from 'i18next';

type Bundle = Record<string, unknown>;
const files = import.meta.glob<Bundle>('../locales/*/*.json', { eager: true, import: 'default' });

export type Lang = 'vi' | 'en';

/**
 * i18next for an app, with only the namespaces it names (plus `errors` and `common`), so a
 * bundle does not carry every app's strings. Vietnamese first; English where a user picks it.
 */
export function createI18n(namespaces: readonly string[], lang: Lang = 'vi'): i18n {
  const wanted = new Set(['errors', 'common', ...namespaces]);
  const resources: Record<string, Record<string, Bundle>> = { vi: {}, en: {} };
  for (const [path, bundle] of Object.entries(files)) {
    const m = /locales\/(vi|en)\/([\w-]+)\.json$/.exec(path);
    if (m && wanted.has(m[2]!)) resources[m[1]!]![m[2]!] = bundle;
  }
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: lang,
    fallbackLng: 'vi',
    ns: [...wanted],
    defaultNS: namespaces[0] ?? 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
