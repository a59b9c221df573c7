import { describe, expect, it } from 'vitest';
import { planArrivals, staffedProcedureChoices } from '../../scripts/simulation/arrival-model.ts';
import { parseCsv } from '../../scripts/simulation/day-report.ts';
import { runDaySimulation } from '../../scripts/simulation/run-day.ts';
import { SeededRandom } from '../../scripts/simulation/seeded-random.ts';
import { drawServiceMinutes } from '../../scripts/simulation/service-time-model.ts';

describe('day simulator models', () => {
  it('is reproducible from its seed and peaks in the morning', () => {
    const plan = { tickets: 2000, procedures: [{ code: '1.000001', serviceId: 'land', weight: 1 }], priorityGroups: ['elderly'] };
    const a = planArrivals(new SeededRandom(9), plan);
    expect(planArrivals(new SeededRandom(9), plan)).toEqual(a);
    expect(planArrivals(new SeededRandom(10), plan)).not.toEqual(a);
    const inHour = (h: number) => a.filter((x) => x.minute >= h * 60 && x.minute < (h + 1) * 60).length;
    expect(inHour(9)).toBeGreaterThan(inHour(7));
    expect(inHour(9)).toBeGreaterThan(inHour(14));
    expect(a.filter((x) => x.minute >= 11.5 * 60 && x.minute < 13 * 60)).toEqual([]);
    expect(a.every((x) => x.minute >= 7 * 60 && x.minute < 16.5 * 60)).toBe(true);
    const priority = a.filter((x) => x.priorityGroup !== null).length / a.length;
    expect(priority).toBeGreaterThan(0.03);
    expect(priority).toBeLessThan(0.12);
  });

  it('weights procedures by what the counters can serve, and leaves out services nobody serves', () => {
    const procedures = [
      { code: 'a', serviceId: 'land' },
      { code: 'b', serviceId: 'land' },
      { code: 'c', serviceId: 'social' },
      { code: 'd', serviceId: 'business' },
    ];
    const choices = staffedProcedureChoices(procedures, [{ serviceIds: ['land'] }, { serviceIds: ['social'] }], () => 10);
    expect(choices.map((c) => [c.code, c.weight])).toEqual([
      ['a', 0.05],
      ['b', 0.05],
      ['c', 0.1],
    ]);
  });

  it('draws service times log-normally around the service mean', () => {
    const random = new SeededRandom(4);
    const draws = Array.from({ length: 5000 }, () => drawServiceMinutes(random, 'land'));
    const mean = draws.reduce((x, y) => x + y, 0) / draws.length;
    expect(mean).toBeGreaterThan(12.5);
    expect(mean).toBeLessThan(15.5);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(1);
  });

  it('reads quoted CSV cells', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""",2\r\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', '2'],
    ]);
  });
});

describe('npm run simulate', () => {
  it('runs a short day through the real server without losing or duplicating a number', async () => {
    const { report } = await runDaySimulation({ date: '2030-01-07', tickets: 150, counters: 4, speed: 2400, seed: 5 });
    expect(report.problems.join('\n')).toBe('');
    expect(report.lostNumbers).toEqual([]);
    expect(report.duplicatedNumbers).toEqual([]);
    const s = report.stats;
    expect(s.issued).toBe(report.tally.issued);
    // Late arrivals may find a service past its cutoff: every citizen got a number or a refusal.
    expect(s.issued + Object.values(report.tally.refused).reduce((a, b) => a + b, 0)).toBe(150);
    // How many arrive before a cutoff and get served depends on how well a busy machine keeps
    // up with the accelerated clock; consistency must hold either way.
    expect(s.issued).toBeGreaterThan(0);
    expect(report.csvRows).toBe(s.issued);
    expect(s.served + s.noShow + s.cancelled + s.open).toBe(s.issued);
    expect(s.served).toBe(report.tally.served);
    expect(s.served).toBeGreaterThan(0);
    expect(report.tally.buttonPresses).toBeGreaterThan(0);
    expect(report.satisfaction.rated).toBe(report.tally.rated);
    expect(report.tally.displayCalls).toEqual([report.tally.called + report.tally.recalled, report.tally.called + report.tally.recalled]);
    // Every called ticket had an estimate at issue (or an honest "no estimate"), compared with its real wait.
    expect(report.waits.estimated + report.waits.unknown).toBeGreaterThan(0);
    expect(report.waits.estimated + report.waits.unknown).toBeLessThanOrEqual(report.csvRows);
    expect(report.waits.withinRange).toBeGreaterThanOrEqual(0);
    expect(report.waits.withinRange).toBeLessThanOrEqual(1);
    expect(report.waits.medianAbsErrorMinutes).not.toBeNull();
  }, 90_000);
});
