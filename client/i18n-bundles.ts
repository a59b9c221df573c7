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
    const m = bundlePath(path);
    if (m && wanted.has(m.ns)) resources[m.lang]![m.ns] = bundle;
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

function bundlePath(path: string): { lang: Lang; ns: string } | null {
  const m = /locales\/(vi|en)\/([\w-]+)\.json$/.exec(path);
  return m ? { lang: m[1] as Lang, ns: m[2]! } : null;
}

/**
 * Adds bundles an app globbed lazily (`import.meta.glob` without `eager`), e.g. a kiosk's
 * English strings: its first screen is Vietnamese and need not wait for them. Until they are
 * in, i18next falls back to Vietnamese; once they are, a page already in that language is
 * worded again.
 */
export async function addLazyBundles(instance: i18n, loaders: Record<string, () => Promise<Bundle>>): Promise<void> {
  const added = await Promise.all(
    Object.entries(loaders).map(async ([path, load]) => {
      const m = bundlePath(path);
      if (m) instance.addResourceBundle(m.lang, m.ns, await load(), true, true);
      return m?.lang;
    }),
  );
  if (added.includes(instance.language as Lang)) await instance.changeLanguage(instance.language);
}
