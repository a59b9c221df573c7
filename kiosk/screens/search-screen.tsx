import { useMemo } from 'preact/hooks';
import { useKiosk } from '../kiosk-context.ts';
import { OnScreenKeyboard } from '../parts/on-screen-keyboard.tsx';
import { ProcedureList } from '../parts/procedure-list.tsx';
import { searchCatalogue, type SearchIndex } from '../../client/search/catalogue-search.ts';

const shownHits = 40;

/** Search as the citizen types, on the on-screen keyboard or a real one. */
export function SearchScreen(props: { index: SearchIndex }) {
  const { t, session, dispatch } = useKiosk();
  const hits = useMemo(() => searchCatalogue(props.index, session.query, { limit: shownHits }), [props.index, session.query]);
  const setQuery = (query: string) => dispatch({ type: 'query', query });
  const typed = session.query.trim() !== '';
  return (
    <section class="screen search">
      <h1>{t('kiosk:search.heading')}</h1>
      <input
        class="search-input"
        type="search"
        // The kiosk brings its own keyboard; a system one would cover half the screen.
        inputMode="none"
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: the search screen exists to type into; the kiosk has no other focus target
        autoFocus
        aria-label={t('kiosk:search.heading')}
        placeholder={t('kiosk:home.search')}
        value={session.query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <div class="search-results" aria-live="polite">
        {!typed && <p class="hint">{t('kiosk:search.start')}</p>}
        {typed && hits.length === 0 && <p class="hint">{t('kiosk:search.none')}</p>}
        {typed && hits.length > 0 && (
          <>
            <p class="result-count">{t('kiosk:search.results', { count: hits.length })}</p>
            <ProcedureList procedures={hits.map((h) => h.procedure)} />
          </>
        )}
      </div>
      <OnScreenKeyboard value={session.query} onChange={setQuery} />
    </section>
  );
}
