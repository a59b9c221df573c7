/**
 * What a catalogue import reports when it refuses a file: one problem per bad cell or row,
 * each an i18next key of the `catalogue` namespace with its interpolation values.
 */
import type * as v from 'valibot';

/** A reason a catalogue file was refused. */
export interface ImportProblem {
  /** i18next key in the `catalogue` namespace, e.g. `import.invalid_code`. */
  key: `import.${string}`;
  /** Interpolation values; `row` (1-based) is present for problems tied to one row. */
  params: Record<string, string | number>;
}

/** All-or-nothing: a valid catalogue, or every problem found and nothing else. */
export type ImportOutcome<T> = { ok: true; value: T } | { ok: false; problems: ImportProblem[] };

/** Names the column a schema path points at, in the words of the file being imported. */
export type ColumnNamer = (path: readonly (string | number)[]) => string;

/** Property names that carry a count or an amount, so a bad value reads "not a number". */
const NUMERIC = new Set(['originals', 'copies', 'workingDays', 'amount']);
const SLUGS = new Set(['fieldId', 'serviceId', 'id']);
const CHOICES = new Set(['level', 'onlineLevel', 'targets', 'channel']);

/** Turns valibot issues for one row into translated-key problems. */
export function problemsFromIssues(issues: readonly v.BaseIssue<unknown>[], row: number, columnOf: ColumnNamer): ImportProblem[] {
  return issues.map((issue): ImportProblem => {
    const path = (issue.path ?? []).map((item) => item.key as string | number);
    const column = columnOf(path);
    const value = shown(issue.input);
    // The path's last named property says what kind of value was wanted.
    const property = [...path].reverse().find((k): k is string => typeof k === 'string') ?? '';
    if (path.length === 0 && issue.type === 'check') return { key: 'import.repeated_filing', params: { row } };
    if (path.length === 1 && path[0] === 'filing' && issue.type === 'non_empty') return { key: 'import.no_filing', params: { row } };
    if (issue.input === undefined || issue.type === 'non_empty') return { key: 'import.required', params: { row, column } };
    if (property === 'code') return { key: 'import.invalid_code', params: { row, value } };
    if (SLUGS.has(property)) return { key: 'import.invalid_id', params: { row, column, value } };
    if (CHOICES.has(property)) {
      return { key: 'import.invalid_choice', params: { row, column, value, choices: choiceList(issue.expected) } };
    }
    if (NUMERIC.has(property)) return { key: 'import.invalid_number', params: { row, column, value } };
    return { key: 'import.invalid_value', params: { row, column, value } };
  });
}

/** valibot words a picklist as `("a" | "b")`; people read `a, b`. */
function choiceList(expected: string | null): string {
  return (expected ?? '').replace(/[()"]/g, '').split(' | ').join(', ');
}

function shown(input: unknown): string {
  const text = typeof input === 'string' ? input : (JSON.stringify(input) ?? String(input));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
