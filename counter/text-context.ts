import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TFunction } from 'i18next';
import type { Lang } from '../client/i18n.ts';
import type { Translated } from '../protocol/views.ts';

export interface Text {
  t: TFunction;
  lang: Lang;
}

/** The app's strings and language, provided once at the root. */
export const TextContext = createContext<Text | null>(null);

export function useText(): Text & { pick(name: Translated): string } {
  const text = useContext(TextContext);
  if (!text) throw new Error('useText outside TextContext');
  return { ...text, pick: (name) => name[text.lang] };
}
