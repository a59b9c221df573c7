import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CatalogueSchema, ProcedureSchema, catalogueConflicts, type Catalogue } from '../../protocol/catalogue.ts';
import { catalogue, procedure, shippedCatalogueJson } from './fixtures.ts';

const SERVICE_IDS = ['civil-status', 'certification', 'land', 'construction', 'business', 'social', 'general'];

function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

describe('the shipped sample catalogue (data/catalogue.json)', () => {
  const raw = shippedCatalogueJson();
  const parsed = v.safeParse(CatalogueSchema, raw);
  const shipped = raw as Catalogue;

  it('validates against the catalogue schema', () => {
    expect(parsed.issues).toBeUndefined();
    expect(parsed.success).toBe(true);
  });

  it('is marked as a sample', () => {
    expect(shipped.sample).toBe(true);
  });

  it('has at least 40 procedures in at least 8 fields, each field named in English', () => {
    expect(shipped.procedures.length).toBeGreaterThanOrEqual(40);
    expect(new Set(shipped.procedures.map((p) => p.fieldId)).size).toBeGreaterThanOrEqual(8);
    expect(shipped.fields.every((f) => f.nameEn.length > 0)).toBe(true);
  });

  it('gives every procedure a field that exists', () => {
    const fieldIds = new Set(shipped.fields.map((f) => f.id));
    expect(shipped.procedures.filter((p) => !fieldIds.has(p.fieldId)).map((p) => p.code)).toEqual([]);
  });

  it('maps every procedure to one of the seven sample services', () => {
    expect(shipped.procedures.filter((p) => !SERVICE_IDS.includes(p.serviceId)).map((p) => p.code)).toEqual([]);
  });

  it('has unique procedure codes', () => {
    const codes = shipped.procedures.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('writes every string in composed Unicode (NFC)', () => {
    expect(allStrings(raw).filter((s) => s.normalize('NFC') !== s)).toEqual([]);
  });
});

describe('the procedure schema', () => {
  it('accepts provincial code variants and the historical district level', () => {
    expect(v.is(ProcedureSchema, procedure({ code: '1.001193.H38', level: 'district' }))).toBe(true);
    expect(v.is(ProcedureSchema, procedure({ code: '1.001193.000.00.00.H38' }))).toBe(true);
  });

  it('refuses a malformed code', () => {
    expect(v.is(ProcedureSchema, procedure({ code: '1001193' }))).toBe(false);
  });

  it('refuses a procedure with no way of filing', () => {
    expect(v.is(ProcedureSchema, procedure({ filing: [] }))).toBe(false);
  });

  it('refuses the same way of filing twice', () => {
    const inPerson = procedure().filing[0]!;
    expect(v.is(ProcedureSchema, procedure({ filing: [inPerson, inPerson] }))).toBe(false);
  });

  it('composes decomposed Vietnamese text while parsing', () => {
    const output = v.parse(ProcedureSchema, procedure({ name: 'Đăng ký khai sinh'.normalize('NFD') }));
    expect(output.name).toBe('Đăng ký khai sinh');
  });
});

describe('catalogue cross-references', () => {
  it('reports a duplicate code with the index of its first use', () => {
    const c = catalogue([procedure({ code: '1.000001' }), procedure({ code: '1.000001' })]);
    expect(catalogueConflicts(c)).toEqual([{ kind: 'duplicate_code', index: 1, code: '1.000001', firstIndex: 0 }]);
    expect(v.is(CatalogueSchema, c)).toBe(false);
  });

  it('reports a procedure whose field is missing', () => {
    const c = catalogue([procedure({ fieldId: 'dat-dai' })]);
    expect(catalogueConflicts(c)).toEqual([{ kind: 'unknown_field', index: 0, fieldId: 'dat-dai' }]);
  });
});
