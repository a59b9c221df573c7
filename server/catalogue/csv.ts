/**
 * A small RFC 4180 reader for catalogue spreadsheets: quoted cells may hold the delimiter,
 * doubled quotes and line breaks. Written here rather than pulled in because the import needs
 * only this much and must report where a broken file breaks.
 */

/** Records (rows) of cells, or the row where an opened quote never closes. */
export type CsvReadResult = { ok: true; records: string[][] } | { ok: false; unterminatedAtRow: number };

/**
 * Picks the delimiter from the header line: Excel with a Vietnamese locale saves `;`,
 * others save `,`, and some exports use tabs.
 */
export function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const candidates = [',', ';', '\t'];
  let best = ',';
  let bestCount = 0;
  for (const candidate of candidates) {
    const n = header.split(candidate).length - 1;
    if (n > bestCount) [best, bestCount] = [candidate, n];
  }
  return best;
}

/**
 * Reads CSV text into records. A UTF-8 byte-order mark (Excel writes one) is dropped, and
 * blank lines are skipped so a trailing newline does not make an empty row.
 * Row numbers count records from 1 (the header), as a spreadsheet shows them.
 */
export function readCsv(input: string, delimiter = detectDelimiter(input)): CsvReadResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;

  const endRecord = () => {
    record.push(cell);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    cell = '';
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      record.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (quoted) return { ok: false, unterminatedAtRow: records.length + 1 };
  if (cell !== '' || record.length > 0) endRecord();
  return { ok: true, records };
}
