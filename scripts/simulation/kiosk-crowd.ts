import type { AcceleratedClock } from './accelerated-clock.ts';
import type { Arrival } from './arrival-model.ts';
import type { DayTally } from './day-tally.ts';
import { send, type SimSocket } from './sim-http.ts';

/** How often a citizen tries again when the kiosk asks them to wait a moment. */
const MAX_TRIES = 10;

/**
 * Citizens taking numbers at the kiosks, each at their arrival time. The kiosks work side by
 * side (arrivals dealt to them in turn); a kiosk's rate limit makes its citizen wait the
 * seconds it says, then try again, as people do.
 */
export async function runKioskCrowd(
  kiosks: readonly SimSocket[],
  arrivals: readonly Arrival[],
  clock: AcceleratedClock,
  at: (minute: number) => number,
  tally: DayTally,
): Promise<void> {
  await Promise.all(
    kiosks.map((kiosk, k) =>
      serveLine(
        kiosk,
        arrivals.filter((_, i) => i % kiosks.length === k),
        clock,
        at,
        tally,
      ),
    ),
  );
}

async function serveLine(
  kiosk: SimSocket,
  line: readonly Arrival[],
  clock: AcceleratedClock,
  at: (minute: number) => number,
  tally: DayTally,
): Promise<void> {
  for (const a of line) {
    await clock.until(at(a.minute));
    for (let attempt = 1; ; attempt++) {
      const r = await send(kiosk, 'ticket:issue', {
        serviceId: a.serviceId,
        procedureCode: a.procedureCode,
        priorityGroup: a.priorityGroup,
      });
      if (r.ok) {
        tally.issued++;
        // Sent to the (virtual) printer; its outcome follows as `ticket:print-finished`.
        if (r.value.print.kind !== 'not_printed') tally.printed++;
        tally.numbers.push({ label: r.value.ticket.label, id: r.value.ticket.id, wait: r.value.ticket.wait });
        break;
      }
      if (r.error.code === 'rate_limited' && attempt < MAX_TRIES) {
        tally.rateLimitedRetries++;
        await clock.sleep(Number(r.error.params?.seconds ?? 10) * 1000);
        continue;
      }
      tally.refused[r.error.code] = (tally.refused[r.error.code] ?? 0) + 1;
      break;
    }
  }
}
