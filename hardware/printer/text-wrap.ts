/**
 * Greedy word wrap: as many words per line as `fits` allows; a word too long for a line on its
 * own is broken between characters. `fits` measures printed width (cells of the printer's font
 * in the line's encoding, or dots of the bundled font), never characters.
 */
export function wrapWords(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const ch of word) {
      if (line && !fits(line + ch)) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** What to fit: the text, a shorter form to fall back on, and an ending to keep whatever is cut. */
export interface FitRequest {
  text: string;
  short?: string;
  keep?: string;
  maxLines: number;
}

/**
 * The lines to print for a text that must take at most `maxLines` lines: the text if it fits,
 * else its short form, else as many of the short form's words (or characters) as fit followed
 * by `ellipsis` and `keep`. Never fails: a ticket is never refused for its content.
 */
export function fitText(request: FitRequest, fits: (line: string) => boolean, ellipsis: string): string[] {
  const keep = request.keep ?? '';
  const wrap = (s: string): string[] => wrapWords(s, fits);
  for (const candidate of [request.text, request.short]) {
    if (candidate === undefined) continue;
    const lines = wrap(candidate + keep);
    if (lines.length <= request.maxLines) return lines;
  }
  const base = request.short ?? request.text;
  const words = base.split(' ');
  const byWords = (n: number): string => words.slice(0, n).join(' ');
  const chars = [...base];
  const byChars = (n: number): string => chars.slice(0, n).join('');
  const fitting = (cut: (n: number) => string, limit: number): number => {
    // The largest prefix that still fits: fitting is monotone in the prefix length.
    let lo = 0;
    let hi = limit;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (wrap(cut(mid) + ellipsis + keep).length <= request.maxLines) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const n = fitting(byWords, words.length - 1);
  const prefix = n > 0 ? byWords(n) : byChars(fitting(byChars, chars.length - 1));
  return wrap(prefix.replace(/[\s,;:.–-]+$/, '') + ellipsis + keep).slice(0, request.maxLines);
}
