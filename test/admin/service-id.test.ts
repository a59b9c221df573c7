import { describe, expect, it } from 'vitest';
import { serviceIdFromName } from '../../admin/service-id.ts';

describe('a new service’s id, made from its name', () => {
  it('folds Vietnamese letters and joins the words with hyphens', () => {
    expect(serviceIdFromName('Hộ tịch – Chứng thực', new Set())).toBe('ho-tich-chung-thuc');
    expect(serviceIdFromName('Đất đai', new Set())).toBe('dat-dai');
  });

  it('numbers it when the id is taken', () => {
    expect(serviceIdFromName('Đất đai', new Set(['dat-dai']))).toBe('dat-dai-2');
    expect(serviceIdFromName('Đất đai', new Set(['dat-dai', 'dat-dai-2']))).toBe('dat-dai-3');
  });

  it('stays within 32 characters, whole words only, as the server wants', () => {
    const id = serviceIdFromName('Lao động – Thương binh và Xã hội, Bảo trợ xã hội', new Set());
    expect(id).toBe('lao-dong-thuong-binh-va-xa-hoi');
    expect(id.length).toBeLessThanOrEqual(32);
    expect(serviceIdFromName('Lao động – Thương binh và Xã hội', new Set([id])).length).toBeLessThanOrEqual(32);
  });

  it('is empty until the name has a letter', () => {
    expect(serviceIdFromName(' – ', new Set())).toBe('');
  });
});
