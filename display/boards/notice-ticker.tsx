/** Props of {@link NoticeTicker}. */
export interface NoticeTickerProps {
  notices: readonly string[];
}

/** Seconds per character: slow enough to read from across the hall. */
const SECONDS_PER_CHAR = 0.22;

/** The centre's notices scrolling along the bottom of the board. */
export function NoticeTicker({ notices }: NoticeTickerProps) {
  const text = notices.join('   •   ');
  const seconds = Math.max(20, text.length * SECONDS_PER_CHAR);
  return (
    <footer class="ticker" data-testid="ticker">
      <p class="ticker__text" style={{ animationDuration: `${seconds}s` }}>
        {text}
      </p>
    </footer>
  );
}
