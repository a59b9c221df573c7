import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryView } from '../../protocol/webhooks.ts';
import { command, TestServer } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';
import { WebhookReceiver } from '../support/webhook-receiver.ts';

let dataDir: string;
let receiver: WebhookReceiver;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'motcua-webhooks-'));
  receiver = await WebhookReceiver.start();
});
afterAll(async () => {
  await receiver.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("a centre's webhooks", () => {
  it('sends ticket events signed and in journal order, retries a receiver that failed, and carries on after a restart', async () => {
    let server = await TestServer.start({ dataDir });
    let admin = await server.adminToken();
    const made = await server.request<{ secret: string }>(
      'POST',
      '/api/webhooks',
      { url: receiver.url, events: ['ticket.issued', 'ticket.called'] },
      admin,
    );
    if (!made.body.ok) throw new Error(made.body.error.code);
    const secret = made.body.value.secret;
    receiver.answerNext(503);
    const first = await server.request<{ ticket: { label: string } }>('POST', '/api/tickets', { serviceId: 'civil-status' }, admin);
    const clerk = await server.socket(admin);
    await command(clerk, 'counter:join', { counterId: 1 });
    await command(clerk, 'counter:open', { counterId: 1 });
    await command(clerk, 'counter:next', { counterId: 1 });
    await waitFor(() => receiver.received.filter((r) => r.status === 200).length >= 2, 'both events, the first after a retry', 20_000);
    const [failed, issued, called] = receiver.received;
    expect(failed!.status).toBe(503);
    expect(issued!.body.id).toBe(failed!.body.id);
    expect(issued!.body).toMatchObject({
      type: 'ticket.issued',
      ticket: { label: first.body.ok && first.body.value.ticket.label, status: 'waiting' },
    });
    expect(called!.body).toMatchObject({ type: 'ticket.called', ticket: { counterId: 1, status: 'called' } });
    expect(receiver.received.every((r) => receiver.signedWith(r, secret, server.server.ctx.clock.now()))).toBe(true);
    const log = await server.request<DeliveryView[]>('GET', '/api/webhooks/deliveries', undefined, admin);
    expect(log.body.ok && log.body.value.find((d) => d.eventId === issued!.body.id)).toMatchObject({ state: 'delivered', attempts: 2 });

    // The receiver is down while the centre restarts and issues; nothing is lost or sent twice.
    await server.close();
    receiver.answerNext(500);
    server = await TestServer.start({ dataDir });
    admin = await server.adminToken();
    await server.request('POST', '/api/tickets', { serviceId: 'land' }, admin);
    await waitFor(() => receiver.received.filter((r) => r.status === 200).length >= 3, 'the event issued after the restart', 20_000);
    const delivered = receiver.received.filter((r) => r.status === 200).map((r) => r.body.id);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(receiver.received.at(-1)!.body).toMatchObject({ type: 'ticket.issued', ticket: { serviceId: 'land' } });
    await server.close();
  });

  it('refuses a webhook with an unknown event, and lists none', async () => {
    const server = await TestServer.start();
    const admin = await server.adminToken();
    const r = await server.request('POST', '/api/webhooks', { url: receiver.url, events: ['ticket.lost'] }, admin);
    expect(r.status).toBe(400);
    expect((await server.request('GET', '/api/webhooks', undefined, admin)).body).toEqual({ ok: true, value: [] });
    expect((await server.request('GET', '/api/webhooks')).status).toBe(401);
    await server.close();
  });
});
