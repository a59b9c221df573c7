import type { i18n } from 'i18next';
import { i18nFromBundles, type Bundle, type Lang } from './i18n-bundles.ts';

export type { Lang };

const files = import.meta.glob<Bundle>('../locales/*/*.json', { eager: true, import: 'default' });

/**
 * i18next for an app, with only the namespaces it names (plus `errors` and `common`).
 * Vietnamese first; English where a user picks it. The glob above still puts every app's
 * locale files into the bundle; an app that must stay small globs its own namespaces and
 * calls {@link i18nFromBundles}.
 */
export function createI18n(namespaces: readonly string[], lang: Lang = 'vi'): i18n {
  return i18nFromBundles(files, namespaces, lang);
}
