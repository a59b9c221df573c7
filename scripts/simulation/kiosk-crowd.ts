import type { IssuedTicket } from '../../protocol/views.ts';
import type { AcceleratedClock } from './accelerated-clock.ts';
import type { Arrival } from './arrival-model.ts';
import type { DayTally } from './day-tally.ts';
import { send, type SimSocket } from './sim-http.ts';

/**
 * Citizens taking numbers at the kiosks, each at their arrival time, at the next free kiosk.
 * A kiosk's own rate limit sends the citizen to another one (or to wait), as people do.
 */
export async function runKioskCrowd(kiosks: readonly SimSocket[], arrivals: readonly Arrival[], clock: AcceleratedClock, at: (minute: number) => number, tally: DayTally): Promise<void> {
  let turn = 0;
  for (const a of arrivals) {
    await clock.until(at(a.minute));
    for (let attempt = 0; ; attempt++) {
      const kiosk = kiosks[turn++ % kiosks.length]!;
      const r = await send<IssuedTicket>(kiosk, 'ticket:issue', { serviceId: a.serviceId, procedureCode: a.procedureCode, priorityGroup: a.priorityGroup });
      if (r.ok) {
        tally.issued++;
        if (r.value.print.kind === 'queued') tally.printed++;
        tally.numbers.push({ label: r.value.ticket.label, id: r.value.ticket.id });
        break;
      }
      if (r.error.code === 'rate_limited' && attempt < kiosks.length * 4) {
        tally.rateLimitedRetries++;
        if (attempt % kiosks.length === kiosks.length - 1) await clock.sleep(10_000);
        continue;
      }
      tally.refused[r.error.code] = (tally.refused[r.error.code] ?? 0) + 1;
      break;
    }
  }
}
