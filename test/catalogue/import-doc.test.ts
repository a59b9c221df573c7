import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, REQUIRED_COLUMNS } from '../../server/catalogue/csv-catalogue.ts';
import { importCatalogueJson } from '../../server/catalogue/import.ts';

// docs/catalogue-import.md is what a centre builds its spreadsheet from: it must name every
// column the import reads, mark the required ones, and its JSON example must import.

const doc = readFileSync(join(import.meta.dirname, '../../docs/catalogue-import.md'), 'utf8');
const csvSection = doc.slice(doc.indexOf('## CSV'), doc.indexOf('## JSON'));
const tableRows = csvSection.split('\n').filter((l) => l.startsWith('| `'));

describe('the catalogue import document', () => {
  it('names every CSV column, and marks exactly the required ones', () => {
    const documented = tableRows.flatMap((row) =>
      [...row.split('|')[1]!.matchAll(/`([a-z_]+)`(\\\*)?/g)].map((m) => [m[1]!, !!m[2]] as const),
    );
    expect(documented.map(([c]) => c).sort()).toEqual([...CSV_COLUMNS].sort());
    expect(
      documented
        .filter(([, required]) => required)
        .map(([c]) => c)
        .sort(),
    ).toEqual([...REQUIRED_COLUMNS].sort());
  });

  it('gives a JSON example that imports', () => {
    const json = /## JSON[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const r = importCatalogueJson(json);
    expect(r.ok).toBe(true);
  });
});
