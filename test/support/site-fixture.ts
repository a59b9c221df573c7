import * as v from 'valibot';
import { SiteConfigSchema, type SiteConfig, type SiteConfigInput } from '../../protocol/site-config.ts';
import { execute, type QueueCommand } from '../../server/core/queue.ts';
import { emptyDayState, type QueueState } from '../../server/core/queue-state.ts';
import { epochOfLocal, parseClock } from '../../server/core/local-time.ts';
import type { Actor, Ticket } from '../../server/core/model.ts';
import type { IssueTicketCommand } from '../../server/core/issue-ticket.ts';
import type { CounterCommand } from '../../server/core/counter-commands.ts';

const weekday: Array<[string, string]> = [
  ['07:30', '11:30'],
  ['13:00', '17:00'],
];

/** A small centre: two services, three counters, Mon–Fri plus Saturday morning. */
export function siteConfig(overrides: Partial<SiteConfigInput['centre']> = {}, edit?: (c: SiteConfigInput) => void): SiteConfig {
  const input: SiteConfigInput = {
    version: 1,
    centre: {
      name: { vi: 'Trung tâm thử', en: 'Test centre' },
      level: 'commune',
      hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [['07:30', '11:30']], sun: [] },
      holidays: ['2026-09-02'],
      priorityGroups: [{ id: 'elderly', name: { vi: 'Người cao tuổi', en: 'Elderly' } }],
      priorityRule: { kind: 'ratio', priorityCalls: 2 },
      agingMinutes: 0,
      ...overrides,
    },
    services: [
      { id: 'civil', code: 'HT', name: { vi: 'Hộ tịch', en: 'Civil status' }, numberStart: 1001, numberEnd: 1999 },
      { id: 'cert', code: 'CT', name: { vi: 'Chứng thực', en: 'Certification' }, prefix: 'B', numberStart: 1, numberEnd: 999, pad: 3 },
    ],
    counters: [
      { id: 1, name: { vi: 'Quầy 1', en: 'Counter 1' }, services: [{ serviceId: 'civil' }] },
      { id: 2, name: { vi: 'Quầy 2', en: 'Counter 2' }, services: [{ serviceId: 'civil' }, { serviceId: 'cert' }] },
      {
        id: 3,
        name: { vi: 'Quầy 3', en: 'Counter 3' },
        services: [
          { serviceId: 'cert', weight: 2 },
          { serviceId: 'civil', weight: 1 },
        ],
        mode: 'weight',
      },
    ],
  };
  edit?.(input);
  return v.parse(SiteConfigSchema, input);
}

/** 2026-11-23 is a Monday. */
export const monday = '2026-11-23';

export function at(day: string, hhmm: string): number {
  return epochOfLocal(day, parseClock(hhmm), 'Asia/Ho_Chi_Minh');
}

/** A queue with a hand-driven clock: the way a test runs a day in milliseconds. */
export class TestQueue {
  state: QueueState;
  now: number;
  private ids = 0;
  constructor(
    public config: SiteConfig,
    start = at(monday, '08:00'),
    private by: Actor = { kind: 'user', id: 'clerk-1' },
  ) {
    this.now = start;
    this.state = emptyDayState(monday);
  }
  advance(minutes: number): this {
    this.now += minutes * 60_000;
    return this;
  }
  run(command: QueueCommand) {
    return execute(this.config, this.state, command, { now: this.now, newId: () => `t${++this.ids}`, by: this.by });
  }
  issue(serviceId: string, extra: Partial<IssueTicketCommand> = {}): Ticket {
    const r = this.run({ kind: 'issue', issue: { serviceId, source: 'kiosk', ...extra } });
    if (!r.ok) throw new Error(`issue refused: ${r.refusal.code}`);
    return this.ticket(r.events![0]!.type === 'ticket.issued' ? (r.events![0] as { ticketId: string }).ticketId : '');
  }
  counter(counterId: number, command: CounterCommand) {
    return this.run({ kind: 'counter', counterId, command });
  }
  /** Label of the ticket "next" called, or null when the counter had nobody to call. */
  next(counterId: number): string | null {
    const r = this.counter(counterId, { kind: 'next' });
    if (!r.ok) throw new Error(`next refused: ${r.refusal.code}`);
    const id = this.state.counters.get(counterId)?.currentTicketId;
    return id ? this.ticket(id).label : null;
  }
  ticket(id: string): Ticket {
    const t = this.state.tickets.get(id);
    if (!t) throw new Error(`no ticket ${id}`);
    return t;
  }
  byLabel(label: string): Ticket {
    const t = [...this.state.tickets.values()].find((x) => x.label === label);
    if (!t) throw new Error(`no ticket ${label}`);
    return t;
  }
}
