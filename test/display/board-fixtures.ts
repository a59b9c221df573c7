import type { CallView, DisplaySnapshot } from '../../protocol/views.ts';

const t0 = Date.UTC(2026, 10, 23, 2, 0);

/** A call at `t0 + atSeconds`. */
export function call(
  ticketId: string,
  label: string,
  counterId: number,
  serviceId = 'civil-status',
  atSeconds = 0,
  recall = false,
): CallView {
  return {
    ticketId,
    label,
    counterId,
    counterName: { vi: `Quầy ${counterId}`, en: `Counter ${counterId}` },
    serviceId,
    at: t0 + atSeconds * 1000,
    recall,
  };
}

/** A small centre's board: counters 1 (civil status), 4 (land) and 8 (civil status, general). */
export function boardSnapshot(overrides: Partial<DisplaySnapshot> = {}): DisplaySnapshot {
  return {
    centreName: { vi: 'Trung tâm thử', en: 'Test centre' },
    day: '2026-11-23',
    serverTime: t0 + 120_000,
    calls: [],
    counters: [
      { id: 1, name: { vi: 'Quầy 1', en: 'Counter 1' }, status: 'open', currentLabel: null, serviceIds: ['civil-status'] },
      { id: 4, name: { vi: 'Quầy 4', en: 'Counter 4' }, status: 'open', currentLabel: null, serviceIds: ['land'] },
      { id: 8, name: { vi: 'Quầy 8', en: 'Counter 8' }, status: 'paused', currentLabel: null, serviceIds: ['civil-status', 'general'] },
    ],
    services: [
      { id: 'civil-status', code: 'HT', name: { vi: 'Hộ tịch', en: 'Civil status' }, waiting: 3 },
      { id: 'land', code: 'DD', name: { vi: 'Đất đai', en: 'Land' }, waiting: 1 },
      { id: 'general', code: 'TH', name: { vi: 'Tổng hợp', en: 'General' }, waiting: 0 },
    ],
    configVersion: 'test-config',
    ...overrides,
  };
}
