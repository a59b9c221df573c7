import { describe, expect, it } from 'vitest';
import { emptyDayState } from '../../server/core/queue-state.ts';
import { kioskSnapshot } from '../../server/views/kiosk-view.ts';
import { at, monday, siteConfig } from '../support/site-fixture.ts';

describe('kiosk snapshot on a day off', () => {
  it('says once that the centre is closed on its weekly rest day, and when it opens', () => {
    const s = kioskSnapshot(siteConfig(), emptyDayState('2026-11-22'), at('2026-11-22', '09:00'), 'ready', { ok: true });
    expect(s.closedDay).toEqual({ dayOff: null, reopensAt: at(monday, '07:00') });
  });

  it('names the holiday', () => {
    const s = kioskSnapshot(siteConfig(), emptyDayState('2026-09-02'), at('2026-09-02', '09:00'), 'ready', { ok: true });
    expect(s.closedDay).toEqual({ dayOff: { holiday: 'national_day', name: null }, reopensAt: at('2026-09-03', '07:00') });
  });

  it('is not set on a working day, even before opening or after the cut-off', () => {
    for (const time of ['06:00', '09:00', '16:45']) {
      expect(kioskSnapshot(siteConfig(), emptyDayState(monday), at(monday, time), 'ready', { ok: true }).closedDay).toBeNull();
    }
  });
});
