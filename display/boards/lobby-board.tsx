import type { DisplaySnapshot } from '../../protocol/views.ts';
import { boardLayout } from '../board-layout.ts';
import { callKey } from '../board-state.ts';
import { useBoardText } from '../board-text.ts';
import { useScreenSize } from '../use-screen-size.ts';
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

/**
 * The wall board of the waiting hall, laid out for the screen it is on (see `board-layout.ts`):
 * the newest call featured, the calls before it, each working counter, and who waits where.
 */
export function LobbyBoard({ board, freshKey, timeZone, clockOffsetMs, notices }: LobbyBoardProps) {
  const { lang } = useBoardText();
  const screen = useScreenSize();
  const [featured, ...history] = board.calls;
  const featuredKey = featured ? callKey(featured) : 'none';
  const labels = [...board.calls.map((c) => c.label), ...board.counters.map((c) => c.currentLabel ?? '')];
  const layout = boardLayout({
    ...screen,
    labelChars: Math.max(0, ...labels.map((l) => l.length)),
    ticker: notices.length > 0,
  });
  const px = (n: number) => `${n}px`;
  const style = {
    '--header': px(layout.header),
    '--ticker': px(layout.ticker),
    '--pad': px(layout.pad),
    '--gap': px(layout.gap),
    '--digits': px(layout.digits),
    '--featured': px(layout.featured),
    '--text': px(layout.text),
    '--row': px(layout.row),
    '--column': px(layout.column),
    '--featured-height': px(layout.featuredHeight),
  };
  return (
    <div class={`lobby lobby--${layout.orientation}${notices.length > 0 ? ' lobby--ticker' : ''}`} style={style}>
      <BoardHeader centreName={board.centreName[lang]} timeZone={timeZone} clockOffsetMs={clockOffsetMs} />
      <div class="lobby__main">
        <FeaturedCall key={featuredKey} call={featured} fresh={featuredKey === freshKey} />
        <ServiceWaiting services={board.services} lines={layout.waitingLines} lineChars={layout.waitingLineChars} />
        <CallHistory calls={history.slice(0, layout.historyRows)} />
        <CounterGrid counters={board.counters} rows={layout.counterRows} />
      </div>
      {notices.length > 0 && <NoticeTicker notices={notices} />}
    </div>
  );
}
