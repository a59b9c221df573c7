import type { TicketLayout, TicketPaper } from './ticket-layout.ts';
import { fillWords, type TicketWords } from './ticket-words.ts';

/** One line of the papers section: a case heading or a paper. */
export type PaperLine = { kind: 'case'; title: string } | { kind: 'paper'; paper: TicketPaper };

/** Papers a ticket lists at most (headings included); the rest are counted in one line. */
export const MAX_PAPER_LINES = 8;

const sameKey = (p: TicketPaper): string => `${p.name.toLowerCase()}|${p.originals}|${p.copies}|${p.shownOnly}`;

/**
 * The dossier, compactly: the papers every case needs once, then for each case only what it
 * adds, under its title. A divorced citizen asking for a marital-status certificate reads the
 * common papers and, under "Trường hợp đã từng kết hôn…", the divorce decree.
 */
export function compactDossier(dossier: TicketLayout['dossier'], words: TicketWords): { lines: PaperLine[]; more: number } {
  const cases = dossier.filter((c) => c.papers.length > 0);
  const first = cases[0];
  if (!first) return { lines: [], more: 0 };
  const everywhere = new Set(first.papers.map(sameKey).filter((key) => cases.every((c) => c.papers.some((p) => sameKey(p) === key))));
  const lines: PaperLine[] = first.papers.filter((p) => everywhere.has(sameKey(p))).map((paper) => ({ kind: 'paper', paper }));
  cases.forEach((c, i) => {
    const extra = c.papers.filter((p) => !everywhere.has(sameKey(p)));
    if (extra.length === 0) return;
    lines.push({ kind: 'case', title: c.title ?? fillWords(words.case_untitled, { n: i + 1 }) });
    for (const paper of extra) lines.push({ kind: 'paper', paper });
  });
  if (lines.length <= MAX_PAPER_LINES) return { lines, more: 0 };
  const kept = lines.slice(0, MAX_PAPER_LINES - 1);
  return { lines: kept, more: lines.slice(MAX_PAPER_LINES - 1).filter((l) => l.kind === 'paper').length };
}

/**
 * How the paper is brought: "(xuất trình)", "(bản sao)", "(2 bản chính)", "(bản chính, bản sao)".
 * One original handed in, by far the most common, is left unmarked: on a ticket each mark costs
 * a fifth of a kilobyte, and what matters is telling the papers only shown from those kept.
 */
export function paperQualifier(paper: TicketPaper, words: TicketWords): string {
  if (paper.shownOnly) return ` (${words.paper_shown})`;
  if (paper.originals === 1 && paper.copies === 0) return '';
  const parts: string[] = [];
  if (paper.originals === 1) parts.push(words.paper_original);
  else if (paper.originals > 1) parts.push(fillWords(words.paper_originals, { count: paper.originals }));
  if (paper.copies === 1) parts.push(words.paper_copy);
  else if (paper.copies > 1) parts.push(fillWords(words.paper_copies, { count: paper.copies }));
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** Where a paper's name may be cut when it does not fit: before its explanations and conditions. */
const CLAUSE_BREAKS = ['; ', ' (', ', nếu ', ', trường hợp ', ' – ', ' - ', ', '];

/** The paper's name up to its first clause ("Giấy chứng sinh; trường hợp không có thì…" → "Giấy chứng sinh"). */
export function shortPaperName(name: string): string {
  for (const mark of CLAUSE_BREAKS) {
    const at = name.indexOf(mark);
    if (at >= 8) return name.slice(0, at);
  }
  return name;
}
