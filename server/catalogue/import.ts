/**
 * Catalogue import: a JSON export in the catalogue shape, or a flat CSV (see
 * `csv-catalogue.ts` for its columns and dossier encoding). Every row is checked and every
 * problem reported with its row; a file with any problem imports nothing.
 *
 * Row numbers: in CSV, spreadsheet rows (the header is row 1, the first procedure row 2);
 * in JSON, the procedure's position in `procedures` counting from 1.
 */
import * as v from 'valibot';
import { FieldSchema, ProcedureSchema, catalogueConflicts, type Catalogue, type Field, type Procedure } from '../../protocol/catalogue.ts';
import { readCsv } from './csv.ts';
import { CSV_COLUMNS, REQUIRED_COLUMNS, convertRow } from './csv-catalogue.ts';
import { problemsFromIssues, type ImportOutcome, type ImportProblem } from './import-problem.ts';

export type { ImportOutcome, ImportProblem } from './import-problem.ts';

export type CatalogueFormat = 'json' | 'csv';

/** Picks the format from the file name, falling back to the content (`{` starts JSON). */
export function detectFormat(fileName: string, text: string): CatalogueFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
  return text
    .trimStart()
    .replace(/^\uFEFF/, '')
    .startsWith('{')
    ? 'json'
    : 'csv';
}

/** Parses and validates a catalogue file; all or nothing. */
export function importCatalogue(text: string, format: CatalogueFormat): ImportOutcome<Catalogue> {
  return format === 'json' ? importCatalogueJson(text) : importCatalogueCsv(text);
}

/** Parses a JSON export in the catalogue shape. */
export function importCatalogueJson(text: string): ImportOutcome<Catalogue> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return refuse({ key: 'import.not_json', params: { detail: (error as Error).message } });
  }
  return validateCatalogueData(data);
}

/** Validates already-parsed catalogue data, e.g. read back from the data directory. */
export function validateCatalogueData(data: unknown): ImportOutcome<Catalogue> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return refuse({ key: 'import.not_catalogue', params: {} });
  const raw = data as Record<string, unknown>;
  if (raw.version !== 1) return refuse({ key: 'import.unsupported_version', params: { version: String(raw.version) } });
  if (!Array.isArray(raw.fields) || !Array.isArray(raw.procedures)) return refuse({ key: 'import.not_catalogue', params: {} });

  const problems: ImportProblem[] = [];
  const fields: RowField[] = [];
  raw.fields.forEach((entry: unknown, i) => {
    const parsed = v.safeParse(FieldSchema, entry);
    if (parsed.success) fields.push({ row: i + 1, field: parsed.output });
    else
      for (const issue of parsed.issues) {
        const column = v.getDotPath(issue) ?? '';
        problems.push({ key: 'import.invalid_field_entry', params: { row: i + 1, column } });
      }
  });
  const rows: RowProcedure[] = [];
  raw.procedures.forEach((entry: unknown, i) => {
    const parsed = v.safeParse(ProcedureSchema, entry);
    if (parsed.success) rows.push({ row: i + 1, procedure: parsed.output });
    else problems.push(...problemsFromIssues(parsed.issues, i + 1, (path) => path.join('.')));
  });
  return finish(raw.sample === true, fields, rows, problems);
}

/** Parses the flat CSV form. */
export function importCatalogueCsv(text: string): ImportOutcome<Catalogue> {
  const read = readCsv(text);
  if (!read.ok) return refuse({ key: 'import.unterminated_quote', params: { row: read.unterminatedAtRow } });
  const [headerCells, ...records] = read.records;
  if (!headerCells) return refuse({ key: 'import.no_procedures', params: {} });
  const header = headerCells.map((h) => h.trim());
  const headerProblems = checkHeader(header);
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };

  const problems: ImportProblem[] = [];
  const fields = new Map<string, RowField>();
  const rows: RowProcedure[] = [];
  records.forEach((cells, i) => {
    const row = i + 2;
    if (cells.length !== header.length) {
      problems.push({ key: 'import.cell_count', params: { row, expected: header.length, actual: cells.length } });
      return;
    }
    const byColumn = new Map(header.map((column, c) => [column, cells[c]!.trim()]));
    const converted = convertRow((column) => byColumn.get(column) ?? '', row);
    problems.push(...converted.problems);
    problems.push(...collectField(fields, converted.field, row));
    const parsed = v.safeParse(ProcedureSchema, converted.procedure);
    if (parsed.success) rows.push({ row, procedure: parsed.output });
    else problems.push(...problemsFromIssues(parsed.issues, row, converted.columnOf));
  });
  return finish(false, [...fields.values()], rows, problems);
}

function checkHeader(header: string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) problems.push({ key: 'import.duplicate_column', params: { column } });
    else if (!CSV_COLUMNS.includes(column)) problems.push({ key: 'import.unknown_column', params: { column } });
    seen.add(column);
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!seen.has(column)) problems.push({ key: 'import.missing_column', params: { column } });
  }
  return problems;
}

const FIELD_COLUMN: Record<string, string> = { id: 'field_id', name: 'field_name', nameEn: 'field_name_en' };

/** Fields come from the rows: the first row of a field names it, later rows may repeat the names but not change them. */
function collectField(fields: Map<string, RowField>, field: Partial<Field>, row: number): ImportProblem[] {
  if (!field.id) return [];
  const known = fields.get(field.id);
  if (known) {
    const differs = (field.name && field.name !== known.field.name) || (field.nameEn && field.nameEn !== known.field.nameEn);
    return differs ? [{ key: 'import.field_name_conflict', params: { row, field: field.id, firstRow: known.row } }] : [];
  }
  const parsed = v.safeParse(FieldSchema, field);
  if (!parsed.success) return problemsFromIssues(parsed.issues, row, (path) => FIELD_COLUMN[String(path[0])] ?? String(path[0]));
  fields.set(field.id, { field: parsed.output, row });
  return [];
}

interface RowProcedure {
  row: number;
  procedure: Procedure;
}

interface RowField {
  row: number;
  field: Field;
}

/** Checks what spans rows (unique codes and fields, known fields) and settles all or nothing. */
function finish(sample: boolean, fieldRows: RowField[], rows: RowProcedure[], problems: ImportProblem[]): ImportOutcome<Catalogue> {
  const fields = fieldRows.map((f) => f.field);
  const procedures = rows.map((r) => r.procedure);
  for (const conflict of catalogueConflicts({ fields, procedures })) {
    if (conflict.kind === 'duplicate_field') {
      problems.push({ key: 'import.duplicate_field', params: { row: fieldRows[conflict.index]!.row, field: conflict.fieldId } });
      continue;
    }
    const row = rows[conflict.index]!.row;
    if (conflict.kind === 'duplicate_code') {
      problems.push({ key: 'import.duplicate_code', params: { row, code: conflict.code, firstRow: rows[conflict.firstIndex]!.row } });
    } else {
      problems.push({ key: 'import.unknown_field', params: { row, field: conflict.fieldId } });
    }
  }
  if (problems.length === 0 && procedures.length === 0) problems.push({ key: 'import.no_procedures', params: {} });
  if (problems.length > 0) return { ok: false, problems: sortByRow(problems) };
  return { ok: true, value: { version: 1, sample, fields, procedures } };
}

function sortByRow(problems: ImportProblem[]): ImportProblem[] {
  const rowOf = (p: ImportProblem) => (typeof p.params.row === 'number' ? p.params.row : 0);
  return [...problems].sort((a, b) => rowOf(a) - rowOf(b));
}

function refuse(problem: ImportProblem): ImportOutcome<Catalogue> {
  return { ok: false, problems: [problem] };
}
