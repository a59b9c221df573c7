import type { Align } from './escpos-commands.ts';
import type { TicketLayout } from './ticket-layout.ts';
import { fillWords, type TicketWords } from './ticket-words.ts';

/** Typographic role of a text line; each mode maps it to sizes (see {@link TEXT_STYLES}). */
export type TextStyle = 'heading' | 'label' | 'service' | 'body' | 'small';

/** How a style prints: native bold and multipliers, and the pixel size when drawn as raster. */
export interface StyleMetrics {
  bold: boolean;
  width: number;
  height: number;
  rasterPx: number;
}

/** Sizes tuned so raster lines look like the native 12×24 font and the service stands out. */
export const TEXT_STYLES: Readonly<Record<TextStyle, StyleMetrics>> = {
  heading: { bold: true, width: 1, height: 1, rasterPx: 24 },
  label: { bold: true, width: 1, height: 1, rasterPx: 22 },
  service: { bold: true, width: 2, height: 2, rasterPx: 32 },
  body: { bold: false, width: 1, height: 1, rasterPx: 22 },
  small: { bold: false, width: 1, height: 1, rasterPx: 20 },
};

/** One element of a ticket, before any printer decision. */
export type TicketBlock =
  | { kind: 'text'; text: string; style: TextStyle; align: Align }
  | { kind: 'number'; text: string }
  | { kind: 'qr'; payload: string }
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number };

/** Lay out a ticket as blocks: the order and wording of a motcua ticket live here only. */
export function ticketBlocks(layout: TicketLayout, words: TicketWords): TicketBlock[] {
  const blocks: TicketBlock[] = [
    { kind: 'text', text: layout.centreName, style: 'heading', align: 'center' },
    { kind: 'rule' },
    { kind: 'text', text: words.number_label, style: 'label', align: 'center' },
    { kind: 'number', text: layout.number },
    { kind: 'text', text: layout.serviceName, style: 'service', align: 'center' },
  ];
  if (layout.counters.length > 0) {
    const template = layout.counters.length === 1 ? words.counter_one : words.counter_other;
    blocks.push({ kind: 'text', text: fillWords(template, { counters: layout.counters.join(', ') }), style: 'body', align: 'center' });
  }
  blocks.push({ kind: 'rule' });
  blocks.push({ kind: 'text', text: fillWords(words.people_ahead, { count: layout.peopleAhead }), style: 'body', align: 'left' });
  if (layout.estimatedWaitMinutes !== null) {
    const wait = layout.peopleAhead === 0 ? words.wait_soon : fillWords(words.wait_minutes, { minutes: layout.estimatedWaitMinutes });
    blocks.push({ kind: 'text', text: wait, style: 'body', align: 'left' });
  }
  blocks.push({ kind: 'text', text: formatIssuedAt(layout.issuedAt, layout.timeZone), style: 'body', align: 'left' });
  if (layout.papers.length > 0) {
    blocks.push({ kind: 'text', text: words.papers_heading, style: 'label', align: 'left' });
    for (const paper of layout.papers) blocks.push({ kind: 'text', text: `- ${paper}`, style: 'small', align: 'left' });
  }
  blocks.push({ kind: 'feed', lines: 1 });
  blocks.push({ kind: 'qr', payload: layout.qrUrl });
  blocks.push({ kind: 'text', text: words.qr_hint, style: 'small', align: 'center' });
  if (layout.footer) blocks.push({ kind: 'text', text: layout.footer, style: 'small', align: 'center' });
  return blocks;
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
