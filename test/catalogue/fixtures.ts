import { readFileSync } from 'node:fs';
import type { Catalogue, Procedure } from '../../protocol/catalogue.ts';

/** A valid procedure; tests override only what they are about. */
export function procedure(overrides: Partial<Procedure> = {}): Procedure {
  return {
    code: '1.000001',
    name: 'Thủ tục mẫu',
    fieldId: 'ho-tich',
    level: 'commune',
    agency: 'Ủy ban nhân dân cấp xã',
    coordinatingAgencies: [],
    targets: ['citizen'],
    filing: [{ channel: 'in-person', timeLimit: { text: 'Trong ngày', workingDays: 0 }, fee: { text: 'Miễn lệ phí', amount: 0 } }],
    dossier: [{ components: [{ name: 'Tờ khai', originals: 1, copies: 0 }] }],
    steps: [],
    requirements: [],
    result: 'Kết quả',
    legalBasis: [],
    serviceId: 'civil-status',
    ...overrides,
  };
}

export function catalogue(procedures: Procedure[]): Catalogue {
  return {
    version: 1,
    sample: false,
    fields: [
      { id: 'ho-tich', name: 'Hộ tịch', nameEn: 'Civil status' },
      { id: 'xay-dung', name: 'Xây dựng', nameEn: 'Construction' },
    ],
    procedures,
  };
}

export const SHIPPED_CATALOGUE_PATH = new URL('../../data/catalogue.json', import.meta.url);

export function shippedCatalogueJson(): unknown {
  return JSON.parse(readFileSync(SHIPPED_CATALOGUE_PATH, 'utf8'));
}
