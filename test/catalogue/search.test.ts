import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchCatalogue } from '../../client/search/catalogue-search.ts';
import { foldText, foldedWords } from '../../client/search/normalise.ts';
import { catalogue, procedure, shippedCatalogueJson } from './fixtures.ts';
import type { Catalogue } from '../../protocol/catalogue.ts';

const names = (index: ReturnType<typeof buildSearchIndex>, query: string) => searchCatalogue(index, query).map((hit) => hit.procedure.name);

describe('folding text for search', () => {
  it('turns đ and Đ into d', () => {
    expect(foldText('Đăng ký đất đai')).toBe('dang ky dat dai');
  });

  it('strips all five tone marks and the vowel marks under them', () => {
    expect(foldText('à á ả ã ạ ằ ấ ể ỗ ợ ữ ỳ')).toBe('a a a a a a a e o o u y');
  });

  it('lowercases, including upper-case letters with marks', () => {
    expect(foldText('KHAI SINH ĐĂNG KÝ Ữ')).toBe('khai sinh dang ky u');
  });

  it('folds decomposed (NFD) input the same as composed input', () => {
    expect(foldText('Khai sinh'.normalize('NFD'))).toBe(foldText('Khai sinh'));
    expect(foldText('Hộ tịch'.normalize('NFD'))).toBe('ho tich');
  });

  it('splits words on punctuation, so a code yields its parts', () => {
    expect(foldedWords('Nhận cha, mẹ, con (1.001022)')).toEqual(['nhan', 'cha', 'me', 'con', '1', '001022']);
  });
});

describe('matching', () => {
  const index = buildSearchIndex(
    catalogue([
      procedure({ code: '1.000001', name: 'Đăng ký khai sinh' }),
      procedure({ code: '1.000002', name: 'Đăng ký khai tử' }),
      procedure({ code: '1.000003', name: 'Cấp giấy phép xây dựng', fieldId: 'xay-dung', serviceId: 'construction' }),
    ]),
  );

  it('finds a name typed without diacritics', () => {
    expect(names(index, 'dang ky khai sinh')).toEqual(['Đăng ký khai sinh']);
  });

  it('matches every query word as a word prefix', () => {
    expect(names(index, 'k sinh')).toEqual(['Đăng ký khai sinh']);
    expect(names(index, 'dan k')).toEqual(['Đăng ký khai sinh', 'Đăng ký khai tử']);
  });

  it('needs every query word to match', () => {
    expect(names(index, 'sinh xay')).toEqual([]);
  });

  it('does not match inside a word', () => {
    expect(names(index, 'ai')).toEqual([]);
  });

  it('finds nothing for a word no procedure has', () => {
    expect(names(index, 'hộ chiếu')).toEqual([]);
  });

  it('finds nothing for an empty or punctuation-only query', () => {
    expect(names(index, '')).toEqual([]);
    expect(names(index, '  ,. ')).toEqual([]);
  });

  it('matches the code', () => {
    expect(names(index, '1.000003')).toEqual(['Cấp giấy phép xây dựng']);
  });

  it('honours the limit', () => {
    expect(searchCatalogue(index, 'dang', { limit: 1 })).toHaveLength(1);
  });
});

describe('ranking', () => {
  const index = buildSearchIndex(
    catalogue([
      procedure({
        code: '1.000001',
        name: 'Đăng ký khai tử',
        dossier: [{ components: [{ name: 'Giấy chứng sinh của người chết, nếu có', originals: 0, copies: 1 }] }],
      }),
      procedure({ code: '1.000002', name: 'Đăng ký lại khai sinh' }),
      procedure({ code: '1.000003', name: 'Đăng ký khai sinh' }),
      procedure({ code: '1.000004', name: 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con' }),
      procedure({ code: '1.000005', name: 'Sinh hoạt tôn giáo tập trung', fieldId: 'xay-dung' }),
    ]),
  );

  it('puts name matches above matches in dossier documents', () => {
    const hits = searchCatalogue(index, 'sinh');
    expect(hits.at(-1)?.procedure.name).toBe('Đăng ký khai tử');
    expect(hits.at(-1)?.matchedIn).toBe('document');
    expect(hits[0]?.matchedIn).toBe('name');
  });

  it('ranks an earlier word match higher, then breaks ties by name', () => {
    expect(names(index, 'sinh')).toEqual([
      'Sinh hoạt tôn giáo tập trung',
      'Đăng ký khai sinh',
      'Đăng ký khai sinh kết hợp nhận cha, mẹ, con',
      'Đăng ký lại khai sinh',
      'Đăng ký khai tử',
    ]);
  });

  it('ranks query words that follow each other in the name above scattered ones', () => {
    const idx = buildSearchIndex(
      catalogue([
        procedure({ code: '1.000001', name: 'Cấp giấy chứng nhận an toàn thực phẩm' }),
        procedure({ code: '1.000002', name: 'Chứng thực chữ ký' }),
      ]),
    );
    expect(names(idx, 'chung thuc')).toEqual(['Chứng thực chữ ký', 'Cấp giấy chứng nhận an toàn thực phẩm']);
  });

  it('ranks more query words found in the name higher', () => {
    expect(names(index, 'khai sinh')[0]).toBe('Đăng ký khai sinh');
  });

  it('ranks a whole-word match above a prefix match', () => {
    const idx = buildSearchIndex(
      catalogue([
        procedure({ code: '1.000001', name: 'Đăng ký hoạt động' }),
        procedure({ code: '1.000002', name: 'Đăng ký hộ kinh doanh' }),
      ]),
    );
    expect(names(idx, 'ho')[0]).toBe('Đăng ký hộ kinh doanh');
  });

  it('matches field names as documents', () => {
    const hits = searchCatalogue(index, 'xay dung');
    expect(hits.map((h) => [h.procedure.name, h.matchedIn])).toEqual([['Sinh hoạt tôn giáo tập trung', 'document']]);
  });
});

describe('search over the shipped sample catalogue', () => {
  const index = buildSearchIndex(shippedCatalogueJson() as Catalogue);

  it('finds "Đăng ký khai sinh" first for "dang ky khai sinh"', () => {
    expect(names(index, 'dang ky khai sinh')[0]).toBe('Đăng ký khai sinh');
  });

  it('lists certification procedures first for "chung thuc"', () => {
    const certification = (shippedCatalogueJson() as Catalogue).procedures.filter((p) => p.serviceId === 'certification');
    const top = searchCatalogue(index, 'chung thuc', { limit: certification.length });
    expect(top.map((h) => h.procedure.serviceId)).toEqual(certification.map(() => 'certification'));
  });
});
