import { useBoardText } from '../board-text.ts';

/** "1/3" beside a list that turns its pages by itself; nothing when it has one page. */
export function PageMarker({ page, pages }: { page: number; pages: number }) {
  const { t } = useBoardText();
  if (pages <= 1) return null;
  return (
    <span class="page-marker" data-testid="page-marker">
      {t('page', { page, pages })}
    </span>
  );
}
