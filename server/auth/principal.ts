import type { AuthStore, DeviceRecord, PublicUser } from './auth-store.ts';

/** Who is asking. Public callers may read public views and follow their own ticket. */
export type Principal = { role: 'public' } | { role: 'device'; device: DeviceRecord } | { role: 'user'; user: PublicUser };

export function resolvePrincipal(auth: AuthStore, token: unknown): Principal {
  if (typeof token !== 'string' || token.length > 200) return { role: 'public' };
  if (token.startsWith('dev_')) {
    const device = auth.deviceByToken(token);
    if (!device) return { role: 'public' };
    auth.touchDevice(device.id);
    return { role: 'device', device };
  }
  if (token.startsWith('ses_')) {
    const user = auth.sessionUser(token);
    return user ? { role: 'user', user } : { role: 'public' };
  }
  return { role: 'public' };
}

export function isAdmin(p: Principal): boolean {
  return p.role === 'user' && p.user.role === 'admin';
}

export function isKiosk(p: Principal): p is { role: 'device'; device: DeviceRecord } {
  return p.role === 'device' && p.device.kind === 'kiosk';
}

/** Staff may act on a counter when signed in and allowed there (an empty list allows any). */
export function mayUseCounter(p: Principal, counterId: number): boolean {
  if (p.role !== 'user') return false;
  return p.user.role === 'admin' || p.user.counters.length === 0 || p.user.counters.includes(counterId);
}

export function actorOf(p: Principal): { kind: 'user'; id: string } | { kind: 'device'; id: string } | { kind: 'system' } {
  if (p.role === 'user') return { kind: 'user', id: p.user.id };
  if (p.role === 'device') return { kind: 'device', id: p.device.id };
  return { kind: 'system' };
}
