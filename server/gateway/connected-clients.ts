import type { DeviceConnections } from '../../protocol/admin.ts';
import type { AuthStore } from '../auth/auth-store.ts';
import type { TokenClaims } from '../auth/token-claims.ts';
import { connectedBoards } from './connected-boards.ts';
import type { GatewayServer } from './socket-types.ts';

/**
 * Who is connected right now, per paired device and signed-in person, from the sockets
 * themselves: a kiosk with no connection is a kiosk that is down.
 */
export function connectedClients(io: GatewayServer, auth: AuthStore, now: number): DeviceConnections {
  const devices = auth.devices();
  const byDevice = new Map<string, { connections: number; rooms: Set<string> }>();
  const byUser = new Map<string, { name: string; connections: number; rooms: Set<string> }>();
  let publicConnections = 0;
  for (const socket of io.sockets.sockets.values()) {
    const p = socket.data.principal;
    const rooms = [...socket.rooms].filter((r) => r !== socket.id);
    if (p.role === 'device') {
      const entry = byDevice.get(p.device.id) ?? { connections: 0, rooms: new Set<string>() };
      entry.connections++;
      for (const r of rooms) entry.rooms.add(r);
      byDevice.set(p.device.id, entry);
    } else if (p.role === 'user') {
      const entry = byUser.get(p.user.id) ?? { name: p.user.name, connections: 0, rooms: new Set<string>() };
      entry.connections++;
      for (const r of rooms) entry.rooms.add(r);
      byUser.set(p.user.id, entry);
    } else publicConnections++;
  }
  return {
    serverTime: now,
    devices: devices
      .filter((d) => d.revokedAt === null)
      .map((d) => ({
        id: d.id,
        kind: d.kind,
        name: d.name,
        counterId: d.counterId,
        pairedAt: d.pairedAt,
        // Connected now is in touch now, however long ago the connection opened.
        lastContactAt: byDevice.has(d.id) ? now : auth.lastContact(d),
        connections: byDevice.get(d.id)?.connections ?? 0,
        rooms: [...(byDevice.get(d.id)?.rooms ?? [])].sort(),
      })),
    users: [...byUser].map(([id, u]) => ({ id, name: u.name, connections: u.connections, rooms: [...u.rooms].sort() })),
    publicConnections,
    boards: connectedBoards(io),
  };
}

/** How long a device has to store its new token and answer. */
const deliveryTimeoutMs = 5000;

/**
 * Sends the device's new token to each of its live connections; true once one has stored it.
 * A connection that came in with its app's cookie is offered a one-time claim instead, which
 * its app redeems for the new cookie (see TokenClaims): the page's scripts never see the token.
 */
export async function deliverDeviceToken(io: GatewayServer, claims: TokenClaims, deviceId: string, token: string): Promise<boolean> {
  const mine = [...io.sockets.sockets.values()].filter(
    (s) => s.data.principal.role === 'device' && s.data.principal.device.id === deviceId,
  );
  const answers = await Promise.all(
    mine.map(async (s) => {
      const timed = s.timeout(deliveryTimeoutMs);
      if (s.data.cookieApp === null) return timed.emitWithAck('device:token', token).catch(() => false);
      const claim = claims.offer(deviceId, token);
      const stored = await timed.emitWithAck('device:token-claim', claim).catch(() => false);
      claims.withdraw(claim);
      return stored;
    }),
  );
  return answers.some((stored) => stored === true);
}
