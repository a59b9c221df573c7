import { describe, expect, it } from 'vitest';
import ticketVi from '../../locales/vi/ticket.json' with { type: 'json' };
import { type WaitKey, waitText } from '../../protocol/wait-text.ts';
import { at, monday } from '../support/site-fixture.ts';

const words = (key: WaitKey, params: Record<string, string | number> = {}) =>
  ticketVi[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
const zone = 'Asia/Ho_Chi_Minh';

describe('the wait in words', () => {
  it('gives a range, never one figure', () => {
    const wait = { kind: 'range', estimatedAt: at(monday, '09:00'), fromMinutes: 15, toMinutes: 25, startsAt: null } as const;
    expect(waitText(wait, words, 'vi', zone)).toBe('Thời gian chờ dự kiến: khoảng 15–25 phút');
  });

  it('says "under" when the range starts at nought', () => {
    const wait = { kind: 'range', estimatedAt: at(monday, '09:00'), fromMinutes: 0, toMinutes: 10, startsAt: null } as const;
    expect(waitText(wait, words, 'vi', zone)).toBe('Thời gian chờ dự kiến: dưới 10 phút');
  });

  it('before service starts, says when it starts and when the number should come up, to five minutes', () => {
    const wait = {
      kind: 'range',
      estimatedAt: at(monday, '11:42'),
      fromMinutes: 85,
      toMinutes: 100,
      startsAt: at(monday, '13:00'),
    } as const;
    expect(waitText(wait, words, 'vi', zone)).toBe('Quầy bắt đầu gọi số lúc 13:00. Dự kiến đến lượt khoảng 13:05–13:20');
  });

  it('is "soon" only when told so, and honest when nobody can say', () => {
    expect(waitText({ kind: 'soon' }, words, 'vi', zone)).toBe('Sắp đến lượt. Công dân vui lòng chú ý màn hình gọi số');
    expect(waitText({ kind: 'unknown' }, words, 'vi', zone)).toBe('Hiện chưa có quầy phục vụ mở, chưa ước tính được thời gian chờ');
  });
});
