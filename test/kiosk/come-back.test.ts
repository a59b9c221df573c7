import { describe, expect, it } from 'vitest';
import { createI18n } from '../../client/i18n.ts';
import { refusalText, whenText, type ClockContext } from '../../kiosk/state/come-back.ts';
import { kioskTiming } from '../../kiosk/state/kiosk-timing.ts';
import { at, monday } from '../support/site-fixture.ts';

const timeZone = 'Asia/Ho_Chi_Minh';
function clock(lang: 'vi' | 'en'): ClockContext {
  const i18n = createI18n(['kiosk'], lang);
  return { t: i18n.t.bind(i18n), lang, now: at(monday, '09:00'), timeZone };
}

describe('when to come back', () => {
  it('says "hôm nay" for later the same day', () => {
    expect(whenText(at(monday, '13:00'), clock('vi'))).toBe('13:00 hôm nay');
  });

  it('says "ngày mai" with the weekday for the next day', () => {
    expect(whenText(at('2026-11-24', '07:00'), clock('vi'))).toBe('07:00 ngày mai, Thứ Ba, 24/11');
    expect(whenText(at('2026-11-24', '07:00'), clock('en'))).toBe('07:00 tomorrow, Tuesday 24/11');
  });

  it('gives the weekday and date for a day further away', () => {
    expect(whenText(at('2026-11-30', '07:00'), clock('vi'))).toBe('07:00, Thứ Hai, 30/11');
  });

  it('words a quota refusal in the language the kiosk shows, not the socket’s', () => {
    const error = { code: 'quota_reached', message: 'Đã hết số…', params: { reopensAt: at('2026-11-24', '07:00') } };
    expect(refusalText(error, clock('en'))).toBe('No numbers left today. Please come back at 07:00 tomorrow, Tuesday 24/11.');
  });

  it('falls back to the server’s message for a code the kiosk does not know', () => {
    expect(refusalText({ code: 'something_new', message: 'Thông báo từ máy chủ' }, clock('vi'))).toBe('Thông báo từ máy chủ');
  });
});

describe('kiosk timing from the start URL', () => {
  it('uses 45 s idle and a 20 s warning by default', () => {
    expect(kioskTiming('')).toMatchObject({ idleMs: 45_000, warnMs: 20_000 });
  });

  it('takes seconds from the query and ignores nonsense', () => {
    expect(kioskTiming('?idle=3&warn=2&confirm=5&reloadQuiet=2')).toEqual({
      idleMs: 3000,
      warnMs: 2000,
      confirmMs: 5000,
      confirmUnprintedMs: 5000,
      reloadQuietMs: 2000,
    });
    expect(kioskTiming('').reloadQuietMs).toBe(10_000);
    expect(kioskTiming('?idle=-1&warn=abc')).toMatchObject({ idleMs: 45_000, warnMs: 20_000 });
  });
});
