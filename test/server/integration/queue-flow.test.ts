import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command, nextEvent, TestServer, type ClientSocket } from '../../support/test-server.ts';

describe('queue flow through the real server', () => {
  let server: TestServer;
  let kiosk: ClientSocket;
  let clerk: ClientSocket;
  let display: ClientSocket;

  beforeEach(async () => {
    server = await TestServer.start();
    kiosk = await server.socket(await server.deviceToken('kiosk'));
    clerk = await server.socket(await server.clerkToken('clerk1'));
    display = await server.socket();
    expect((await command(display, 'display:subscribe', {})).ok).toBe(true);
    expect((await command(clerk, 'counter:join', { counterId: 1 })).ok).toBe(true);
  });
  afterEach(() => server.close());

  const issue = async (serviceId = 'civil-status') => {
    const r = await command(kiosk, 'ticket:issue', { serviceId });
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  };

  it('issues numbers in sequence, with people ahead and a signed follow link', async () => {
    const a = await issue();
    const b = await issue();
    expect([a.ticket.label, b.ticket.label]).toEqual(['1001', '1002']);
    expect(b.ticket.peopleAhead).toBe(1);
    expect(b.followUrl).toMatch(/\/t\/[a-z0-9]+\.[\w-]+$/);
    expect(b.counters.map((c) => c.id)).toEqual([1, 2, 8]);
    expect(b.print).toEqual({ kind: 'printing', printerId: 'p1' });
  });

  it('a call reaches the display as a call and a snapshot, and the follower sees it', async () => {
    const a = await issue();
    const phone = await server.socket();
    const followed = await command(phone, 'ticket:follow', { ref: a.ref });
    expect(followed.ok && followed.value.status).toBe('waiting');
    const called = nextEvent(display, 'ticket:called');
    const snapshot = nextEvent(display, 'display:snapshot', (v) => v.calls.length > 0);
    const update = nextEvent(phone, 'ticket:updated', (v) => v.status !== 'waiting');
    const r = await command(clerk, 'counter:next', { counterId: 1 });
    expect(r.ok && r.value.current?.label).toBe('1001');
    expect(await called).toMatchObject({ label: '1001', counterId: 1, recall: false });
    expect((await snapshot).calls[0]).toMatchObject({ label: '1001', counterId: 1 });
    expect(await update).toMatchObject({ status: 'called', counterId: 1 });
  });

  it('a recall is broadcast again as a recall', async () => {
    await issue();
    await command(clerk, 'counter:next', { counterId: 1 });
    const again = nextEvent(display, 'ticket:called');
    expect((await command(clerk, 'counter:recall', { counterId: 1 })).ok).toBe(true);
    expect(await again).toMatchObject({ label: '1001', recall: true });
  });

  it('a transfer keeps the number and moves it to the other service', async () => {
    const a = await issue('civil-status');
    await command(clerk, 'counter:next', { counterId: 1 });
    const r = await command(clerk, 'counter:transfer', { counterId: 1, toServiceId: 'certification' });
    expect(r.ok && r.value.current).toBeNull();
    const other = await server.socket(await server.clerkToken('clerk2'));
    await command(other, 'counter:join', { counterId: 3 });
    const next = await command(other, 'counter:next', { counterId: 3 });
    expect(next.ok && next.value.current).toMatchObject({ label: a.ticket.label, serviceId: 'certification' });
  });

  it('a display that reconnects gets the calls it missed in its snapshot', async () => {
    await issue();
    await issue();
    display.disconnect();
    await command(clerk, 'counter:next', { counterId: 1 });
    // A Next seconds after a call finishes nobody (issue 14), so the clerk finishes first.
    await command(clerk, 'counter:finish', { counterId: 1 });
    await command(clerk, 'counter:next', { counterId: 1 });
    const back = await server.socket();
    const r = await command(back, 'display:subscribe', {});
    expect(r.ok && r.value.calls.map((c) => c.label)).toEqual(['1002', '1001']);
    expect(r.ok && r.value.counters.find((c) => c.id === 1)?.currentLabel).toBe('1002');
  });

  it('two consoles on one counter see the same truth; only the one holding it acts, so there is no double call', async () => {
    await issue();
    const second = await server.socket(await server.clerkToken('clerk1b', [1]));
    const joined = await command(second, 'counter:join', { counterId: 1 });
    expect(joined.ok && joined.value.control).toBe('viewing');
    const seen = nextEvent(second, 'counter:snapshot', (v) => v.current !== null);
    await command(clerk, 'counter:next', { counterId: 1 });
    expect((await seen).current?.label).toBe('1001');
    const refused = await command(second, 'counter:next', { counterId: 1 });
    expect(!refused.ok && refused.error.code).toBe('counter_not_held');
    expect([...server.server.ctx.engine.state.tickets.values()].map((t) => t.status)).toEqual(['called']);
  });

  it('refusals are translated for the caller and carry their code', async () => {
    const english = await server.socket(await server.clerkToken('clerk-en'), 'en');
    await command(english, 'counter:join', { counterId: 2 });
    const r = await command(english, 'counter:recall', { counterId: 2 });
    expect(r).toEqual({ ok: false, error: { code: 'no_current_ticket', message: 'The counter has not called a number.' } });
    const vi = await command(clerk, 'counter:recall', { counterId: 1 });
    expect(!vi.ok && vi.error.message).toBe('Quầy chưa gọi số nào.');
  });
});
