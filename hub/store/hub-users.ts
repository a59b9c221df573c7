import { randomBytes, randomUUID } from 'node:crypto';
import type { HubRole, HubUserView } from '../../protocol/hub/hub-access.ts';
import { hashPassword, unknownUserHash, verifyPassword } from '../../server/auth/passwords.ts';
import { newToken, tokenHash } from '../../server/auth/tokens.ts';
import type { Database } from '../db/database.ts';

/** How long a person's session (and the hub app's cookie holding it) lasts. */
export const hubSessionMs = 14 * 3_600_000;

/** A hub user with the centre id their role is bound to. */
export interface HubUser extends HubUserView {
  centreId: number | null;
}

const columns = `u.id, u.username, u.name, u.role, u.centre_id, c.code as centre_code, u.created_at, u.disabled_at, u.password_hash`;

/** The hub's people, their sessions, and the one-time first-run token. */
export class HubUsers {
  constructor(private readonly db: Database) {}

  /**
   * The first-run token while nobody can sign in yet, else null. Kept in the database so every
   * hub process accepts the same one.
   */
  async setupToken(): Promise<string | null> {
    if ((await this.db.query('select 1 from users limit 1')).length) return null;
    await this.db.query('insert into setup (id, token) values (1, $1) on conflict (id) do nothing', [
      randomBytes(18).toString('base64url'),
    ]);
    return (await this.db.query<{ token: string }>('select token from setup where id = 1'))[0]?.token ?? null;
  }

  /** Creates the first province admin with the set-up token; null when the token is wrong or used. */
  async setup(token: string, input: { username: string; name: string; password: string }, now: number): Promise<HubUser | null> {
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      const used = await tx.query('delete from setup where id = 1 and token = $1 returning 1', [token]);
      if (!used.length || (await tx.query('select 1 from users limit 1')).length) return null;
      const id = randomUUID();
      await tx.query(
        `insert into users (id, username, name, role, centre_id, password_hash, created_at) values ($1, $2, $3, 'province_admin', null, $4, $5)`,
        [id, input.username, input.name, passwordHash, now],
      );
      return this.byId(id, tx);
    });
  }

  async list(): Promise<HubUser[]> {
    return (await this.db.query(`select ${columns} from users u left join centres c on c.id = u.centre_id order by u.username`)).map(user);
  }

  /** Null when the user name is taken or the centre unknown. */
  async create(
    input: { username: string; name: string; password: string; role: HubRole; centreCode: string | null },
    now: number,
  ): Promise<HubUser | null | 'unknown_centre'> {
    let centreId: number | null = null;
    if (input.role === 'centre_manager') {
      const c = await this.db.query<{ id: number }>('select id from centres where code = $1', [input.centreCode]);
      if (!c[0]) return 'unknown_centre';
      centreId = c[0].id;
    }
    const id = randomUUID();
    const rows = await this.db.query(
      `insert into users (id, username, name, role, centre_id, password_hash, created_at) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (username) do nothing returning id`,
      [id, input.username, input.name, input.role, centreId, await hashPassword(input.password), now],
    );
    return rows.length ? this.byId(id) : null;
  }

  /** Checks the password; a wrong user name costs the same time as a wrong password. */
  async verify(username: string, password: string): Promise<HubUser | null> {
    const rows = await this.db.query(`select ${columns} from users u left join centres c on c.id = u.centre_id where u.username = $1`, [
      username,
    ]);
    const ok = await verifyPassword(password, (rows[0]?.password_hash as string | undefined) ?? unknownUserHash);
    return ok && rows[0] ? user(rows[0]) : null;
  }

  async createSession(userId: string, now: number): Promise<string> {
    const token = newToken('ses');
    await this.db.query('delete from sessions where expires_at <= $1', [now]);
    await this.db.query('insert into sessions (token_hash, user_id, expires_at) values ($1, $2, $3)', [
      tokenHash(token),
      userId,
      now + hubSessionMs,
    ]);
    return token;
  }

  async sessionUser(token: string, now: number): Promise<HubUser | null> {
    const rows = await this.db.query(
      `select ${columns} from sessions s join users u on u.id = s.user_id left join centres c on c.id = u.centre_id
       where s.token_hash = $1 and s.expires_at > $2 and u.disabled_at is null`,
      [tokenHash(token), now],
    );
    return rows[0] ? user(rows[0]) : null;
  }

  /** Which of these session tokens still name an enabled user: one query, for the sweep of live connections. */
  async liveSessions(tokens: readonly string[], now: number): Promise<Set<string>> {
    const byHash = new Map(tokens.map((t) => [tokenHash(t), t]));
    const rows = await this.db.query<{ token_hash: string }>(
      `select s.token_hash from sessions s join users u on u.id = s.user_id
       where s.token_hash = any($1::text[]) and s.expires_at > $2 and u.disabled_at is null`,
      [[...byHash.keys()], now],
    );
    return new Set(rows.map((r) => byHash.get(r.token_hash)!));
  }

  async endSession(token: string): Promise<void> {
    await this.db.query('delete from sessions where token_hash = $1', [tokenHash(token)]);
  }

  /**
   * Disables (ending every session) or re-enables a user. The last enabled province admin
   * cannot be disabled: nobody could manage the province then.
   */
  async setDisabled(id: string, disabled: boolean, now: number): Promise<HubUser | 'not_found' | 'last_admin'> {
    return this.db.transaction(async (tx) => {
      const found = await this.byId(id, tx);
      if (!found) return 'not_found';
      if (disabled && found.role === 'province_admin' && !found.disabled) {
        const admins = await tx.query(`select id from users where role = 'province_admin' and disabled_at is null for update`);
        if (admins.length <= 1) return 'last_admin';
      }
      await tx.query('update users set disabled_at = $1 where id = $2', [disabled ? now : null, id]);
      if (disabled) await tx.query('delete from sessions where user_id = $1', [id]);
      return (await this.byId(id, tx))!;
    });
  }

  private async byId(id: string, tx: Pick<Database, 'query'> = this.db): Promise<HubUser | null> {
    const rows = await tx.query(`select ${columns} from users u left join centres c on c.id = u.centre_id where u.id = $1`, [id]);
    return rows[0] ? user(rows[0]) : null;
  }
}

function user(r: Record<string, unknown>): HubUser {
  return {
    id: r.id as string,
    username: r.username as string,
    name: r.name as string,
    role: r.role as HubRole,
    centreId: (r.centre_id as number | null) ?? null,
    centreCode: (r.centre_code as string | null) ?? null,
    createdAt: r.created_at as number,
    disabled: r.disabled_at !== null,
  };
}
