import type { DisplaySnapshot } from '../../protocol/views.ts';
import { useBoardText } from '../board-text.ts';
import { pagesByLines, waitingLinesOf } from '../board-layout.ts';
import { usePages } from '../use-pages.ts';
import { PageMarker } from './page-marker.tsx';

/** Props of {@link ServiceWaiting}. */
export interface ServiceWaitingProps {
  services: DisplaySnapshot['services'];
  /** Lines that fit on a page, and characters on a line: more services are shown page by page. */
  lines: number;
  lineChars: number;
}

/** How many people wait for each service, so a newcomer sees how busy the centre is. */
export function ServiceWaiting({ services, lines, lineChars }: ServiceWaitingProps) {
  const { t, lang } = useBoardText();
  const { shown, page, pages } = usePages(pagesByLines(services, (s) => waitingLinesOf(s.name[lang], lineChars), lines));
  return (
    <section class="waiting panel" aria-labelledby="waiting-title">
      <h2 id="waiting-title" class="panel-title">
        <span>{t('services.title')}</span>
        <PageMarker page={page} pages={pages} />
      </h2>
      <ul class="waiting__list" data-testid="waiting">
        {shown.map((s) => (
          <li key={s.id} class="waiting__row" data-service={s.id}>
            <span class="waiting__name">{s.name[lang]}</span>
            <span class="waiting__count">{t('services.waiting', { count: s.waiting })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
