import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../protocol/catalogue.ts';
import { importCatalogueFile } from '../../server/catalogue/import-file.ts';
import { importCatalogueCsv } from '../../server/catalogue/import.ts';
import { decodeCatalogueText } from '../../server/catalogue/text-encoding.ts';

// Files as Excel on a Vietnamese Windows saves them, made for the test from the documented
// example: the conversions are glibc's iconv (an encoder that is not ours), except VNI, which
// iconv does not know, typed here as a VNI font user would have typed it.

const examples = join(import.meta.dirname, '../../docs/examples');
const exampleCsv = readFileSync(join(examples, 'catalogue.csv'), 'utf8');

function iconv(text: string, to: string): Uint8Array {
  const run = spawnSync('iconv', ['-f', 'UTF-8', '-t', to], { input: text });
  if (run.status !== 0) throw new Error(`iconv to ${to}: ${run.stderr.toString()}`);
  return new Uint8Array(run.stdout);
}

const withBom = (bom: number[], bytes: Uint8Array) => Uint8Array.from([...bom, ...bytes]);

function expected(text: string): Catalogue {
  const r = importCatalogueCsv(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

/** TCVN-3 has no codes for capitals with tone marks (fonts like .VnTimeH drew the lowercase codes as capitals). */
const tcvn3Letters = (text: string) => text.replace(/Ủ/g, 'ủ');

describe('catalogue files in every encoding Excel saves', () => {
  const cases: Array<[string, Uint8Array, string, string]> = [
    ['CSV UTF-8 (with the byte-order mark Excel writes)', withBom([0xef, 0xbb, 0xbf], iconv(exampleCsv, 'UTF-8')), 'utf-8', exampleCsv],
    ['UTF-8 without a mark', iconv(exampleCsv, 'UTF-8'), 'utf-8', exampleCsv],
    ['Unicode text (UTF-16 LE with a mark)', withBom([0xff, 0xfe], iconv(exampleCsv, 'UTF-16LE')), 'utf-16le', exampleCsv],
    ['UTF-16 BE with a mark', withBom([0xfe, 0xff], iconv(exampleCsv, 'UTF-16BE')), 'utf-16be', exampleCsv],
    ['UTF-16 LE without a mark', iconv(exampleCsv, 'UTF-16LE'), 'utf-16le', exampleCsv],
    [
      'CSV on Vietnamese Windows (Windows-1258, tone marks as combining characters)',
      iconv(exampleCsv, 'CP1258'),
      'windows-1258',
      exampleCsv,
    ],
    ['TCVN-3 (.VnTime fonts)', iconv(tcvn3Letters(exampleCsv), 'TCVN5712-1'), 'tcvn3', tcvn3Letters(exampleCsv)],
  ];

  it.each(cases)('%s is read exactly', (_name, bytes, encoding, text) => {
    const r = importCatalogueFile(bytes, 'catalogue.csv');
    expect(r.ok && r.value.encoding).toBe(encoding);
    if (!r.ok) return;
    expect(r.value.catalogue).toEqual(expected(text));
    expect(r.value.catalogue.procedures[0]!.name).toBe('Đăng ký khai sinh');
  });

  it('the Windows-1258 file really holds tone marks as separate bytes (as Excel writes them)', () => {
    // "ký": k, y, then the combining acute 0xEC: a reader that takes the bytes as UTF-8 breaks here.
    const bytes = iconv('ký', 'CP1258');
    expect([...bytes]).toEqual([0x6b, 0x79, 0xec]);
  });

  const vniText = [
    'code,name,field_id,field_name,field_name_en,level,agency,targets,in_person_time,in_person_fee,result,service_id',
    '1.001193,Ñaêng kyù khai sinh,ho-tich,Hoä tòch,Civil status,commune,UÛy ban nhaân daân caáp xaõ,citizen,Trong ngaøy,Mieãn leä phí,Giaáy khai sinh,civil-status',
    '2.000815,Chöùng thöïc baûn sao töø baûn chính,chung-thuc,Chöùng thöïc,Certification,commune,UÛy ban nhaân daân caáp xaõ,citizen,Trong ngaøy,2.000 ñoàng moät trang,Baûn sao ñöôïc chöùng thöïc,certification',
  ].join('\r\n');
  const unicode = [
    ['Đăng ký khai sinh', 'Hộ tịch', 'Giấy khai sinh', 'Miễn lệ phí'],
    ['Chứng thực bản sao từ bản chính', 'Chứng thực', 'Bản sao được chứng thực', '2.000 đồng một trang'],
  ];

  it.each([
    ['VNI bytes (VNI-Times fonts)', iconv(vniText, 'WINDOWS-1252'), 'vni'],
    ['VNI letters saved as UTF-8', iconv(vniText, 'UTF-8'), 'vni-in-utf-8'],
  ])('%s are read as Unicode', (_name, bytes, encoding) => {
    const r = importCatalogueFile(bytes, 'catalogue.csv');
    expect(r.ok && r.value.encoding).toBe(encoding);
    if (!r.ok) return;
    const { procedures, fields } = r.value.catalogue;
    expect(procedures.map((p) => [p.name, fields.find((f) => f.id === p.fieldId)?.name, p.result, p.filing[0]!.fee.text])).toEqual(unicode);
    expect(procedures[0]!.agency).toBe('Ủy ban nhân dân cấp xã');
  });

  it('TCVN-3 typed in .Vn fonts and saved as UTF-8 is read as Unicode', () => {
    const legacy = new TextDecoder('windows-1252').decode(iconv(tcvn3Letters(exampleCsv), 'TCVN5712-1'));
    const r = importCatalogueFile(new TextEncoder().encode(legacy), 'catalogue.csv');
    expect(r.ok && r.value.encoding).toBe('tcvn3-in-utf-8');
    if (r.ok) expect(r.value.catalogue).toEqual(expected(tcvn3Letters(exampleCsv)));
  });

  it('the JSON example holds the same catalogue as the CSV example', () => {
    const r = importCatalogueFile(readFileSync(join(examples, 'catalogue.json')), 'catalogue.json');
    expect(r.ok && r.value.catalogue).toEqual(expected(exampleCsv));
  });

  it('refuses a file no encoding reads as Vietnamese, naming a word it could not read', () => {
    // Shift-JIS bytes: every single-byte table maps them, none to Vietnamese words.
    const r = decodeCatalogueText(iconv('code,name\n1.001193,出生登録 の 手続き\n', 'SHIFT_JIS'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.key).toBe('import.encoding_unknown');
      expect(String(r.problem.params.word)).not.toBe('');
    }
  });

  it('refuses a file whose byte-order mark promises UTF-8 it does not hold', () => {
    const r = decodeCatalogueText(withBom([0xef, 0xbb, 0xbf], iconv('Đăng ký', 'CP1258')));
    expect(r).toEqual({ ok: false, problem: { key: 'import.encoding_broken', params: { encoding: 'utf-8' } } });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeCatalogueText(new TextEncoder().encode('code,name\n1.000001,Dang ky\n'))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });
});
