import { describe, expect, it } from 'vitest';
import { centreTimeFormatter } from '../../client/figures.ts';

// Monday 2026-11-23 02:00:00 UTC: 09:00 in Hanoi, 11:00 in a UTC+9 centre, Sunday 21:00 at UTC-5.
const moment = Date.UTC(2026, 10, 23, 2, 0, 0);

describe("the admin app's time formatter", () => {
  it("writes the wall-clock time of the zone it is given, not Vietnam's", () => {
    const en = centreTimeFormatter('en', 'Etc/GMT-9')(moment);
    expect(en).toContain('11:00:00');
    expect(en).toContain('23/11/2026');
    expect(en).not.toContain('09:00:00');
    expect(centreTimeFormatter('vi', 'Etc/GMT-9')(moment)).toContain('11:00:00');
  });

  it('moves the date too when the zone puts the moment on another day', () => {
    const vi = centreTimeFormatter('vi', 'Etc/GMT+5')(moment);
    expect(vi).toContain('21:00:00');
    expect(vi).toContain('22/11/26');
  });

  it('still writes Vietnam time for a centre in Vietnam', () => {
    expect(centreTimeFormatter('vi', 'Asia/Ho_Chi_Minh')(moment)).toContain('09:00:00');
  });
});
