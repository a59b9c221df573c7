import { describe, expect, it } from 'vitest';
import { importCatalogueCsv, importCatalogueJson, detectFormat, type ImportProblem } from '../../server/catalogue/import.ts';
import { catalogueTranslator } from '../../server/catalogue/problem-messages.ts';
import { catalogue, procedure, shippedCatalogueJson } from './fixtures.ts';

/** Quotes every cell, as spreadsheet exports do for cells with commas or line breaks. */
function csv(rows: Record<string, string>[], header = Object.keys(rows[0] ?? {})): string {
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  return `${[header.map(quote).join(','), ...rows.map((r) => header.map((h) => quote(r[h] ?? '')).join(','))].join('\r\n')}\r\n`;
}

const birth: Record<string, string> = {
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  field_id: 'ho-tich',
  field_name: 'Hộ tịch',
  field_name_en: 'Civil status',
  level: 'commune',
  agency: 'Ủy ban nhân dân cấp xã',
  coordinating_agencies: '',
  targets: 'citizen',
  in_person_time: 'Trong ngày, nhận sau 15 giờ thì trả ngày làm việc tiếp theo',
  in_person_days: '0',
  in_person_fee: 'Miễn lệ phí',
  in_person_fee_amount: '0',
  online_time: 'Trong ngày',
  online_days: '0',
  online_fee: 'Miễn lệ phí',
  online_fee_amount: '',
  online_level: 'full',
  dossier: 'Tờ khai đăng ký khai sinh;1;0;Tờ khai theo mẫu | Giấy chứng sinh;1;0',
  steps: 'Bước 1: Nộp hồ sơ|Bước 2: Nhận kết quả',
  requirements: '',
  result: 'Giấy khai sinh',
  legal_basis: 'Luật Hộ tịch số 60/2014/QH13',
  service_id: 'civil-status',
};

const permit: Record<string, string> = {
  ...birth,
  code: '1.009994.H38',
  name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
  field_id: 'xay-dung',
  field_name: 'Xây dựng',
  field_name_en: 'Construction',
  targets: 'citizen | organisation',
  coordinating_agencies: 'Phòng Kinh tế, Hạ tầng và Đô thị',
  in_person_time: '15 ngày',
  in_person_days: '15',
  in_person_fee: 'Lệ phí: 75.000 đồng/giấy phép',
  in_person_fee_amount: '75.000',
  online_time: '',
  online_days: '',
  online_fee: '',
  online_level: '',
  dossier: 'Đơn đề nghị;1;0 || Trường hợp sửa chữa, cải tạo:: Đơn đề nghị;1;0|Ảnh chụp hiện trạng;1;0',
  steps: 'Bước 1: Nộp hồ sơ,\nkèm bản vẽ|Bước 2: Nhận giấy phép',
  service_id: 'construction',
};

const keysOf = (problems: ImportProblem[]) => problems.map((p) => [p.params.row, p.key]);

describe('importing a JSON catalogue', () => {
  it('accepts the shipped sample and keeps it as it is', () => {
    const text = JSON.stringify(shippedCatalogueJson());
    const outcome = importCatalogueJson(text);
    expect(outcome.ok && outcome.value).toEqual(shippedCatalogueJson());
  });

  it('reports each bad procedure by its position and reason', () => {
    const bad = catalogue([
      procedure({ code: '1.000001' }),
      { ...procedure({ code: '1.000002' }), level: 'village' as 'commune' },
      procedure({ code: '1.000003', fieldId: 'dat-dai' }),
      procedure({ code: '1.000001' }),
    ]);
    const outcome = importCatalogueJson(JSON.stringify(bad));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(keysOf(outcome.problems)).toEqual([
      [2, 'import.invalid_choice'],
      [3, 'import.unknown_field'],
      [4, 'import.duplicate_code'],
    ]);
    expect(outcome.problems[0]!.params).toMatchObject({ column: 'level', value: 'village' });
    expect(outcome.problems[2]!.params).toMatchObject({ code: '1.000001', firstRow: 1 });
  });

  it('refuses text that is not JSON', () => {
    const outcome = importCatalogueJson('{ "version": 1,');
    expect(!outcome.ok && outcome.problems.map((p) => p.key)).toEqual(['import.not_json']);
  });

  it('refuses another catalogue version', () => {
    const outcome = importCatalogueJson(JSON.stringify({ ...catalogue([procedure()]), version: 2 }));
    expect(!outcome.ok && outcome.problems[0]).toEqual({ key: 'import.unsupported_version', params: { version: '2' } });
  });

  it('refuses a catalogue without procedures', () => {
    const outcome = importCatalogueJson(JSON.stringify(catalogue([])));
    expect(!outcome.ok && outcome.problems.map((p) => p.key)).toEqual(['import.no_procedures']);
  });
});

