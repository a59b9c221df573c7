import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportView } from '../../../protocol/reports.ts';
import type { SiteConfig } from '../../../protocol/site-config.ts';
import { RATING_WINDOW_MS } from '../../../server/gateway/rating-handlers.ts';
import { at, monday } from '../../support/site-fixture.ts';
import { SteppedClock } from '../../support/stepped-clock.ts';
import { command, TestServer, type ClientSocket } from '../../support/test-server.ts';

// Issue 14, ratings that can be trusted and the dossier: a tablet rates only the ticket just
// finished at its counter within the prompt's window; each rating keeps its scale; the dossier
// code given at finish is stored with the ticket and its rating and appears in the exports.
describe('counter ratings and dossier codes, through the real server', () => {
  let server: TestServer;
  let clock: SteppedClock;
  let kiosk: ClientSocket;
  let clerk: ClientSocket;
  let tablet: ClientSocket;
  let admin: string;

  beforeEach(async () => {
    clock = new SteppedClock(at(monday, '09:00'));
    server = await TestServer.start({ clock });
    kiosk = await server.socket(await server.deviceToken('kiosk'));
    clerk = await server.socket(await server.clerkToken('clerk1', [1]));
    tablet = await server.socket(await server.deviceToken('rating', 1));
    admin = await server.adminToken();
    expect((await command(clerk, 'counter:join', { counterId: 1 })).ok).toBe(true);
    expect((await command(tablet, 'rating:subscribe', { counterId: 1 })).ok).toBe(true);
  });
  afterEach(() => server.close());

  const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? null : r.error!.code);
  const ticket = (id: string) => server.server.ctx.engine.state.tickets.get(id)!;
  /** Issues, calls and finishes one ticket at counter 1 (with a dossier code if given); returns its id. */
  const serve = async (dossierCode?: string) => {
    const r = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
    if (!r.ok) throw new Error(r.error.code);
    await command(clerk, 'counter:next', { counterId: 1 });
    clock.advance(60_000);
    const done = await command(clerk, 'counter:finish', { counterId: 1, ...(dossierCode && { dossierCode }) });
    if (!done.ok) throw new Error(done.error.code);
    return r.value.ticket.id;
  };
  const csv = async (path: string) =>
    (
      await (
        await fetch(`${server.url}${path}${path.includes('?') ? '&' : '?'}lang=en`, { headers: { authorization: `Bearer ${admin}` } })
      ).text()
    )
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));

  it('rates only the ticket just finished at the counter, and only within the prompt window', async () => {
    const earlier = await serve();
    const last = await serve();
    expect(code(await command(tablet, 'ticket:rate', { ticketId: earlier, level: 3 }))).toBe('rating_not_open');
    const other = await server.socket(await server.deviceToken('rating', 2));
    expect(code(await command(other, 'ticket:rate', { ticketId: last, level: 3 }))).toBe('rating_not_open');
    clock.advance(RATING_WINDOW_MS + 1);
    expect(code(await command(tablet, 'ticket:rate', { ticketId: last, level: 3 }))).toBe('rating_not_open');
    expect([ticket(earlier).rating, ticket(last).rating]).toEqual([null, null]);

    const fresh = await serve();
    expect(code(await command(tablet, 'ticket:rate', { ticketId: fresh, level: 3 }))).toBeNull();
    expect(code(await command(tablet, 'ticket:rate', { ticketId: fresh, level: 2 }))).toBe('rating_not_open');
    expect(ticket(fresh).rating).toMatchObject({ level: 3, scale: 3 });
  });

  it('reads each rating on its own scale after the centre switches from three faces to five stars; the CSV names it counter satisfaction', async () => {
    for (let i = 0; i < 2; i++) {
      const id = await serve();
      expect(code(await command(tablet, 'ticket:rate', { ticketId: id, level: 3 }))).toBeNull();
    }
    const config = await server.request<SiteConfig>('GET', '/api/config', undefined, admin);
    if (!config.body.ok) throw new Error('no config');
    const put = await server.request('PUT', '/api/config/centre', { ...config.body.value.centre, ratingScale: 5 }, admin);
    expect(put.status).toBe(200);
    const starred = await serve();
    const prompt = await command(tablet, 'rating:subscribe', { counterId: 1 });
    expect(prompt.ok && prompt.value.pending).toMatchObject({ ticketId: starred, scale: 5 });
    expect(code(await command(tablet, 'ticket:rate', { ticketId: starred, level: 3 }))).toBeNull();

    const report = await server.request<ReportView>('GET', `/api/reports?from=${monday}`, undefined, admin);
    if (!report.body.ok) throw new Error('no report');
    // Before: the two "Rất hài lòng" (3 of 3) were re-read as 3 of 5 stars, and satisfaction fell to 0 %.
    expect(report.body.value.satisfaction.total).toEqual({
      rated: 3,
      satisfied: 2,
      satisfiedShare: 2 / 3,
      byScale: { '3': { '1': 0, '2': 0, '3': 2 }, '5': { '1': 0, '2': 0, '3': 1, '4': 0, '5': 0 } },
    });
    const services = await csv(`/api/reports.csv?from=${monday}&table=service`);
    expect(services[0]).toEqual(expect.arrayContaining(['rating3_3', 'rating5_5', 'counter_satisfaction_pct']));
    // In Vietnamese the figure is named for what it is, and each level says its scale.
    const vi = await (
      await fetch(`${server.url}/api/reports.csv?from=${monday}&table=service`, { headers: { authorization: `Bearer ${admin}` } })
    ).text();
    expect(vi).toContain('Mức độ hài lòng tại quầy (%)');
    expect(vi).toContain('Mức 3/3');
    expect(vi).toContain('Mức 5/5');
    const tickets = await csv('/api/export/tickets.csv');
    const [ratingCol, scaleCol] = [tickets[0]!.indexOf('rating'), tickets[0]!.indexOf('rating_scale')];
    expect(tickets.slice(1).map((row) => [row[ratingCol], row[scaleCol]])).toEqual([
      ['3', '3'],
      ['3', '3'],
      ['3', '5'],
    ]);
  });

  it('stores the dossier code given at finish with the ticket and its rating, and exports it', async () => {
    const dossier = '000.00.20.H38-251201-0007';
    const id = await serve(dossier);
    expect(ticket(id).dossierCode).toBe(dossier);
    expect(code(await command(tablet, 'ticket:rate', { ticketId: id, level: 2 }))).toBeNull();
    expect(ticket(id).rating).toMatchObject({ level: 2, dossierCode: dossier });
    const without = await serve();
    expect(ticket(without).dossierCode).toBeNull();

    // Next finishes with the code too; a malformed code is refused and changes nothing.
    const r = await command(kiosk, 'ticket:issue', { serviceId: 'civil-status' });
    if (!r.ok) throw new Error(r.error.code);
    await command(clerk, 'counter:next', { counterId: 1 });
    clock.advance(60_000);
    const bad = await command(clerk, 'counter:next', { counterId: 1, dossierCode: 'mã hồ sơ; 1' });
    expect(code(bad)).toBe('invalid_payload');
    expect(ticket(r.value.ticket.id).status).toBe('called');
    expect(code(await command(clerk, 'counter:next', { counterId: 1, dossierCode: ' G22.30-251201-0002 ' }))).toBeNull();
    expect(ticket(r.value.ticket.id)).toMatchObject({ status: 'finished', dossierCode: 'G22.30-251201-0002' });

    const tickets = await csv('/api/export/tickets.csv');
    const col = tickets[0]!.indexOf('dossier');
    expect(tickets.slice(1).map((row) => row[col])).toEqual([dossier, '', 'G22.30-251201-0002']);
  });
});
