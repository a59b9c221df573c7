import { describe, expect, it } from 'vitest';
import { withProvinceFees } from '../../hub/catalogue/province-fees.ts';
import { mergeProvinceCatalogue } from '../../server/catalogue/province-merge.ts';
import { catalogue, procedure } from './fixtures.ts';

const services = new Set(['civil-status', 'construction', 'desk-2']);
const p = (code: string, over: Parameters<typeof procedure>[0] = {}) => procedure({ code, name: `Thủ tục ${code}`, ...over });

describe('pulling the province catalogue into a centre', () => {
  it('replaces the sample catalogue whole the first time', () => {
    const current = { ...catalogue([p('1.000001'), p('1.000009')]), sample: true };
    const out = mergeProvinceCatalogue({
      province: catalogue([p('1.000001')]),
      current,
      previousProvinceCodes: null,
      serviceIds: services,
    });
    expect(out.catalogue.procedures.map((x) => x.code)).toEqual(['1.000001']);
    expect(out.catalogue.sample).toBe(false);
  });

  it("keeps the centre's own procedures beside the province's", () => {
    const current = catalogue([p('1.000001'), p('2.000100', { name: 'Thủ tục riêng của phường' })]);
    const out = mergeProvinceCatalogue({
      province: catalogue([p('1.000001'), p('1.000002')]),
      current,
      previousProvinceCodes: new Set(['1.000001']),
      serviceIds: services,
    });
    expect(out.catalogue.procedures.map((x) => x.code)).toEqual(['1.000001', '1.000002', '2.000100']);
    expect(out.ownKept).toBe(1);
    expect(out.provinceCodes).toEqual(['1.000001', '1.000002']);
  });

  it('drops a procedure the province withdrew', () => {
    const current = catalogue([p('1.000001'), p('1.000002')]);
    const out = mergeProvinceCatalogue({
      province: catalogue([p('1.000001')]),
      current,
      previousProvinceCodes: new Set(['1.000001', '1.000002']),
      serviceIds: services,
    });
    expect(out.catalogue.procedures.map((x) => x.code)).toEqual(['1.000001']);
  });

  it("keeps the centre's mapping of a procedure to its own service, and takes the province's wording and fee", () => {
    const current = catalogue([p('1.000001', { serviceId: 'desk-2', name: 'Tên cũ' })]);
    const fee = { text: 'Lệ phí: 10.000 đồng', amount: 10_000 };
    const province = withProvinceFees(catalogue([p('1.000001', { name: 'Tên mới của tỉnh' })]), [
      { code: '1.000001', channel: 'in-person', fee },
    ]);
    const out = mergeProvinceCatalogue({ province, current, previousProvinceCodes: new Set(['1.000001']), serviceIds: services });
    expect(out.catalogue.procedures[0]).toMatchObject({ serviceId: 'desk-2', name: 'Tên mới của tỉnh' });
    expect(out.catalogue.procedures[0]!.filing[0]!.fee).toEqual(fee);
  });

  it("puts a new procedure on the province's service, else on the one the centre uses most for its field", () => {
    const current = catalogue([
      p('1.000001', { fieldId: 'xay-dung', serviceId: 'construction' }),
      p('1.000003', { fieldId: 'xay-dung', serviceId: 'construction' }),
    ]);
    const province = catalogue([
      p('1.000001', { fieldId: 'xay-dung' }),
      p('1.000004', { fieldId: 'xay-dung', serviceId: 'building-permits' }),
      p('1.000005', { serviceId: 'civil-status' }),
      p('1.000006', { fieldId: 'ho-tich', serviceId: 'nowhere' }),
    ]);
    const out = mergeProvinceCatalogue({ province, current, previousProvinceCodes: null, serviceIds: services });
    const service = (code: string) => out.catalogue.procedures.find((x) => x.code === code)!.serviceId;
    expect(service('1.000004')).toBe('construction');
    expect(service('1.000005')).toBe('civil-status');
    expect(out.unmapped).toEqual(['1.000006']);
  });

  it("keeps the fields the centre's own procedures need", () => {
    const current = { ...catalogue([p('2.000100', { fieldId: 'rieng' })]), fields: [{ id: 'rieng', name: 'Riêng', nameEn: 'Own' }] };
    const province = { ...catalogue([p('1.000001')]), fields: [{ id: 'ho-tich', name: 'Hộ tịch', nameEn: 'Civil status' }] };
    const out = mergeProvinceCatalogue({ province, current, previousProvinceCodes: new Set(), serviceIds: services });
    expect(out.catalogue.fields.map((f) => f.id)).toEqual(['ho-tich', 'rieng']);
  });
});
