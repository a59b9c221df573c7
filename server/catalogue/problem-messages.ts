/**
 * Turns import problems into sentences in the operator's language, for the import CLI and the
 * admin app's server side. Reads the `catalogue` namespace straight from `locales/`.
 */
import { readFile } from 'node:fs/promises';
import i18next, { type TFunction } from 'i18next';
import type { ImportProblem } from './import-problem.ts';

export type CatalogueLanguage = 'vi' | 'en';

const LOCALES = new URL('../../locales/', import.meta.url);

/** A translator bound to the `catalogue` namespace; Vietnamese fills any gap in English. */
export async function catalogueTranslator(language: CatalogueLanguage): Promise<TFunction<'catalogue'>> {
  const load = async (lang: CatalogueLanguage) =>
    JSON.parse(await readFile(new URL(`${lang}/catalogue.json`, LOCALES), 'utf8')) as Record<string, unknown>;
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'vi',
    ns: ['catalogue'],
    defaultNS: 'catalogue',
    resources: { vi: { catalogue: await load('vi') }, en: { catalogue: await load('en') } },
    // Messages go to a terminal or into JSON, never into HTML unescaped, so HTML escaping would only garble "/" and quotes.
    interpolation: { escapeValue: false },
  });
  return instance.getFixedT(language, 'catalogue');
}

/** One problem as a sentence. */
export function problemMessage(t: TFunction<'catalogue'>, problem: ImportProblem): string {
  return t(problem.key, problem.params);
}
