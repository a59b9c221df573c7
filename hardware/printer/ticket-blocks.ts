import type { Align } from './escpos-commands.ts';
import type { TicketLayout } from './ticket-layout.ts';
import { compactDossier, paperQualifier, shortPaperName } from './ticket-papers.ts';
import { fillWords, type TicketWords } from './ticket-words.ts';
import { waitText } from '../../protocol/wait-text.ts';

/** Typographic role of a text line; each mode maps it to sizes (see {@link TEXT_STYLES}). */
export type TextStyle = 'heading' | 'label' | 'service' | 'body' | 'small' | 'smallLabel';

/** How a style prints: native bold and multipliers, and the pixel size when drawn as raster. */
export interface StyleMetrics {
  bold: boolean;
  width: number;
  height: number;
  rasterPx: number;
}

/**
 * Raster sizes, chosen on measured legibility and bytes (bench/print-encode.ts, docs/printers.md).
 * A raster line costs its area, so a ticket's bytes follow its letters times the size squared:
 * the kiosk ticket with six papers, the counters, the "wait for your turn" notice and the wait
 * wording of issue 17 stays under 8 KB with the bundled semi-condensed face at 16 px for what
 * the citizen acts on and 14 px for the notices and the papers (Tesseract still reads 99 %).
 */
export const TEXT_STYLES: Readonly<Record<TextStyle, StyleMetrics>> = {
  heading: { bold: true, width: 1, height: 1, rasterPx: 16 },
  label: { bold: true, width: 1, height: 1, rasterPx: 16 },
  service: { bold: true, width: 2, height: 2, rasterPx: 28 },
  body: { bold: false, width: 1, height: 1, rasterPx: 16 },
  small: { bold: false, width: 1, height: 1, rasterPx: 14 },
  smallLabel: { bold: true, width: 1, height: 1, rasterPx: 14 },
};

/**
 * A run of text. It is wrapped to the printed width; past `maxLines` the encoder falls back to
 * `short`, then cuts words and ends with an ellipsis, keeping `keep` (a paper's "(bản chính)").
 */
export interface TextBlock {
  kind: 'text';
  text: string;
  style: TextStyle;
  align: Align;
  maxLines: number;
  /** Lines when drawn as raster, where each costs about a kilobyte. Defaults to `maxLines`. */
  rasterMaxLines?: number;
  short?: string;
  keep?: string;
}

/** One element of a ticket, before any printer decision. */
export type TicketBlock =
  | TextBlock
  | { kind: 'number'; text: string }
  | { kind: 'qr'; payload: string }
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number };

const text = (value: string, style: TextStyle, align: Align, maxLines = 2): TextBlock => ({
  kind: 'text',
  text: value,
  style,
  align,
  maxLines,
});

/** Lay out a ticket as blocks: the order and wording of a motcua ticket live here only. */
export function ticketBlocks(layout: TicketLayout, words: TicketWords): TicketBlock[] {
  const blocks: TicketBlock[] = [];
  if (layout.test) blocks.push(text(words.test_ticket, 'label', 'center'));
  blocks.push(text(layout.centreName, 'heading', 'center'), { kind: 'rule' });
  blocks.push(text(words.number_label, 'label', 'center'), { kind: 'number', text: layout.number });
  if (layout.priorityGroup) blocks.push(text(fillWords(words.priority, { group: layout.priorityGroup }), 'label', 'center'));
  blocks.push(text(layout.serviceName, 'service', 'center'));
  if (layout.counters.length > 0) {
    const template = layout.counters.length === 1 ? words.counter_one : words.counter_other;
    blocks.push(text(fillWords(template, { counters: counterList(layout.counters) }), 'body', 'center'));
  }
  // A number is not a call to a counter: the citizen waits until it is called.
  blocks.push(text(words.will_be_called, 'small', 'center'));
  blocks.push({ kind: 'rule' });
  // The kiosk's and the follow page's wording of the same estimate, never a figure of its own. The
  // people ahead stay on the screen and the follow page: on paper the count is stale at once, and
  // the range already says what it means (its bytes went to the counters and the notice above).
  if (layout.wait) {
    const wait = waitText(layout.wait, (key, params) => fillWords(words[key], params ?? {}), layout.language, layout.timeZone);
    blocks.push(text(wait, 'body', 'left'));
  }
  blocks.push(text(formatIssuedAt(layout.issuedAt, layout.timeZone), 'body', 'left'));
  blocks.push(...paperBlocks(layout, words));
  blocks.push({ kind: 'feed', lines: 1 }, { kind: 'qr', payload: layout.qrUrl });
  blocks.push(text(words.qr_hint, 'small', 'center'));
  const footer = layout.footer || (layout.hotline ? fillWords(words.hotline, { phone: layout.hotline }) : '');
  if (footer) blocks.push(text(footer, 'small', 'center'));
  return blocks;
}

function paperBlocks(layout: TicketLayout, words: TicketWords): TicketBlock[] {
  const { lines, more } = compactDossier(layout.dossier, words);
  if (lines.length === 0) return [];
  const blocks: TicketBlock[] = [text(words.papers_heading, 'smallLabel', 'left')];
  for (const line of lines) {
    if (line.kind === 'case') {
      blocks.push({ ...text(line.title, 'small', 'left', 2), rasterMaxLines: 1, keep: ':' });
      continue;
    }
    // The name up to its first clause, like a checklist: the conditions are on the kiosk and the follow page.
    const short = shortPaperName(line.paper.name);
    blocks.push({
      ...text(`- ${short}`, 'small', 'left', 2),
      rasterMaxLines: 1,
      keep: paperQualifier(line.paper, words),
    });
  }
  if (more > 0) blocks.push(text(fillWords(words.papers_more, { count: more }), 'small', 'left', 1));
  return blocks;
}

/** "1–5, 7, 9": numeric counters in runs, others as they are; the order is the centre's. */
export function counterList(counters: readonly string[]): string {
  const numbers = counters.map(Number);
  if (!numbers.every((n) => Number.isInteger(n))) return counters.join(', ');
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

/** Building a formatter costs far more than using one: one per zone (a centre has one). */
const issuedAtFormats = new Map<string, Intl.DateTimeFormat>();

function issuedAtFormat(timeZone: string): Intl.DateTimeFormat {
  let format = issuedAtFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    issuedAtFormats.set(timeZone, format);
  }
  return format;
}

/** "15/03/2025 08:42" in the site's zone: digits only, so it always prints natively. */
export function formatIssuedAt(epochMs: number, timeZone: string): string {
  const parts = issuedAtFormat(timeZone).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}
