import i18next, { type i18n } from 'i18next';

/** One namespace of one language, as read from `locales/<lang>/<ns>.json`. */
export type Bundle = Record<string, unknown>;
export type Lang = 'vi' | 'en';

/**
 * i18next over locale files an app globbed itself, keyed by path (`…/locales/vi/kiosk.json`),
 * keeping only the namespaces it names plus `errors` and `common`. An app that globs only its
 * own namespaces, e.g.
 * `import.meta.glob('../locales/*\/{kiosk,ticket,errors,common}.json', { eager: true, import: 'default' })`,
 * ships only those strings; `createI18n` globs every namespace of every app.
 */
export function i18nFromBundles(bundles: Record<string, Bundle>, namespaces: readonly string[], lang: Lang = 'vi'): i18n {
  const wanted = new Set(['errors', 'common', ...namespaces]);
  const resources: Record<string, Record<string, Bundle>> = { vi: {}, en: {} };
  for (const [path, bundle] of Object.entries(bundles)) {
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
