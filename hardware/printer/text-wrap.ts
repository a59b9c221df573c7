/**
 * Greedy word wrap: as many words per line as `fits` allows; a word too long for a line on its
 * own is broken between characters. Used for both native columns and measured raster width.
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

/** Wrap to a number of character columns (native printer font). */
export function wrapColumns(text: string, columns: number): string[] {
  return wrapWords(text.normalize('NFC'), (line) => [...line].length <= columns);
}
