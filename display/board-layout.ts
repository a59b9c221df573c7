/**
 * The lobby board's geometry for one screen: sizes in pixels, chosen so that nothing overlaps
 * or is clipped at any size from 1280×720 to 3840×2160 and in portrait, and so that ticket
 * digits stay large (on a 1080p board at least 100 px of glyph height, ux.md). Digits are what
 * must be read from across the hall; lists that do not fit are paged rather than shrunk.
 *
 * Pure arithmetic on the app's own font (Noto Sans Bold, self-hosted): its digits are 0.572 em
 * wide and 0.714–0.735 em tall, capitals up to 0.6 em wide for the letters of prefixes.
 */

/** What the layout depends on. */
export interface BoardScreen {
  width: number;
  height: number;
  /** Longest ticket label on the board (characters), at least 4. */
  labelChars: number;
  /** Whether the notice ticker runs along the bottom. */
  ticker: boolean;
}

/** Pixel sizes for the board's CSS, and how many rows each list shows per page. */
export interface BoardLayout {
  orientation: 'landscape' | 'portrait';
  header: number;
  ticker: number;
  pad: number;
  gap: number;
  /** Font size of history and counter-grid ticket numbers. */
  digits: number;
  /** Font size of the featured ticket number. */
  featured: number;
  /** Font size of body text (titles, names, notes). */
  text: number;
  /** Height of one history or counter row. */
  row: number;
  /** Width of the history and the counter column (landscape) or of each half (portrait). */
  column: number;
  historyRows: number;
  counterRows: number;
  /** Lines of the waiting list that fit on one page; a long service name wraps onto more than one. */
  waitingLines: number;
  /** Characters of a service name that fit on one line of the waiting list. */
  waitingLineChars: number;
  featuredHeight: number;
}

/** Width of one character of a ticket number, in em (digits 0.572, most capitals less than 0.6). */
const charEm = 0.6;
/** The counter number beside a ticket number, relative to it (still ≥ 60 px on a 1080p board). */
const counterScale = 0.6;
/** A row: the ticket number, a two-digit counter number and the space between, in em of the digits. */
const rowEm = (chars: number) => charEm * chars + charEm * counterScale * 2 + 0.4;
/** Row height over the digits' font size: the glyphs (0.735 em), a little air, the rule between rows. */
const rowLines = 1.05;
/** The featured number is this much larger than the others. */
const featuredScale = 1.3;
/** Digits as a share of the screen's height: 142 px at 1080 rows, 101 px of glyph. */
const digitsOfHeight = 0.132;
/** Average width of a character of body text, in em, generous for Vietnamese capitals and diacritics. */
const textCharEm = 0.56;
/** One line of the waiting list, over the text size. */
const waitingLineEm = 1.25;
/** Room beside a name for its count ("120 người"), in em. */
const countEm = 6;

export function boardLayout(screen: BoardScreen): BoardLayout {
  const { width: w, height: h } = screen;
  const chars = Math.max(4, screen.labelChars);
  const portrait = h > w;
  const header = Math.round(0.07 * Math.min(h, w));
  const ticker = screen.ticker ? Math.round(0.055 * Math.min(h, w)) : 0;
  const pad = Math.round(0.01 * Math.min(w, h));
  const gap = pad;
  const text = Math.round(0.026 * Math.min(h, w));
  const title = Math.ceil(text * 1.3);
  const main = h - header - ticker - 2 * pad;
  const rowsIn = (height: number, row: number) => Math.max(1, Math.floor((height - title - 2 * pad) / row));
  const featuredHeightOf = (featured: number) => Math.ceil(featured * 1.02 + featured * counterScale * 1.05 + text * 1.4 + 3 * pad);
  if (!portrait) {
    // Columns: featured and waiting | history | counters. The width decides how large digits can be.
    const fromWidth = (w - 4 * pad - 2 * gap - 6 * pad) / (featuredScale * charEm * chars + 2 * rowEm(chars));
    const digits = Math.floor(Math.min(fromWidth, digitsOfHeight * h));
    const row = Math.ceil(digits * rowLines) + 1;
    const featured = Math.floor(digits * featuredScale);
    const featuredHeight = featuredHeightOf(featured);
    const column = Math.ceil(digits * rowEm(chars) + 2 * pad);
    const left = w - 2 * pad - 2 * gap - 2 * column;
    return {
      orientation: 'landscape',
      header,
      ticker,
      pad,
      gap,
      digits,
      featured,
      text,
      row,
      column,
      historyRows: rowsIn(main, row),
      counterRows: rowsIn(main, row),
      ...waitingList(main - featuredHeight - gap - title - 2 * pad, left - 2 * pad, text),
      featuredHeight,
    };
  }
  // Portrait: featured across the top, history and counters side by side, waiting at the bottom.
  const half = Math.floor((w - 2 * pad - gap) / 2);
  const digits = Math.floor(Math.min((half - 2 * pad) / rowEm(chars), 0.075 * h));
  const row = Math.ceil(digits * rowLines) + 1;
  const featured = Math.floor(Math.min((w - 6 * pad) / (charEm * chars), 0.12 * h));
  const featuredHeight = featuredHeightOf(featured);
  const waitingHeight = title + 2 * pad + Math.ceil(6 * waitingLineEm * text);
  const lists = main - featuredHeight - waitingHeight - 2 * gap;
  return {
    orientation: 'portrait',
    header,
    ticker,
    pad,
    gap,
    digits,
    featured,
    text,
    row,
    column: half,
    historyRows: rowsIn(lists, row),
    counterRows: rowsIn(lists, row),
    ...waitingList(waitingHeight - title - 2 * pad, w - 4 * pad, text),
    featuredHeight,
  };
}

function waitingList(height: number, width: number, text: number): Pick<BoardLayout, 'waitingLines' | 'waitingLineChars'> {
  return {
    // Each row also has its 1 px rule.
    waitingLines: Math.max(1, Math.floor(height / (waitingLineEm * text + 1))),
    waitingLineChars: Math.max(8, Math.floor((width - countEm * text) / (textCharEm * text))),
  };
}

/** Lines a service's row takes on the waiting list: its name wraps, never cut off, plus the row's padding. */
export function waitingLinesOf(name: string, lineChars: number): number {
  return Math.max(1, Math.ceil(name.length / lineChars)) + rowPaddingLines;
}

/** A waiting row's padding (0.15 em above and below), in lines of 1.25 em. */
const rowPaddingLines = 0.25;

/** Items packed into pages of at most `lines` lines each (an item taller than a page gets one to itself). */
export function pagesByLines<T>(items: readonly T[], linesOf: (item: T) => number, lines: number): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of items) {
    const n = linesOf(item);
    if (page.length > 0 && used + n > lines) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += n;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
