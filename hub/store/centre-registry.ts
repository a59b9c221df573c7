import { randomInt } from 'node:crypto';
import type { CentreLive, CentreProfile } from '../../protocol/hub/centre-status.ts';
import type { JoinCodeView, JoinReceipt } from '../../protocol/hub/centres.ts';
import { newToken, tokenHash } from '../../server/auth/tokens.ts';
import type { Database, Queryable } from '../db/database.ts';

/** A centre as the hub's own code works with it. */
export interface CentreRecord {
  id: number;
  code: string;
  name: string;
  level: 'province' | 'commune';
  createdAt: number;
  joinedAt: number | null;
  revokedAt: number | null;
  lastContactAt: number | null;
  profile: CentreProfile | null;
  live: CentreLive | null;
  liveAt: number | null;
  joinCodeExpiresAt: number | null;
}

/** Who a centre token belongs to, or why it is refused. */
export type CentreAccess = { ok: true; centre: CentreRecord } | { ok: false; code: 'hub:link.unknown_centre' | 'hub:link.revoked' };

/** A join code lasts a week: long enough to reach a commune's technician, short enough not to linger. */
const joinCodeLifetimeMs = 7 * 24 * 3_600_000;
const joinAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const columns = `c.id, c.code, c.name, c.level, c.created_at, c.joined_at, c.revoked_at, c.last_contact_at, c.profile, c.live, c.live_at,
  (select max(j.expires_at) from join_codes j where j.centre_id = c.id and j.used_at is null) as join_code_expires_at`;

/** The centres of the province: identity, joining, revocation and their last reported state. */
export class CentreRegistry {
  constructor(private readonly db: Database) {}

  async list(): Promise<CentreRecord[]> {
    return (await this.db.query(`select ${columns} from centres c order by c.code`)).map(record);
  }

  async byCode(code: string): Promise<CentreRecord | null> {
    const rows = await this.db.query(`select ${columns} from centres c where c.code = $1`, [code]);
    return rows[0] ? record(rows[0]) : null;
  }

  /** Enters a centre; null when the code is taken. */
  async create(input: { code: string; name: string; level: 'province' | 'commune' }, now: number): Promise<CentreRecord | null> {
    const rows = await this.db.query(
      'insert into centres (code, name, level, created_at) values ($1, $2, $3, $4) on conflict (code) do nothing returning id',
      [input.code, input.name, input.level, now],
    );
    return rows.length ? this.byCode(input.code) : null;
  }

  /** A new one-time join code for the centre; earlier unused ones stop working. Null for an unknown centre. */
  async makeJoinCode(code: string, now: number): Promise<JoinCodeView | null> {
    return this.db.transaction(async (tx) => {
      const centre = (await tx.query<{ id: number }>('select id from centres where code = $1 for update', [code]))[0];
      if (!centre) return null;
      await tx.query('delete from join_codes where centre_id = $1 and used_at is null', [centre.id]);
      const joinCode = newJoinCode();
      const expiresAt = now + joinCodeLifetimeMs;
      await tx.query('insert into join_codes (code_hash, centre_id, expires_at) values ($1, $2, $3)', [
        joinCodeHash(joinCode),
        centre.id,
        expiresAt,
      ]);
      return { code: joinCode, expiresAt };
    });
  }

  /**
   * Redeems a join code: the centre gets a new token, and any token it had before stops working
   * (a box that was replaced). Joining again after a revocation re-admits the centre.
   */
  async join(centreCode: string, joinCode: string, now: number): Promise<JoinReceipt | null> {
    return this.db.transaction(async (tx) => {
      const found = (
        await tx.query<{ centre_id: number }>(
          `select j.centre_id from join_codes j join centres c on c.id = j.centre_id
           where j.code_hash = $1 and c.code = $2 and j.used_at is null and j.expires_at > $3 for update of j`,
          [joinCodeHash(joinCode), centreCode, now],
        )
      )[0];
      if (!found) return null;
      const token = newToken('cen');
      await tx.query('update join_codes set used_at = $1 where code_hash = $2', [now, joinCodeHash(joinCode)]);
      const rows = await tx.query<{ code: string; name: string; level: 'province' | 'commune' }>(
        `update centres set token_hash = $1, joined_at = $2, revoked_at = null, last_contact_at = $2 where id = $3
         returning code, name, level`,
        [tokenHash(token), now, found.centre_id],
      );
      return { token, centre: rows[0]! };
    });
  }

  async access(token: string): Promise<CentreAccess> {
    const rows = await this.db.query(`select ${columns} from centres c where c.token_hash = $1`, [tokenHash(token)]);
    if (!rows[0]) return { ok: false, code: 'hub:link.unknown_centre' };
    const centre = record(rows[0]);
    return centre.revokedAt === null ? { ok: true, centre } : { ok: false, code: 'hub:link.revoked' };
  }

  /** Revokes a centre: its token is refused from now on, its unused join codes are void. */
  async revoke(code: string, now: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query('update centres set revoked_at = $1 where code = $2 and revoked_at is null returning id', [now, code]);
      if (rows[0]) await tx.query('delete from join_codes where centre_id = $1 and used_at is null', [rows[0].id]);
      return rows.length > 0;
    });
  }

  async touch(centreId: number, now: number, tx: Queryable = this.db): Promise<void> {
    await tx.query('update centres set last_contact_at = greatest(coalesce(last_contact_at, 0), $1) where id = $2', [now, centreId]);
  }

  /** Keeps the centre's latest status and the profile its reports need. */
  async saveStatus(centreId: number, live: CentreLive, profile: CentreProfile, now: number): Promise<void> {
    await this.db.query(
      `update centres set live = $1, profile = $2, live_at = $3, last_contact_at = $3, target_wait_minutes = $4, rating_scale = $5
       where id = $6`,
      [JSON.stringify(live), JSON.stringify(profile), now, profile.targetWaitMinutes, profile.ratingScale, centreId],
    );
  }
}

function newJoinCode(): string {
  const chars = Array.from({ length: 12 }, () => joinAlphabet[randomInt(joinAlphabet.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

function joinCodeHash(code: string): string {
  return tokenHash(`join:${code.replaceAll('-', '').toUpperCase()}`);
}

function record(r: Record<string, unknown>): CentreRecord {
  return {
    id: r.id as number,
    code: r.code as string,
    name: r.name as string,
    level: r.level as CentreRecord['level'],
    createdAt: r.created_at as number,
    joinedAt: r.joined_at as number | null,
    revokedAt: r.revoked_at as number | null,
    lastContactAt: r.last_contact_at as number | null,
    profile: (r.profile as CentreProfile | null) ?? null,
    live: (r.live as CentreLive | null) ?? null,
    liveAt: r.live_at as number | null,
    joinCodeExpiresAt: (r.join_code_expires_at as number | null) ?? null,
  };
}
