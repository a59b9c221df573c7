import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateDay } from '../../bench/day-simulation.ts';
import type { DeliveryView } from '../../protocol/webhooks.ts';
import { SiteConfigSchema } from '../../protocol/site-config.ts';
import { centreProfile } from '../../server/app/centre-live.ts';
import { TestHub } from '../support/test-hub.ts';
import { waitFor } from '../support/wait-for.ts';
import { WebhookReceiver } from '../support/webhook-receiver.ts';

const config = v.parse(SiteConfigSchema, JSON.parse(readFileSync(join(import.meta.dirname, '../../data/site.json'), 'utf8')));
const day = '2026-11-23';
const { events } = simulateDay(config, day, { tickets: 20, seed: 3 });

// The hub's clock runs ahead on demand, so a retry due in seconds comes at once.
let ahead = 0;
let hub: TestHub;
let receiver: WebhookReceiver;
beforeAll(async () => {
  hub = await TestHub.start({ clock: () => Date.now() + ahead });
  receiver = await WebhookReceiver.start();
});
afterAll(async () => {
  await hub.close();
  await receiver.close();
});

describe('hub webhooks', () => {
  it("delivers a centre's ticket events signed, once each, retrying a receiver that failed, and logs every attempt", async () => {
    const admin = await hub.adminToken();
    const token = await hub.centreToken('HN-HOOK');
    const made = await hub.request<{ secret: string }>(
      'POST',
      '/api/webhooks',
      { url: receiver.url, events: ['ticket.issued', 'ticket.called'] },
      admin,
    );
    if (!made.body.ok) throw new Error(made.body.error.code);
    receiver.answerNext(503);
    await hub.request('POST', '/api/hub/v1/events', { day, events: events.slice(0, 30) }, token);
    await hub.request('POST', '/api/hub/v1/events', { day, events: events.slice(0, 30) }, token);
    const wanted = events
      .slice(0, 30)
      .filter((e) => e.type === 'ticket.issued' || e.type === 'ticket.called' || e.type === 'ticket.recalled');
    await waitFor(() => receiver.received.length >= 1, 'the first attempt');
    ahead += 3_000;
    hub.hub.ctx.dispatcher.poke();
    await waitFor(
      () => new Set(receiver.received.filter((r) => r.status === 200).map((r) => r.body.id)).size === wanted.length,
      'every delivery',
    );
    const delivered = receiver.received.filter((r) => r.status === 200);
    expect(delivered).toHaveLength(wanted.length);
    expect(delivered.every((r) => receiver.signedWith(r, made.body.ok ? made.body.value.secret : ''))).toBe(true);
    const first = receiver.received.find((r) => r.status === 503)!;
    expect(delivered.map((r) => r.body.id)).toContain(first.body.id);
    const issued = delivered.find((r) => r.body.type === 'ticket.issued')!;
    expect(issued.body).toMatchObject({ centre: { code: 'HN-HOOK' }, ticket: { status: 'waiting' } });
    expect(issued.headers['x-motcua-event']).toBe('ticket.issued');
    const called = delivered.find((r) => r.body.type === 'ticket.called')!;
    expect(called.body.ticket).toMatchObject({ status: 'called', counterId: expect.any(Number) });
    const log = await hub.request<DeliveryView[]>('GET', '/api/webhooks/deliveries?limit=500', undefined, admin);
    if (!log.body.ok) throw new Error('log');
    const retried = log.body.value.find((d) => d.eventId === first.body.id)!;
    expect(retried).toMatchObject({ state: 'delivered', attempts: 2, lastStatus: 200 });
  });

  it("sends centre.status when a centre's printer runs out of paper", async () => {
    const admin = await hub.adminToken();
    const token = await hub.centreToken('HN-PAPER');
    await hub.request('POST', '/api/webhooks', { url: receiver.url, events: ['centre.status'], centreCode: 'HN-PAPER' }, admin);
    const live = (printer: 'ready' | 'paper_out', at: number) => ({
      at,
      day,
      open: true,
      counters: { open: 1, paused: 0, closed: 0 },
      waiting: 3,
      longestWaitMinutes: 4,
      waitingByService: {},
      devices: { printer, kiosks: { paired: 1, online: 1 }, boards: { online: 1, soundOff: 0 }, buttonLines: { total: 0, down: 0 } },
      journal: { day, seq: 0, lastAt: null },
      shipping: { pendingEvents: 0, oldestPendingAt: null },
      catalogueVersion: null,
    });
    const profile = centreProfile(config, []);
    await hub.request('POST', '/api/hub/v1/status', { live: live('ready', 1), profile }, token);
    await hub.request('POST', '/api/hub/v1/status', { live: live('ready', 2), profile }, token);
    await hub.request('POST', '/api/hub/v1/status', { live: live('paper_out', 3), profile }, token);
    await waitFor(() => receiver.received.filter((r) => r.body.type === 'centre.status').length >= 2, 'two status deliveries');
    const statuses = receiver.received.filter((r) => r.body.type === 'centre.status');
    expect(statuses.map((r) => r.body.status?.problems)).toEqual([[], ['printer.paper_out']]);
  });

  it('refuses a webhook with an address that is not http(s), and changes nothing', async () => {
    const admin = await hub.adminToken();
    const before = await hub.request<unknown[]>('GET', '/api/webhooks', undefined, admin);
    const r = await hub.request('POST', '/api/webhooks', { url: 'ftp://example.invalid/x', events: ['ticket.issued'] }, admin);
    expect(r.status).toBe(400);
    const after = await hub.request<unknown[]>('GET', '/api/webhooks', undefined, admin);
    expect(after.body).toEqual(before.body);
  });
});
