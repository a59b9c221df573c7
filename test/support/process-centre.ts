import type { ServerHealth } from '../../protocol/health.ts';
import type { Result } from '../../protocol/result.ts';
import type { IssuedTicket } from '../../protocol/views.ts';
import { io as connect } from 'socket.io-client';
import { getJson, postJson } from './server-process.ts';
import type { ClientSocket } from './test-server.ts';

/** What `/api/health` answers. */
export type HealthBody = ServerHealth & { day: string; store: 'ok' | 'unavailable'; build: string };

/** An issue's outcome as a test checks it. */
export type IssueOutcome = { ok: true; label: string; ref: string; serviceId: string } | { ok: false; code: string; problem?: unknown };

const password = 'admin-password-1';

/** The centre as a technician meets a real server process over HTTP: set-up, sign-in, pairing, issuing, health. */
export const centre = {
  /** Creates the administrator with the set-up token the process printed; returns a session token. */
  async setUp(base: string, setupToken: string | null): Promise<string> {
    const r = (await postJson(base, '/api/auth/setup', { token: setupToken, username: 'admin', name: 'Admin', password })) as Result<{
      token: string;
    }>;
    if (!r.ok) throw new Error(`setup refused: ${r.error.code}`);
    return r.value.token;
  },

  async signIn(base: string): Promise<string> {
    const r = (await postJson(base, '/api/auth/login', { username: 'admin', password })) as Result<{ token: string }>;
    if (!r.ok) throw new Error(`sign-in refused: ${r.error.code}`);
    return r.value.token;
  },

  /** Pairs a kiosk as a technician does; returns its device token. */
  async pairKiosk(base: string, admin: string): Promise<string> {
    const code = (await postJson(base, '/api/devices/pairing-codes', { kind: 'kiosk', name: 'Kiosk 1' }, admin)) as Result<{
      code: string;
    }>;
    if (!code.ok) throw new Error(`pairing code refused: ${code.error.code}`);
    const paired = (await postJson(base, '/api/devices/pair', { code: code.value.code })) as Result<{ token: string }>;
    if (!paired.ok) throw new Error(`pairing refused: ${paired.error.code}`);
    return paired.value.token;
  },

  async issue(base: string, token: string, serviceId = 'civil-status'): Promise<IssueOutcome> {
    const r = (await postJson(base, '/api/tickets', { serviceId }, token)) as Result<IssuedTicket>;
    if (!r.ok) return { ok: false, code: r.error.code, problem: r.error.params?.problem };
    return { ok: true, label: r.value.ticket.label, ref: r.value.ref, serviceId: r.value.ticket.serviceId };
  },

  async health(base: string): Promise<HealthBody> {
    const r = (await getJson(base, '/api/health')) as Result<HealthBody>;
    if (!r.ok) throw new Error(`health refused: ${r.error.code}`);
    return r.value;
  },

  /** A real socket.io-client connection to the process, typed by the contract (use it with `command`). */
  socket(base: string, token: string): ClientSocket {
    const socket: ClientSocket = connect(base, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    return socket;
  },

  /** The follow page's answer for a ticket reference: its HTTP status. */
  async followStatus(base: string, ref: string): Promise<number> {
    return (await fetch(`${base}/api/tickets/${ref}`, { signal: AbortSignal.timeout(30_000) })).status;
  },
};
