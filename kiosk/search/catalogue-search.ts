/**
 * Kiosk search over the procedure catalogue, run in the browser on every keystroke.
 *
 * The index maps every folded word of the catalogue to an id in sorted order, so the words a
 * query word is a prefix of form one contiguous id range; matching a procedure is then integer
 * comparisons over its precomputed word ids, with no string work per procedure per query.
 */
import type { Catalogue, Procedure } from '../../protocol/catalogue.ts';
import { foldedWords } from './normalise.ts';

/** Where the query matched: `name` when every query word matched the procedure's name. */
export type MatchPlace = 'name' | 'document';

export interface SearchHit {
  procedure: Procedure;
  matchedIn: MatchPlace;
}

export interface SearchOptions {
  /** The most hits to return. Defaults to all of them. */
  limit?: number;
}

/** Built once per catalogue by {@link buildSearchIndex}; treat as opaque. */
export interface SearchIndex {
  readonly procedures: readonly Procedure[];
  /** Every distinct folded word, sorted, so a word's id is its position here. */
  readonly vocabulary: readonly string[];
  /** Per procedure, the ids of its name's words in order (position matters for ranking). */
  readonly nameWords: readonly Int32Array[];
  /** Per procedure, the distinct ids of its code, field and dossier words. */
  readonly documentWords: readonly Int32Array[];
  /** Per procedure, its place in Vietnamese alphabetical order of names, for ties. */
  readonly nameOrder: Int32Array;
}

/** Indexes names and "documents" (code, field names, dossier components and forms) of a catalogue. */
export function buildSearchIndex(catalogue: Pick<Catalogue, 'fields' | 'procedures'>): SearchIndex {
  const { procedures } = catalogue;
  const fieldWords = new Map(catalogue.fields.map((f) => [f.id, [f.name, f.nameEn].join(' ')]));
  const names = procedures.map((p) => foldedWords(p.name));
  const documents = procedures.map((p) => [...new Set(foldedWords(documentText(p, fieldWords.get(p.fieldId))))]);

  const vocabulary = [...new Set([...names.flat(), ...documents.flat()])].sort();
  const idOf = new Map(vocabulary.map((word, id) => [word, id]));
  const toIds = (words: string[]) => Int32Array.from(words, (w) => idOf.get(w) ?? -1);

  const collator = new Intl.Collator('vi');
  const alphabetical = procedures.map((_, i) => i).sort((a, b) => collator.compare(procedures[a]!.name, procedures[b]!.name));
  const nameOrder = new Int32Array(procedures.length);
  alphabetical.forEach((procedureIndex, rank) => (nameOrder[procedureIndex] = rank));

  return { procedures, vocabulary, nameWords: names.map(toIds), documentWords: documents.map(toIds), nameOrder };
}

function documentText(p: Procedure, fieldText = ''): string {
  const parts = [p.code, fieldText];
  for (const group of p.dossier) {
    if (group.title) parts.push(group.title);
    for (const component of group.components) parts.push(component.name, component.form ?? '');
  }
  return parts.join(' ');
}

/** The ids of vocabulary words that a query word is a prefix of: `[from, to)`, plus the exact word's id or -1. */
interface WordRange {
  from: number;
  to: number;
  exact: number;
}

function rangeOf(vocabulary: readonly string[], word: string): WordRange {
  const from = lowerBound(vocabulary, word);
  // Vocabulary words hold only [a-z0-9], all below "{", so every word starting with `word` sorts before word + "{".
  const to = lowerBound(vocabulary, word + '{');
  return { from, to, exact: vocabulary[from] === word ? from : -1 };
}

function lowerBound(sorted: readonly string[], target: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Scored {
  index: number;
  inName: number;
  exactInName: number;
  positions: number;
}

/**
 * Finds procedures where every query word is a prefix of some word of the name or documents,
 * ignoring case, tone marks and đ/d. Ranks hits with more query words in the name first, then
 * more exact (whole-word) name matches, then earlier positions in the name, then by name.
 * An empty query finds nothing: the kiosk shows its browse view instead.
 */
export function searchCatalogue(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const words = [...new Set(foldedWords(query))];
  if (words.length === 0) return [];
  const ranges = words.map((w) => rangeOf(index.vocabulary, w));
  if (ranges.some((r) => r.from === r.to)) return [];

  const scored: Scored[] = [];
  for (let i = 0; i < index.procedures.length; i++) {
    const score = scoreProcedure(index.nameWords[i]!, index.documentWords[i]!, ranges);
    if (score) scored.push({ index: i, ...score });
  }
  scored.sort(
    (a, b) =>
      b.inName - a.inName ||
      b.exactInName - a.exactInName ||
      a.positions - b.positions ||
      index.nameOrder[a.index]! - index.nameOrder[b.index]!,
  );
  const wanted = options.limit === undefined ? scored : scored.slice(0, options.limit);
  return wanted.map((s) => ({
    procedure: index.procedures[s.index]!,
    matchedIn: s.inName === words.length ? 'name' : 'document',
  }));
}

function scoreProcedure(name: Int32Array, documents: Int32Array, ranges: WordRange[]): Omit<Scored, 'index'> | null {
  let inName = 0;
  let exactInName = 0;
  let positions = 0;
  for (const { from, to, exact } of ranges) {
    const at = firstInRange(name, from, to);
    if (at >= 0) {
      inName++;
      // A whole-word match later in the name counts over a prefix match earlier in it.
      const exactAt = name[at] === exact ? at : exact >= 0 ? name.indexOf(exact, at + 1) : -1;
      if (exactAt >= 0) exactInName++;
      positions += exactAt >= 0 ? exactAt : at;
    } else if (firstInRange(documents, from, to) < 0) {
      return null;
    }
  }
  return { inName, exactInName, positions };
}

function firstInRange(ids: Int32Array, from: number, to: number): number {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id >= from && id < to) return i;
  }
  return -1;
}
