import type { DisplaySnapshot } from '../../protocol/views.ts';
import { BOARD_HISTORY, callKey } from '../board-state.ts';
import { useBoardText } from '../board-text.ts';
import { BoardHeader } from './board-header.tsx';
import { CallHistory } from './call-history.tsx';
import { CounterGrid } from './counter-grid.tsx';
import { FeaturedCall } from './featured-call.tsx';
import { NoticeTicker } from './notice-ticker.tsx';
import { ServiceWaiting } from './service-waiting.tsx';

/** Props of {@link LobbyBoard}. */
export interface LobbyBoardProps {
  board: DisplaySnapshot;
  /** Key of the call that just arrived, highlighted while featured. */
  freshKey: string | null;
  timeZone: string;
  clockOffsetMs: number;
  notices: readonly string[];
}

/** The wall board of the waiting hall (1920×1080 and up; sized in viewport units). */
export function LobbyBoard({ board, freshKey, timeZone, clockOffsetMs, notices }: LobbyBoardProps) {
  const { lang } = useBoardText();
  const [featured, ...history] = board.calls;
  const featuredKey = featured ? callKey(featured) : 'none';
  return (
    <div class={`lobby${notices.length > 0 ? ' lobby--ticker' : ''}`}>
      <BoardHeader centreName={board.centreName[lang]} timeZone={timeZone} clockOffsetMs={clockOffsetMs} />
      <div class="lobby__main">
        <div class="lobby__left">
          <FeaturedCall key={featuredKey} call={featured} fresh={featuredKey === freshKey} />
          <ServiceWaiting services={board.services} />
        </div>
        <CallHistory calls={history.slice(0, BOARD_HISTORY - 2)} />
        <CounterGrid counters={board.counters} />
      </div>
      {notices.length > 0 && <NoticeTicker notices={notices} />}
    </div>
  );
}
