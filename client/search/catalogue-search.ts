/**
 * Search over the procedure catalogue (the kiosk's search screen, the admin's procedure list),
 * run in the browser on every keystroke.
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
  // Words get ids in order of first sight, renumbered into sorted order at the end: one map lookup per word.
  const seenWords: string[] = [];
  const firstSeenId = new Map<string, number>();
  const idOf = (word: string): number => {
    let id = firstSeenId.get(word);
    if (id === undefined) firstSeenId.set(word, (id = seenWords.push(word) - 1));
    return id;
  };
  // Dossier components repeat across procedures ("Tờ khai", an identity paper…): fold each text once.
  const pieceIds = new Map<string, number[]>();
  const idsOf = (text: string): number[] => {
    let ids = pieceIds.get(text);
    if (!ids) pieceIds.set(text, (ids = foldedWords(text).map(idOf)));
    return ids;
  };
  const fieldText = new Map(catalogue.fields.map((f) => [f.id, `${f.name} ${f.nameEn}`]));

  const nameWords = procedures.map((p) => Int32Array.from(foldedWords(p.name).map(idOf)));
  // lastAddedBy[id] = the procedure that last added word id, to keep each procedure's document ids distinct.
  const lastAddedBy: number[] = [];
  const documentWords = procedures.map((p, i) => {
    const distinct: number[] = [];
    for (const piece of documentPieces(p, fieldText.get(p.fieldId))) {
      for (const id of idsOf(piece)) {
        if (lastAddedBy[id] !== i) distinct.push(id);
        lastAddedBy[id] = i;
      }
    }
    return Int32Array.from(distinct);
  });

  const sortedIds = seenWords.map((_, id) => id).sort((a, b) => (seenWords[a]! < seenWords[b]! ? -1 : 1));
  const renumbered = new Int32Array(seenWords.length);
  sortedIds.forEach((id, position) => (renumbered[id] = position));
  for (const ids of [...nameWords, ...documentWords]) for (let k = 0; k < ids.length; k++) ids[k] = renumbered[ids[k]!]!;

  const collator = new Intl.Collator('vi');
  const alphabetical = procedures.map((_, i) => i).sort((a, b) => collator.compare(procedures[a]!.name, procedures[b]!.name));
  const nameOrder = new Int32Array(procedures.length);
  alphabetical.forEach((procedureIndex, rank) => (nameOrder[procedureIndex] = rank));

  return { procedures, vocabulary: sortedIds.map((id) => seenWords[id]!), nameWords, documentWords, nameOrder };
}

function documentPieces(p: Procedure, fieldText = ''): string[] {
  const pieces = [p.code, fieldText];
  for (const group of p.dossier) {
    if (group.title) pieces.push(group.title);
    for (const component of group.components) pieces.push(component.name, component.form ?? '');
  }
  return pieces;
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
  const to = lowerBound(vocabulary, `${word}{`);
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
  /** Query words found right after the previous query word's match, as in a typed phrase. */
  adjacent: number;
  exactInName: number;
  positions: number;
}

/**
 * Finds procedures where every query word is a prefix of some word of the name or documents,
 * ignoring case, tone marks and đ/d. Ranks hits with more query words in the name first, then
 * query words following each other in the name as typed, then more exact (whole-word) name
 * matches, then earlier positions in the name, then by name.
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
      b.adjacent - a.adjacent ||
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
  let adjacent = 0;
  let exactInName = 0;
  let positions = 0;
  let previous = -2;
  for (const { from, to, exact } of ranges) {
    const at = firstInRange(name, from, to);
    if (at >= 0) {
      inName++;
      // A whole-word match later in the name counts over a prefix match earlier in it.
      const exactAt = name[at] === exact ? at : exact >= 0 ? name.indexOf(exact, at + 1) : -1;
      if (exactAt >= 0) exactInName++;
      const position = exactAt >= 0 ? exactAt : at;
      if (position === previous + 1 || isInRange(name[previous + 1], from, to)) adjacent++;
      positions += position;
      previous = position;
    } else {
      previous = -2;
      if (firstInRange(documents, from, to) < 0) return null;
    }
  }
  return { inName, adjacent, exactInName, positions };
}

function isInRange(id: number | undefined, from: number, to: number): boolean {
  return id !== undefined && id >= from && id < to;
}

function firstInRange(ids: Int32Array, from: number, to: number): number {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id >= from && id < to) return i;
  }
  return -1;
}