describe('importing a CSV catalogue', () => {
  it('reads one procedure per row, with lists, dossier cases and quoted line breaks', () => {
    const outcome = importCatalogueCsv(csv([birth, permit]));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const c = outcome.value;
    expect(c.sample).toBe(false);
    expect(c.fields).toEqual([
      { id: 'ho-tich', name: 'Hộ tịch', nameEn: 'Civil status' },
      { id: 'xay-dung', name: 'Xây dựng', nameEn: 'Construction' },
    ]);
    const [b, p] = c.procedures;
    expect(b!.filing.map((f) => f.channel)).toEqual(['in-person', 'online']);
    expect(b!.filing[1]!.fee).toEqual({ text: 'Miễn lệ phí' });
    expect(b!.onlineLevel).toBe('full');
    expect(b!.dossier).toEqual([
      {
        components: [
          { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, form: 'Tờ khai theo mẫu' },
          { name: 'Giấy chứng sinh', originals: 1, copies: 0 },
        ],
      },
    ]);
    expect(p!.code).toBe('1.009994.H38');
    expect(p!.targets).toEqual(['citizen', 'organisation']);
    expect(p!.filing).toEqual([
      {
        channel: 'in-person',
        timeLimit: { text: '15 ngày', workingDays: 15 },
        fee: { text: 'Lệ phí: 75.000 đồng/giấy phép', amount: 75000 },
      },
    ]);
    expect(p!.onlineLevel).toBeUndefined();
    expect(p!.dossier[1]).toEqual({
      title: 'Trường hợp sửa chữa, cải tạo',
      components: [
        { name: 'Đơn đề nghị', originals: 1, copies: 0 },
        { name: 'Ảnh chụp hiện trạng', originals: 1, copies: 0 },
      ],
    });
    expect(p!.steps).toEqual(['Bước 1: Nộp hồ sơ,\nkèm bản vẽ', 'Bước 2: Nhận giấy phép']);
  });

  it('marks a paper that is only shown (xuất trình), and refuses any other ending', () => {
    const shown = { ...birth, dossier: 'Tờ khai;1;0 | Căn cước;1;0;;xuất trình | Sổ hộ khẩu;1;0;Mẫu HK;shown' };
    const outcome = importCatalogueCsv(csv([shown]));
    expect(outcome.ok && outcome.value.procedures[0]!.dossier[0]!.components).toEqual([
      { name: 'Tờ khai', originals: 1, copies: 0 },
      { name: 'Căn cước', originals: 1, copies: 0, shownOnly: true },
      { name: 'Sổ hộ khẩu', originals: 1, copies: 0, form: 'Mẫu HK', shownOnly: true },
    ]);
    const bad = importCatalogueCsv(csv([{ ...birth, dossier: 'Căn cước;1;0;;nộp' }]));
    expect(!bad.ok && keysOf(bad.problems)).toEqual([[2, 'import.invalid_dossier']]);
  });

  it('reads semicolon-separated files with a byte-order mark, as Excel saves them', () => {
    const text = `\uFEFF${csv([birth]).replace(/","/g, '";"')}`;
    const outcome = importCatalogueCsv(text);
    expect(outcome.ok && outcome.value.procedures[0]!.name).toBe('Đăng ký khai sinh');
  });

  it('composes decomposed Vietnamese from the spreadsheet', () => {
    const outcome = importCatalogueCsv(csv([{ ...birth, name: birth.name!.normalize('NFD') }]));
    expect(outcome.ok && outcome.value.procedures[0]!.name).toBe('Đăng ký khai sinh');
  });

  it('reports bad rows by spreadsheet row number and reason', () => {
    const rows = [
      birth,
      { ...permit, code: '1.0099', level: 'huyện', in_person_days: 'mười lăm' },
      { ...permit, code: '1.000003', dossier: 'Đơn đề nghị;một;0' },
      { ...permit, code: '1.001193', in_person_time: '', in_person_days: '', in_person_fee: '', in_person_fee_amount: '' },
      { ...permit, code: '1.000005', field_name: 'Xây dựng cơ bản', result: '' },
    ];
    const outcome = importCatalogueCsv(csv(rows));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(keysOf(outcome.problems)).toEqual([
      [3, 'import.invalid_code'],
      [3, 'import.invalid_choice'],
      [3, 'import.invalid_number'],
      [4, 'import.invalid_dossier'],
      [5, 'import.no_filing'],
      [6, 'import.field_name_conflict'],
      [6, 'import.required'],
    ]);
    expect(outcome.problems[2]!.params).toMatchObject({ column: 'in_person_days', value: 'mười lăm' });
    expect(outcome.problems[4]!.params).toEqual({ row: 5 });
    expect(outcome.problems[6]!.params).toMatchObject({ column: 'result' });
  });

  it('reports a code used twice with both rows', () => {
    const outcome = importCatalogueCsv(csv([birth, permit, { ...permit, name: 'Bản sao' }]));
    expect(!outcome.ok && outcome.problems).toEqual([
      { key: 'import.duplicate_code', params: { row: 4, code: '1.009994.H38', firstRow: 3 } },
    ]);
  });

  it('refuses a header with a missing required or an unknown column before reading rows', () => {
    const { result: _, ...withoutResult } = birth;
    const outcome = importCatalogueCsv(csv([{ ...withoutResult, portal_link: 'x' }]));
    expect(!outcome.ok && outcome.problems).toEqual([
      { key: 'import.unknown_column', params: { column: 'portal_link' } },
      { key: 'import.missing_column', params: { column: 'result' } },
    ]);
  });

  it('reports a row with the wrong number of cells', () => {
    const text = `${csv([birth])}"1.000009","Thiếu ô"\r\n`;
    const outcome = importCatalogueCsv(text);
    expect(!outcome.ok && outcome.problems[0]!.key).toBe('import.cell_count');
    expect(!outcome.ok && outcome.problems[0]!.params.row).toBe(3);
  });

  it('reports a quotation mark that never closes', () => {
    const outcome = importCatalogueCsv(`${csv([birth])}"1.000009,no end\r\n`);
    expect(!outcome.ok && outcome.problems).toEqual([{ key: 'import.unterminated_quote', params: { row: 3 } }]);
  });
});

describe('import problems as messages', () => {
  it('translate every reason into both languages with the row filled in', async () => {
    const outcome = importCatalogueCsv(
      csv([
        { ...birth, code: 'x', level: 'y', targets: 'z', online_level: 'w', in_person_days: 'v', service_id: 'Bad Id', dossier: 'a;b' },
        { ...permit, name: '' },
      ]),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    for (const lang of ['vi', 'en'] as const) {
      const t = await catalogueTranslator(lang);
      for (const problem of outcome.problems) {
        const message = t(problem.key, problem.params);
        expect(message).not.toBe(problem.key);
        expect(message).not.toMatch(/\{\{/);
        expect(message).toContain(String(problem.params.row));
      }
    }
  });
});

describe('choosing the format', () => {
  it('goes by the extension, then by the content', () => {
    expect(detectFormat('export.CSV', '{')).toBe('csv');
    expect(detectFormat('export.json', 'code,name')).toBe('json');
    expect(detectFormat('export', '\uFEFF  {"version":1}')).toBe('json');
    expect(detectFormat('export', 'code,name')).toBe('csv');
  });
});
