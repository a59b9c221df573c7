import { describe, expect, it } from 'vitest';
import { TestQueue, siteConfig } from '../../support/site-fixture.ts';

function code(r: { ok: boolean; refusal?: { code: string } }): string | null {
  return r.ok ? null : r.refusal!.code;
}

describe('ticket transitions', () => {
  it('records a time for each step: issued, called, serving, finished', () => {
    const q = new TestQueue(siteConfig());
    const t = q.issue('civil');
    q.advance(5).next(1);
    q.advance(1).counter(1, { kind: 'start' });
    q.advance(7).counter(1, { kind: 'finish' });
    expect(t.status).toBe('finished');
    expect([t.firstCalledAt! - t.issuedAt, t.startedAt! - t.issuedAt, t.endedAt! - t.issuedAt]).toEqual([300_000, 360_000, 780_000]);
    expect(q.state.counters.get(1)!.currentTicketId).toBeNull();
  });

  it('"next" on a serving counter finishes the current ticket first', () => {
    const q = new TestQueue(siteConfig());
    const a = q.issue('civil');
    q.issue('civil');
    q.next(1);
    q.counter(1, { kind: 'start' });
    expect(q.next(1)).toBe('1002');
    expect(a.status).toBe('finished');
  });

  it('"next" opens a closed counter, and a paused counter refuses until resumed', () => {
    const q = new TestQueue(siteConfig());
    q.issue('civil');
    q.issue('civil');
    expect(q.next(1)).toBe('1001');
    expect(q.state.counters.get(1)!.status).toBe('open');
    q.counter(1, { kind: 'pause', reason: 'Nghỉ giải lao' });
    expect(code(q.counter(1, { kind: 'next' }))).toBe('counter_paused');
    expect(q.state.counters.get(1)!.pauseReason).toBe('Nghỉ giải lao');
    q.counter(1, { kind: 'resume' });
    expect(q.next(1)).toBe('1002');
  });

  it('recall repeats the call up to the configured cap', () => {
    const q = new TestQueue(siteConfig({ maxRecalls: 2 }));
    const t = q.issue('civil');
    q.next(1);
    q.advance(1);
    expect(code(q.counter(1, { kind: 'recall' }))).toBeNull();
    expect(code(q.counter(1, { kind: 'recall' }))).toBeNull();
    expect(code(q.counter(1, { kind: 'recall' }))).toBe('recall_limit_reached');
    expect(t.recalls).toBe(2);
    expect(t.lastCalledAt! > t.firstCalledAt!).toBe(true);
  });

  it('no-show ends a called ticket, but not one being served', () => {
    const q = new TestQueue(siteConfig());
    const a = q.issue('civil');
    const b = q.issue('civil');
    q.next(1);
    q.counter(1, { kind: 'no_show' });
    expect(a.status).toBe('no_show');
    q.next(1);
    q.counter(1, { kind: 'start' });
    expect(code(q.counter(1, { kind: 'no_show' }))).toBe('ticket_being_served');
    expect(b.status).toBe('serving');
  });

  it('transfer to another service keeps the number and the original arrival time', () => {
    const q = new TestQueue(siteConfig({ transferKeepsArrival: true }));
    const t = q.issue('civil');
    q.advance(1);
    q.issue('cert');
    q.advance(5).next(1);
    q.counter(1, { kind: 'transfer', toServiceId: 'cert' });
    expect([t.label, t.serviceId, t.status, t.queuedAt]).toEqual(['1001', 'cert', 'waiting', t.issuedAt]);
    q.counter(2, { kind: 'open' });
    expect(q.next(3)).toBe('1001');
  });

  it('transfer can send the ticket to the back of the new queue', () => {
    const q = new TestQueue(siteConfig({ transferKeepsArrival: false }));
    const t = q.issue('civil');
    q.advance(1);
    q.issue('cert');
    q.advance(5).next(1);
    q.counter(1, { kind: 'transfer', toServiceId: 'cert' });
    expect(q.next(3)).toBe('B001');
    expect(q.next(3)).toBe(t.label);
  });

  it('transfer to a counter: only that counter calls it, before its own queue', () => {
    const q = new TestQueue(siteConfig());
    const t = q.issue('civil');
    q.issue('cert');
    q.next(1);
    q.counter(1, { kind: 'transfer', toCounterId: 3 });
    expect(q.next(2)).toBe('B001');
    expect(q.next(3)).toBe(t.label);
    expect(t.transfers).toBe(1);
  });

  it('transfer needs exactly one target, and not the same one', () => {
    const q = new TestQueue(siteConfig());
    q.issue('civil');
    q.next(1);
    expect(code(q.counter(1, { kind: 'transfer' }))).toBe('transfer_target_required');
    expect(code(q.counter(1, { kind: 'transfer', toServiceId: 'civil' }))).toBe('transfer_to_same');
    expect(code(q.counter(1, { kind: 'transfer', toCounterId: 1 }))).toBe('transfer_to_same');
    expect(code(q.counter(1, { kind: 'transfer', toCounterId: 42 }))).toBe('unknown_counter');
  });

  it('park and resume the same ticket later', () => {
    const q = new TestQueue(siteConfig());
    const t = q.issue('civil');
    q.issue('civil');
    q.next(1);
    q.counter(1, { kind: 'park' });
    expect(t.status).toBe('parked');
    expect(q.next(1)).toBe('1002');
    expect(code(q.counter(1, { kind: 'resume_ticket', ticketId: t.id }))).toBeNull();
    expect([t.status, q.state.counters.get(1)!.currentTicketId]).toEqual(['called', t.id]);
    expect(q.byLabel('1002').status).toBe('finished');
  });

  it('leaves a parked ticket to its own counter: another counter of the same service cannot resume it', () => {
    const q = new TestQueue(siteConfig());
    const t = q.issue('civil');
    q.next(1);
    q.counter(1, { kind: 'park' });
    // Counter 2 serves civil status too.
    expect(code(q.counter(2, { kind: 'resume_ticket', ticketId: t.id }))).toBe('ticket_not_at_counter');
    expect(t.status).toBe('parked');
  });

  it('calls a chosen waiting ticket out of order', () => {
    const q = new TestQueue(siteConfig());
    q.issue('civil');
    const second = q.issue('civil');
    expect(code(q.counter(1, { kind: 'call_ticket', ticketId: second.id }))).toBeNull();
    expect(second.status).toBe('called');
    expect(q.next(1)).toBe('1001');
  });

  it('refuses to call a chosen ticket the counter does not serve', () => {
    const q = new TestQueue(siteConfig());
    const t = q.issue('cert');
    expect(code(q.counter(1, { kind: 'call_ticket', ticketId: t.id }))).toBe('ticket_not_for_counter');
    expect(t.status).toBe('waiting');
  });

  it('cancel takes a waiting ticket out of the queue, once', () => {
    const q = new TestQueue(siteConfig());
    const t = q.issue('civil');
    expect(code(q.run({ kind: 'cancel', ticketId: t.id, reason: null, counterId: null }))).toBeNull();
    expect(code(q.run({ kind: 'cancel', ticketId: t.id, reason: null, counterId: null }))).toBe('ticket_closed');
    expect(q.next(1)).toBeNull();
  });

  it('a counter cannot close while someone is at it', () => {
    const q = new TestQueue(siteConfig());
    q.issue('civil');
    q.next(1);
    expect(code(q.counter(1, { kind: 'close' }))).toBe('counter_busy');
    q.counter(1, { kind: 'finish' });
    expect(code(q.counter(1, { kind: 'close' }))).toBeNull();
    expect(q.state.counters.get(1)!.status).toBe('closed');
  });

  it('a refused command changes nothing', () => {
    const q = new TestQueue(siteConfig());
    q.issue('civil');
    const seq = q.state.seq;
    expect(code(q.counter(1, { kind: 'recall' }))).toBe('no_current_ticket');
    expect(code(q.counter(99, { kind: 'next' }))).toBe('unknown_counter');
    expect(q.state.seq).toBe(seq);
  });

  it('a citizen rates a finished ticket once', () => {
    const q = new TestQueue(siteConfig());
    const t = q.issue('civil');
    q.next(1);
    expect(code(q.run({ kind: 'rate', ticketId: t.id, level: 3, reason: null, scale: 3 }))).toBe('ticket_not_finished');
    q.counter(1, { kind: 'finish' });
    expect(code(q.run({ kind: 'rate', ticketId: t.id, level: 4, reason: null, scale: 3 }))).toBe('invalid_rating');
    expect(code(q.run({ kind: 'rate', ticketId: t.id, level: 1, reason: 'wait', scale: 3 }))).toBeNull();
    expect(code(q.run({ kind: 'rate', ticketId: t.id, level: 3, reason: null, scale: 3 }))).toBe('already_rated');
    expect(t.rating?.level).toBe(1);
  });

  it('priority tickets from the kiosk only where the centre allows it', () => {
    const q = new TestQueue(siteConfig({ kioskMayIssuePriority: false }));
    const r = q.run({ kind: 'issue', issue: { serviceId: 'civil', priorityGroup: 'elderly', source: 'kiosk' } });
    expect(code(r)).toBe('priority_staff_only');
    expect(q.issue('civil', { priorityGroup: 'elderly', source: 'staff' }).priorityGroup).toBe('elderly');
  });
});
