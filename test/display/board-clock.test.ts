import { describe, expect, it } from 'vitest';
import { localDateTime } from '../../display/board-clock.ts';

describe('board clock', () => {
  it('gives the date and time in the centre’s zone, whatever the machine’s zone', () => {
    // 02:15 UTC is 09:15 in Hanoi (UTC+7), on Monday 23 November 2026.
    expect(localDateTime(Date.UTC(2026, 10, 23, 2, 15), 'Asia/Ho_Chi_Minh')).toEqual({
      weekday: 1,
      day: '23',
      month: '11',
      year: '2026',
      time: '09:15',
    });
  });

  it('turns the day at local midnight with a 24-hour clock', () => {
    expect(localDateTime(Date.UTC(2026, 10, 22, 17, 0), 'Asia/Ho_Chi_Minh')).toMatchObject({ weekday: 1, day: '23', time: '00:00' });
    expect(localDateTime(Date.UTC(2026, 10, 22, 16, 59), 'Asia/Ho_Chi_Minh')).toMatchObject({ weekday: 0, day: '22', time: '23:59' });
  });
});
