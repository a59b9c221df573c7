/**
 * Kiosk search speed on a provincial-size catalogue: 2,000 procedures generated from the
 * sample's vocabulary (seeded, so every run searches the same catalogue), queried the way a
 * citizen types: every keystroke of a phrase, without diacritics, sometimes in capitals or
 * with marks. The kiosk searches on each keystroke, so the target is ≤ 2 ms median per query.
 * Run: `npx tsx bench/catalogue-search.ts`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as v from 'valibot';
import { buildSearchIndex, searchCatalogue } from '../client/search/catalogue-search.ts';
import { foldText } from '../client/search/normalise.ts';
import { CatalogueSchema, type Catalogue, type DossierComponent, type Procedure } from '../protocol/catalogue.ts';
import { percentileMs, roundMs } from './support/figures.ts';
import { SeededRandom } from '../scripts/simulation/seeded-random.ts';

export interface CatalogueSearchFigures {
  name: 'catalogue-search';
  procedures: number;
  queries: number;
  buildMs: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  /** Mean number of hits per query, to show the queries are not trivially empty. */
  meanHits: number;
}

/** The simulator's seeded generator: the same seed gives the same catalogue. */
function seeded(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}

const QUALIFIERS = [
  'đối với cá nhân',
  'đối với tổ chức',
  'cho người nước ngoài',
  'có yếu tố nước ngoài',
  'lưu động',
  'trường hợp đặc biệt',
  'cấp lại',
  'điều chỉnh',
  'gia hạn',
  'trong khu công nghiệp',
  'tại địa phương',
];

/** Builds `size` procedures by recombining sample names, qualifiers and dossier components. */
export function generateCatalogue(sample: Catalogue, size: number, seed = 20250701): Catalogue {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const components: DossierComponent[] = sample.procedures.flatMap((p) => p.dossier.flatMap((d) => d.components));
  const procedures: Procedure[] = Array.from({ length: size }, (_, i) => {
    const base = pick(sample.procedures);
    const qualifier = random() < 0.7 ? ` ${pick(QUALIFIERS)}` : '';
    return {
      ...base,
      code: `2.${String(100000 + i).padStart(6, '0')}`,
      name: `${base.name}${qualifier}`,
      fieldId: pick(sample.fields).id,
      dossier: [{ components: Array.from({ length: 2 + Math.floor(random() * 5) }, () => pick(components)) }],
    };
  });
  return { version: 1, sample: true, fields: sample.fields, procedures };
}

/** Phrases as typed, one query per keystroke: "d", "da", "dan", "dang", "dang k", … */
export function keystrokeQueries(catalogue: Catalogue, phrases: number, seed = 7): string[] {
  const random = seeded(seed);
  const queries: string[] = [];
  for (let i = 0; i < phrases; i++) {
    const words = catalogue.procedures[Math.floor(random() * catalogue.procedures.length)]!.name.split(' ');
    const start = Math.floor(random() * Math.max(1, words.length - 3));
    const phrase = words.slice(start, start + 1 + Math.floor(random() * 4)).join(' ');
    // Most people skip the marks; some type them, some have caps lock on.
    const styled = random() < 0.6 ? foldText(phrase) : random() < 0.5 ? phrase : phrase.toUpperCase();
    for (let end = 1; end <= styled.length; end++) if (styled[end - 1] !== ' ') queries.push(styled.slice(0, end));
  }
  return queries;
}

export async function run(options: { procedures?: number; phrases?: number } = {}): Promise<CatalogueSearchFigures> {
  const sampleText = readFileSync(new URL('../data/catalogue.json', import.meta.url), 'utf8');
  const sample = v.parse(CatalogueSchema, JSON.parse(sampleText));
  const catalogue = generateCatalogue(sample, options.procedures ?? 2000);
  const queries = [...keystrokeQueries(catalogue, options.phrases ?? 40), 'xyz', 'qqq khai', 'hộ chiếu'];

  const builds: number[] = [];
  let index = buildSearchIndex(catalogue);
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    index = buildSearchIndex(catalogue);
    builds.push(performance.now() - started);
  }
  // One untimed pass lets the JIT compile the hot loops, as it will have on a kiosk that has run all day.
  for (const query of queries) searchCatalogue(index, query);

  const times: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const started = performance.now();
    hits += searchCatalogue(index, query).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  builds.sort((a, b) => a - b);
  return {
    name: 'catalogue-search',
    procedures: catalogue.procedures.length,
    queries: queries.length,
    buildMs: roundMs(percentileMs(builds, 0.5)),
    medianMs: roundMs(percentileMs(times, 0.5)),
    p99Ms: roundMs(percentileMs(times, 0.99)),
    maxMs: roundMs(times.at(-1) ?? 0),
    meanHits: Math.round(hits / queries.length),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const f = await run();
  console.log(
    `catalogue search: ${f.procedures} procedures, index built in ${f.buildMs} ms; ` +
      `${f.queries} keystroke queries: median ${f.medianMs} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms ` +
      `(target ≤ 2 ms median), ${f.meanHits} hits per query on average`,
  );
}
