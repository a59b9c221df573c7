import { DateClock } from './date-clock.tsx';

/** Props of {@link BoardHeader}. */
export interface BoardHeaderProps {
  centreName: string;
  timeZone: string;
  clockOffsetMs: number;
}

/** The centre's name, the date and the clock across the top of a board. */
export function BoardHeader({ centreName, timeZone, clockOffsetMs }: BoardHeaderProps) {
  return (
    <header class="board-header">
      <h1 class="board-header__centre">{centreName}</h1>
      <DateClock timeZone={timeZone} offsetMs={clockOffsetMs} />
    </header>
  );
}
