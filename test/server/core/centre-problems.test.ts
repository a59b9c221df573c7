import { describe, expect, it } from 'vitest';
import type { CentreLive } from '../../../protocol/hub/centre-status.ts';
import { worstPrinter } from '../../../server/app/centre-live.ts';
import { centreProblems, statusChanged, webhookStatus } from '../../../server/core/centre-problems.ts';

const live = (devices: Partial<CentreLive['devices']> = {}, open = true): CentreLive => ({
  at: 0,
  day: '2026-11-23',
  open,
  counters: { open: 2, paused: 0, closed: 1 },
  waiting: 4,
  longestWaitMinutes: 12,
  waitingByService: {},
  devices: {
    printer: 'ready',
    kiosks: { paired: 2, online: 2 },
    boards: { online: 3, soundOff: 0 },
    buttonLines: { total: 1, down: 0 },
    ...devices,
  },
  journal: { day: '2026-11-23', seq: 10, lastAt: null },
  shipping: { pendingEvents: 0, oldestPendingAt: null },
  catalogueVersion: null,
});

describe("a centre's device problems", () => {
  it('sees none when every device is well (a virtual printer is not a problem)', () => {
    expect(centreProblems(live())).toEqual([]);
    expect(centreProblems(live({ printer: 'virtual' }))).toEqual([]);
    // A printer that prints but never answers status is not a fault either.
    expect(centreProblems(live({ printer: 'unknown' }))).toEqual([]);
  });

  it("reports the worst of the centre's printers, and a centre without any", () => {
    expect(worstPrinter(['ready', 'paper_near_end', 'ready'])).toBe('paper_near_end');
    expect(worstPrinter(['paper_near_end', 'paper_out', 'unknown'])).toBe('paper_out');
    expect(worstPrinter(['virtual', 'ready'])).toBe('ready');
    expect(worstPrinter([])).toBe('no_printer');
    expect(centreProblems(live({ printer: worstPrinter([]) }))).toEqual(['printer.no_printer']);
  });

  it('names paper, kiosks, silent boards and button lines', () => {
    expect(
      centreProblems(
        live({
          printer: 'paper_out',
          kiosks: { paired: 2, online: 1 },
          boards: { online: 3, soundOff: 1 },
          buttonLines: { total: 1, down: 1 },
        }),
      ),
    ).toEqual(['printer.paper_out', 'kiosks.offline', 'boards.sound_off', 'buttons.down']);
  });

  it('is news when the centre opens or closes or a problem starts or ends, not when the queue moves', () => {
    expect(statusChanged(null, live())).toBe(true);
    expect(statusChanged(live(), { ...live(), waiting: 30 })).toBe(false);
    expect(statusChanged(live(), live({}, false))).toBe(true);
    expect(statusChanged(live(), live({ printer: 'paper_near_end' }))).toBe(true);
  });

  it('tells webhooks the headline figures and the problems', () => {
    expect(webhookStatus(live({ printer: 'cover_open' }), ['link.lost'])).toEqual({
      open: true,
      countersOpen: 2,
      waiting: 4,
      longestWaitMinutes: 12,
      problems: ['printer.cover_open', 'link.lost'],
    });
  });
});
