import type { DeviceConnections } from '../../protocol/admin.ts';
import type { DeviceRecord } from '../auth/auth-store.ts';
import { connectedBoards } from './connected-boards.ts';
import type { GatewayServer } from './socket-types.ts';

/**
 * Who is connected right now, per paired device and signed-in person, from the sockets
 * themselves: a kiosk with no connection is a kiosk that is down.
 */
export function connectedClients(io: GatewayServer, devices: readonly DeviceRecord[], now: number): DeviceConnections {
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
        connections: byDevice.get(d.id)?.connections ?? 0,
        rooms: [...(byDevice.get(d.id)?.rooms ?? [])].sort(),
      })),
    users: [...byUser].map(([id, u]) => ({ id, name: u.name, connections: u.connections, rooms: [...u.rooms].sort() })),
    publicConnections,
    boards: connectedBoards(io),
  };
}
