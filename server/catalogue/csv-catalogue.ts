/**
 * The flat CSV form of a catalogue: one row per procedure, so a centre can keep its list in a
 * spreadsheet. Its columns, what each holds, and the encoding of lists and of the dossier cell
 * (`name;originals;copies[;form[;xuất trình]]` components joined by `|`, cases by `||`, an
 * optional case title before `::`; a component ending in `xuất trình` or `shown` is only shown at
 * the counter) are documented for centres in docs/catalogue-import.md; a test checks that the
 * document names every column below.
 */
import type { Channel, DossierCase, Field } from '../../protocol/catalogue.ts';
import type { ColumnNamer, ImportProblem } from './import-problem.ts';

const CHANNEL_PREFIX: Record<Channel, string> = { 'in-person': 'in_person', online: 'online', post: 'post' };
const CHANNELS = Object.keys(CHANNEL_PREFIX) as Channel[];

/** Every column the CSV form knows, in the order an export would write them. */
export const CSV_COLUMNS: readonly string[] = [
  'code',
  'name',
  'field_id',
  'field_name',
  'field_name_en',
  'level',
  'agency',
  'coordinating_agencies',
  'targets',
  ...CHANNELS.flatMap((c) => ['time', 'days', 'fee', 'fee_amount'].map((part) => `${CHANNEL_PREFIX[c]}_${part}`)),
  'online_level',
  'dossier',
  'steps',
  'requirements',
  'result',
  'legal_basis',
  'portal_url',
  'service_id',
];

/** Columns without which no row can be read. Optional ones may be left out of the header. */
export const REQUIRED_COLUMNS: readonly string[] = ['code', 'name', 'field_id', 'level', 'agency', 'targets', 'result', 'service_id'];

const PROPERTY_COLUMN: Record<string, string> = {
  fieldId: 'field_id',
  coordinatingAgencies: 'coordinating_agencies',
  onlineLevel: 'online_level',
  legalBasis: 'legal_basis',
  portalUrl: 'portal_url',
  serviceId: 'service_id',
};
const FILING_PART: Record<string, string> = {
  'timeLimit.text': 'time',
  'timeLimit.workingDays': 'days',
  'fee.text': 'fee',
  'fee.amount': 'fee_amount',
};

/** The row's cells by column name; absent columns read as empty. */
export type CsvRow = (column: string) => string;

/** A row turned into the procedure's shape, unvalidated, with its field and dossier problems. */
export interface ConvertedRow {
  procedure: Record<string, unknown>;
  field: Partial<Field>;
  problems: ImportProblem[];
  /** Names the CSV column behind a schema path of this row's procedure. */
  columnOf: ColumnNamer;
}

/** Converts one CSV row; the caller validates the result against the procedure schema. */
export function convertRow(cell: CsvRow, row: number): ConvertedRow {
  const problems: ImportProblem[] = [];
  const channels = CHANNELS.filter((c) => ['time', 'days', 'fee', 'fee_amount'].some((p) => cell(`${CHANNEL_PREFIX[c]}_${p}`)));
  const dossier = decodeDossier(cell('dossier'));
  if (!Array.isArray(dossier)) problems.push({ key: 'import.invalid_dossier', params: { row, value: dossier.bad } });

  const procedure: Record<string, unknown> = {
    code: optional(cell('code')),
    name: optional(cell('name')),
    fieldId: optional(cell('field_id')),
    level: optional(cell('level')),
    agency: optional(cell('agency')),
    coordinatingAgencies: list(cell('coordinating_agencies')),
    targets: list(cell('targets')),
    filing: channels.map((channel) => {
      const c = (part: string) => cell(`${CHANNEL_PREFIX[channel]}_${part}`);
      return {
        channel,
        timeLimit: { text: optional(c('time')), workingDays: count(c('days')) },
        fee: { text: optional(c('fee')), amount: count(c('fee_amount')) },
      };
    }),
    onlineLevel: optional(cell('online_level')),
    dossier: Array.isArray(dossier) ? dossier : [],
    steps: list(cell('steps')),
    requirements: list(cell('requirements')),
    result: optional(cell('result')),
    legalBasis: list(cell('legal_basis')),
    portalUrl: optional(cell('portal_url')),
    serviceId: optional(cell('service_id')),
  };
  const field = { id: cell('field_id'), name: optional(cell('field_name')), nameEn: optional(cell('field_name_en')) };
  const columnOf: ColumnNamer = (path) => {
    const [top, index, ...rest] = path;
    if (top === 'filing' && typeof index === 'number') {
      const channel = channels[index];
      const part = FILING_PART[rest.join('.')];
      if (channel && part) return `${CHANNEL_PREFIX[channel]}_${part}`;
    }
    return PROPERTY_COLUMN[String(top)] ?? String(top ?? '');
  };
  return { procedure, field, problems, columnOf };
}

function optional(value: string): string | undefined {
  return value === '' ? undefined : value;
}

function list(value: string): string[] {
  return value
    .split('|')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Reads a whole number written plainly or with thousands separators; anything else is kept for the schema to refuse. */
function count(value: string): number | string | undefined {
  if (value === '') return undefined;
  const grouped = /^\d{1,3}([.,\s]\d{3})+$/.test(value);
  return /^\d+$/.test(value) || grouped ? Number(value.replace(/[.,\s]/g, '')) : value;
}

/** The last field of a component that marks it as only shown (xuất trình). */
const SHOWN_ONLY = new Set(['xuất trình', 'shown']);

/** Decodes the dossier cell, or returns the piece that does not follow the encoding. */
export function decodeDossier(value: string): DossierCase[] | { bad: string } {
  if (value.trim() === '') return [];
  const cases: DossierCase[] = [];
  for (const caseText of value.split('||')) {
    const split = caseText.indexOf('::');
    const title = split >= 0 ? caseText.slice(0, split).trim() : '';
    const body = split >= 0 ? caseText.slice(split + 2) : caseText;
    const components: DossierCase['components'] = [];
    for (const componentText of body.split('|')) {
      const parts = componentText.split(';').map((p) => p.trim());
      const [name, originals, copies, form, handling] = parts;
      const shownOnly = handling !== undefined && SHOWN_ONLY.has(handling.normalize('NFC').toLowerCase());
      if (!name || !/^\d+$/.test(originals ?? '') || !/^\d+$/.test(copies ?? '') || parts.length > 5 || (handling && !shownOnly)) {
        return { bad: componentText.trim() || caseText.trim() };
      }
      components.push({
        name,
        originals: Number(originals),
        copies: Number(copies),
        ...(form ? { form } : {}),
        ...(shownOnly && { shownOnly }),
      });
    }
    cases.push(title ? { title, components } : { components });
  }
  return cases;
}
