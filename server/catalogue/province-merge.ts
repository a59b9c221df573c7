import type { Catalogue, Procedure } from '../../protocol/catalogue.ts';

export interface ProvinceMergeInput {
  /** The version the province published. */
  province: Catalogue;
  /** What the kiosks show now. */
  current: Catalogue;
  /** The codes the previously applied province version brought; null when none was applied yet. */
  previousProvinceCodes: ReadonlySet<string> | null;
  /** The centre's queue services. */
  serviceIds: ReadonlySet<string>;
}

export interface ProvinceMergeOutcome {
  catalogue: Catalogue;
  /** Codes that came from the province, to tell them from the centre's own next time. */
  provinceCodes: string[];
  /** The centre's own procedures kept beside the province's. */
  ownKept: number;
  /** Province procedures the centre has no service for yet: they are listed, but need mapping. */
  unmapped: string[];
}

/**
 * The kiosk catalogue after pulling a province version: the province's procedures, wording and
 * fees, each on the queue service this centre maps it to, plus the centre's own procedures.
 * The mapping the centre made (a procedure on one of its services) wins; a new procedure goes
 * on the service the province named if the centre has it, else on the service the centre uses
 * most for that field. A procedure the province withdrew leaves; one the centre added stays.
 */
export function mergeProvinceCatalogue(input: ProvinceMergeInput): ProvinceMergeOutcome {
  const { province, current, previousProvinceCodes, serviceIds } = input;
  const provinceCodes = new Set(province.procedures.map((p) => p.code));
  const currentByCode = new Map(current.procedures.map((p) => [p.code, p]));
  const fieldService = mostUsedServiceByField(current.procedures, serviceIds);
  const unmapped: string[] = [];
  const procedures = province.procedures.map((p): Procedure => {
    const mine = currentByCode.get(p.code);
    const serviceId = [mine?.serviceId, p.serviceId, fieldService.get(p.fieldId)].find((id) => id !== undefined && serviceIds.has(id));
    if (!serviceId) unmapped.push(p.code);
    return { ...p, serviceId: serviceId ?? p.serviceId };
  });
  // The sample catalogue is nobody's own: the first province version replaces it whole.
  const own = current.sample
    ? []
    : current.procedures.filter((p) => !provinceCodes.has(p.code) && !(previousProvinceCodes?.has(p.code) ?? false));
  const fieldIds = new Set(province.fields.map((f) => f.id));
  const ownFields = current.fields.filter((f) => !fieldIds.has(f.id) && own.some((p) => p.fieldId === f.id));
  return {
    catalogue: { version: 1, sample: false, fields: [...province.fields, ...ownFields], procedures: [...procedures, ...own] },
    provinceCodes: [...provinceCodes],
    ownKept: own.length,
    unmapped,
  };
}

function mostUsedServiceByField(procedures: readonly Procedure[], serviceIds: ReadonlySet<string>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const p of procedures) {
    if (!serviceIds.has(p.serviceId)) continue;
    const perService = counts.get(p.fieldId) ?? new Map<string, number>();
    perService.set(p.serviceId, (perService.get(p.serviceId) ?? 0) + 1);
    counts.set(p.fieldId, perService);
  }
  return new Map([...counts].map(([field, perService]) => [field, [...perService].sort((a, b) => b[1] - a[1])[0]![0]]));
}
