import { io as connect } from 'socket.io-client';
import { type CommandArgs, type CommandSocket, emitCommand } from '../../client/command.ts';
import type { CommandName, CommandReply } from '../../protocol/events.ts';
import type { Result } from '../../protocol/result.ts';

export type SimSocket = CommandSocket;

/** HTTP and Socket.IO access to the simulated centre's server, as its devices and staff use it. */
export class SimHttp {
  readonly #sockets: SimSocket[] = [];

  constructor(readonly url: string) {}

  async request<T>(method: string, path: string, body?: unknown, token?: string): Promise<Result<T>> {
    const res = await fetch(this.url + path, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return (await res.json()) as Result<T>;
  }

  /** Like {@link request}, but a refusal is an error: set-up steps must work. */
  async must<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const r = await this.request<T>(method, path, body, token);
    if (!r.ok) throw new Error(`${method} ${path} refused: ${r.error.code}`);
    return r.value;
  }

  async text(path: string, token: string): Promise<string> {
    const res = await fetch(this.url + path, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
    return res.text();
  }

  /** A connected socket with the token; closed by {@link closeSockets}. */
  async socket(token: string): Promise<SimSocket> {
    const s: SimSocket = connect(this.url, { auth: { token, lang: 'vi' }, transports: ['websocket'], reconnection: false, forceNew: true });
    this.#sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    return s;
  }

  /** Pairs a device the way a technician does: an admin makes a code, the device redeems it. */
  async pairDevice(admin: string, kind: 'kiosk' | 'display' | 'rating' | 'counter', name: string, counterId?: number): Promise<string> {
    const { code } = await this.must<{ code: string }>(
      'POST',
      '/api/devices/pairing-codes',
      { kind, name, ...(counterId && { counterId }) },
      admin,
    );
    return (await this.must<{ token: string }>('POST', '/api/devices/pair', { code })).token;
  }

  closeSockets(): void {
    for (const s of this.#sockets) s.disconnect();
  }
}

/** Emits a command and returns its Result (a 10 s ack timeout is an error). */
export function send<E extends CommandName>(s: SimSocket, event: E, ...args: CommandArgs<E>): Promise<Result<CommandReply<E>>> {
  return emitCommand(s, 10_000, event, ...args);
}
