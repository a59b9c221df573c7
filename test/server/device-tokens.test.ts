import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceConnections } from '../../protocol/admin.ts';
import type { DeviceView } from '../../protocol/http-views.ts';
import { at, monday } from '../support/site-fixture.ts';
import { SteppedClock } from '../support/stepped-clock.ts';
import { command, TestServer } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';

const day = 86_400_000;

describe('paired devices: last contact, a new token, and tokens of silent devices expiring', () => {
  let server: TestServer;
  let admin: string;
  const clock = new SteppedClock(at(monday, '09:00'));
  const devices = async () => (await server.request<DeviceView[]>('GET', '/api/devices', undefined, admin)).body;
  const whoAmI = (token: string) => server.request('GET', '/api/auth/me', undefined, token);

  beforeAll(async () => {
    server = await TestServer.start({ clock });
    admin = await server.adminToken();
  });
  afterAll(() => server.close());

  it('the admin sees when each device was last in touch, and "now" while it is connected', async () => {
    const token = await server.deviceToken('display');
    const listed = await devices();
    if (!listed.ok) throw new Error('devices refused');
    const display = listed.value.find((d) => d.kind === 'display');
    expect(display?.lastContactAt).toBe(clock.now());
    clock.advance(3 * 3_600_000);
    await whoAmI(token);
    const after = await devices();
    expect(after.ok && after.value.find((d) => d.id === display?.id)?.lastContactAt).toBe(clock.now());
    const socket = await server.socket(token);
    clock.advance(60_000);
    const live = await server.request<DeviceConnections>('GET', '/api/admin/connections', undefined, admin);
    expect(live.body.ok && live.body.value.devices.find((d) => d.id === display?.id)).toMatchObject({
      connections: 1,
      lastContactAt: clock.now(),
    });
    socket.disconnect();
  });

  it('a new token reaches the device over its connection; the old one stops working, the device goes on', async () => {
    const old = await server.deviceToken('kiosk');
    const socket = await server.socket(old);
    let received: string | null = null;
    socket.on('device:token', (token, stored) => {
      received = token;
      stored(true);
    });
    const listed = await devices();
    const kiosk = listed.ok ? listed.value.filter((d) => d.kind === 'kiosk').at(-1) : undefined;
    const r = await server.request('POST', `/api/devices/${kiosk?.id}/token`, undefined, admin);
    expect(r).toMatchObject({ status: 200, body: { ok: true } });
    if (received === null) throw new Error('no new token arrived');
    expect((await whoAmI(old)).status).toBe(401);
    expect(await whoAmI(received)).toMatchObject({ status: 200, body: { ok: true, value: { device: { id: kiosk?.id } } } });
    expect(await command(socket, 'ticket:issue', { serviceId: 'civil-status' })).toMatchObject({ ok: true });
    const reconnected = await server.socket(received);
    expect(await command(reconnected, 'kiosk:subscribe')).toMatchObject({ ok: true });
  });

  it('a device not connected keeps its token, and the admin is told why', async () => {
    const token = await server.deviceToken('rating', 1);
    const listed = await devices();
    const rating = listed.ok ? listed.value.find((d) => d.kind === 'rating') : undefined;
    const r = await server.request('POST', `/api/devices/${rating?.id}/token`, undefined, admin);
    expect(r).toMatchObject({ status: 409, body: { ok: false, error: { code: 'device_offline' } } });
    expect((await whoAmI(token)).status).toBe(200);
  });

  it('a device silent for longer than the site config’s 60 days has to be paired again; one in touch does not', async () => {
    const silent = await server.deviceToken('display');
    const busy = await server.deviceToken('display');
    for (let i = 0; i < 3; i++) {
      clock.advance(25 * day);
      expect((await whoAmI(busy)).status).toBe(200);
    }
    expect((await whoAmI(silent)).status).toBe(401);
    // Its socket is refused a device's rights too: it is a public screen now.
    const socket = await server.socket(silent);
    expect(await command(socket, 'kiosk:subscribe')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('a device connected all along is in touch all along: its contact is kept without it leaving or asking', async () => {
    const token = await server.deviceToken('display');
    const auth = server.server.ctx.auth;
    const id = auth.deviceByToken(token)!.id;
    await server.socket(token);
    clock.advance(61 * day);
    // The sweep of open connections writes its contact down (what a restart without its disconnect would read).
    await waitFor(() => auth.devices().find((d) => d.id === id)?.lastSeenAt === clock.now(), 'the open connection to count as contact');
    expect((await whoAmI(token)).status).toBe(200);
  });
});
