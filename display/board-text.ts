/**
 * The board's language and translations, given to every component through context instead of
 * being passed down by hand. Every string a board shows comes from `locales/<lang>/display.json`.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TFunction } from 'i18next';
import type { Lang } from '../client/i18n.ts';

/** The translate function and the board's language (for the `Translated` names in snapshots). */
export interface BoardText {
  t: TFunction;
  lang: Lang;
}

export const BoardTextContext = createContext<BoardText | null>(null);

/** The board's {@link BoardText}; components are only rendered inside its provider. */
export function useBoardText(): BoardText {
  const text = useContext(BoardTextContext);
  if (text === null) throw new Error('useBoardText outside BoardTextContext');
  return text;
}
