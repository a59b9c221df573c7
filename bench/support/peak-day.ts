/**
 * A 60-counter day as the boards hear it: every call and recall, at the second it is made.
 *
 * The real queue core (`execute`) decides every issue and call on a virtual clock, driven by the
 * day simulator's own models (scripts/simulation: arrivals with the morning peak, service times,
 * who comes late or not at all, short breaks). The full simulator runs the real server on an
 * accelerated wall clock instead, and there a 50 ms stall of its event loop lets a dozen clerks'
 * timers fire as one, calls several counters in the same simulated second, and so measures the
 * simulator rather than the voice; this one has no wall clock to stall.
 * Clerks are people: each opens the counter within five minutes of opening and comes back from
 * lunch within five minutes of 13:00, recalls after 40–80 s, and looks again 20–60 s after
 * finding nobody to call.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import type { Catalogue } from '../../protocol/catalogue.ts';
import { SiteConfigSchema, type SiteConfig } from '../../protocol/site-config.ts';
import type { CallView } from '../../protocol/views.ts';
import { epochOfLocal } from '../../server/core/local-time.ts';
import { execute, type QueueCommand } from '../../server/core/queue.ts';
import { emptyDayState } from '../../server/core/queue-state.ts';
import { repoDir } from '../../server/create-server.ts';
import { planArrivals, staffedProcedureChoices } from '../../scripts/simulation/arrival-model.ts';
import { DEFAULT_HABITS, drawCallFate, drawShortBreak } from '../../scripts/simulation/clerk-behaviour.ts';
import { SeededRandom } from '../../scripts/simulation/seeded-random.ts';
import { drawServiceMinutes, meanServiceMinutes } from '../../scripts/simulation/service-time-model.ts';
import { prepareSiteConfig } from '../../scripts/simulation/site-setup.ts';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const SECOND = 1000;

/** The sample centre grown to `counters` counters, as the day simulator grows it. */
async function centreWith(counters: number): Promise<SiteConfig> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-peak-'));
  try {
    await prepareSiteConfig(dir, counters);
    const text = await readFile(join(dir, 'site.json'), 'utf8').catch(() => readFile(join(repoDir, 'data/site.json'), 'utf8'));
    return v.parse(SiteConfigSchema, JSON.parse(text));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every call and recall of a simulated day at a centre with `counters` counters, in time order. */
export async function simulateCalls(options: { date: string; counters: number; tickets: number; seed: number }): Promise<CallView[]> {
  const config = await centreWith(options.counters);
  const catalogue = JSON.parse(await readFile(join(repoDir, 'data/catalogue.json'), 'utf8')) as Catalogue;
  const random = new SeededRandom(options.seed);
  const at = (minute: number) => epochOfLocal(options.date, minute, TIME_ZONE);
  const state = emptyDayState(options.date);
  const counters = config.counters.slice(0, options.counters);
  const procedures = staffedProcedureChoices(
    catalogue.procedures,
    counters.map((c) => ({ serviceIds: c.services.map((s) => s.serviceId) })),
    meanServiceMinutes,
  );
  const calls: CallView[] = [];
  const events: Array<{ at: number; seq: number; run: (now: number) => void }> = [];
  let seq = 0;
  let ids = 0;
  const schedule = (when: number, run: (now: number) => void): void => {
    events.push({ at: when, seq: seq++, run });
  };
  const act = (command: QueueCommand, now: number) => {
    const r = execute(config, state, command, { now, newId: () => `t${++ids}`, by: { kind: 'device', id: 'peak-day' } });
    for (const e of r.ok ? (r.events ?? []) : []) {
      if (e.type !== 'ticket.called' && e.type !== 'ticket.recalled') continue;
      const t = state.tickets.get(e.ticketId)!;
      calls.push({
        ticketId: t.id,
        label: t.label,
        counterId: t.counterId ?? 0,
        counterName: { vi: '', en: '' },
        serviceId: t.serviceId,
        at: now,
        recall: e.type === 'ticket.recalled',
      });
    }
    return r.ok;
  };

  for (const arrival of planArrivals(random, {
    tickets: options.tickets,
    procedures,
    priorityGroups: config.centre.priorityGroups.map((g) => g.id),
  })) {
    schedule(at(arrival.minute), (now) =>
      act(
        {
          kind: 'issue',
          issue: {
            serviceId: arrival.serviceId,
            procedureCode: arrival.procedureCode,
            priorityGroup: arrival.priorityGroup,
            source: 'kiosk',
          },
        },
        now,
      ),
    );
  }
  for (const counter of counters) {
    const counterId = counter.id;
    const clerk = new SeededRandom(options.seed * 31 + counterId);
    const shortBreak = drawShortBreak(clerk);
    let breakTaken = false;
    const ready = (now: number): void => {
      if (now >= at(17 * 60)) return;
      if (now >= at(11 * 60 + 30) && now < at(13 * 60)) {
        schedule(at(13 * 60) + clerk.int(0, 300) * SECOND, ready);
        return;
      }
      if (shortBreak && !breakTaken && now >= at(shortBreak.at)) {
        breakTaken = true;
        schedule(now + shortBreak.minutes * 60 * SECOND, ready);
        return;
      }
      if (!act({ kind: 'counter', counterId, command: { kind: 'next' } }, now)) {
        schedule(now + clerk.int(20, 60) * SECOND, ready);
        return;
      }
      const fate = drawCallFate(clerk, DEFAULT_HABITS, config.centre.maxRecalls);
      let t = now;
      for (let i = 0; i < fate.recalls; i += 1) {
        t += clerk.int(40, 80) * SECOND;
        schedule(t, (when) => act({ kind: 'counter', counterId, command: { kind: 'recall' } }, when));
      }
      t += clerk.int(20, 60) * SECOND;
      if (fate.kind === 'absent') {
        schedule(t, (when) => {
          act({ kind: 'counter', counterId, command: { kind: 'no_show' } }, when);
          ready(when);
        });
        return;
      }
      schedule(t, (when) => {
        act({ kind: 'counter', counterId, command: { kind: 'start' } }, when);
        const serviceId =
          state.tickets.get(state.counters.get(counterId)?.currentTicketId ?? '')?.serviceId ?? counter.services[0]!.serviceId;
        schedule(when + drawServiceMinutes(clerk, serviceId) * 60 * SECOND, (done) => {
          act({ kind: 'counter', counterId, command: { kind: 'finish' } }, done);
          ready(done);
        });
      });
    };
    schedule(at(7 * 60 + 30) + clerk.int(0, 300) * SECOND, (now) => {
      act({ kind: 'counter', counterId, command: { kind: 'open' } }, now);
      ready(now);
    });
  }
  while (events.length > 0) {
    events.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = events.shift()!;
    next.run(next.at);
  }
  return calls;
}
