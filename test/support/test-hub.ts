import { inject } from 'vitest';
import { createHub, type MotcuaHub } from '../../hub/create-hub.ts';
import { resolveHubSettings } from '../../hub/config.ts';
import { type Database, openDatabase } from '../../hub/db/database.ts';
import type { JoinCodeView, JoinReceipt } from '../../protocol/hub/centres.ts';
import type { Result } from '../../protocol/result.ts';
import type { Socket } from 'socket.io-client';
import { hubApp } from '../../protocol/browser-apps.ts';
import type { HubClientToServerEvents, HubServerToClientEvents } from '../../protocol/hub/hub-events.ts';
import { createTestDatabase } from './postgres.ts';
import { connectOnce } from './socket-once.ts';

export type HubSocket = Socket<HubServerToClientEvents, HubClientToServerEvents>;

/** A real hub on a random port over its own database on the test run's PostgreSQL. */
export class TestHub {
  readonly url: string;
  private adminSession: string | null = null;
  private readonly sockets: HubSocket[] = [];

  private constructor(
    readonly hub: MotcuaHub,
    readonly db: Database,
    readonly databaseUrl: string,
    readonly port: number,
    private readonly dropDatabase: () => Promise<void>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** A hub on a fresh database; `clock` defaults to the real one. */
  static async start(options: { clock?: () => number } = {}): Promise<TestHub> {
    const database = await createTestDatabase(inject('postgresUrl'));
    const db = await openDatabase(database.url);
    const settings = resolveHubSettings(['--port', '0', '--host', '127.0.0.1', '--database', database.url], {});
    const hub = await createHub({ settings, db, ...(options.clock && { clock: options.clock }) });
    return new TestHub(hub, db, database.url, await hub.listen(), database.drop);
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Result<T> }> {
    const res = await fetch(this.url + path, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Result<T> };
  }

  /** The province admin's session, made with the first-run token on first use. */
  async adminToken(): Promise<string> {
    if (this.adminSession) return this.adminSession;
    const token = await this.hub.ctx.users.setupToken();
    const r = await this.request<{ token: string }>('POST', '/api/auth/setup', {
      token,
      username: 'tinh',
      name: 'Quản trị tỉnh',
      password: 'province-password-1',
    });
    if (!r.body.ok) throw new Error(`hub setup refused: ${r.body.error.code}`);
    this.adminSession = r.body.value.token;
    return this.adminSession;
  }

  /** Enters a centre and makes its one-time join code, as the province admin does. */
  async centreJoinCode(code: string, name = `Trung tâm ${code}`, level: 'province' | 'commune' = 'commune'): Promise<string> {
    const admin = await this.adminToken();
    await this.request('POST', '/api/centres', { code, name, level }, admin);
    const made = await this.request<JoinCodeView>('POST', `/api/centres/${code}/join-code`, undefined, admin);
    if (!made.body.ok) throw new Error(`join code refused: ${made.body.error.code}`);
    return made.body.value.code;
  }

  /** A joined centre's token, for tests that speak the link protocol themselves. */
  async centreToken(code: string, name?: string, level?: 'province' | 'commune'): Promise<string> {
    const joinCode = await this.centreJoinCode(code, name, level);
    const joined = await this.request<JoinReceipt>('POST', '/api/hub/v1/join', { centreCode: code, joinCode });
    if (!joined.body.ok) throw new Error(`join refused: ${joined.body.error.code}`);
    return joined.body.value.token;
  }

  /**
   * A socket as the hub's app opens one (`auth.app`), the browser sending the app's cookie and
   * its page's origin as `headers`, or with a Bearer session in `auth.token`. Rejects with the refusal.
   */
  socket(headers: Record<string, string>, token?: string): Promise<HubSocket> {
    return connectOnce<HubSocket>(this.url, { app: hubApp, lang: 'vi', ...(token && { token }) }, headers, (s) => this.sockets.push(s));
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.disconnect();
    await this.hub.close();
    await this.db.close();
    await this.dropDatabase();
  }
}
