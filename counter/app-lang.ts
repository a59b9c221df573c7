import type { Lang } from '../client/i18n.ts';

const key = 'motcua.counter.lang';

/** The language a person picked on this machine; Vietnamese unless English was chosen. */
export function storedLang(): Lang {
  try {
    return localStorage.getItem(key) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Keeps the choice and reloads, so the connection and every string switch together. */
export function switchLang(lang: Lang): void {
  localStorage.setItem(key, lang);
  location.reload();
}
