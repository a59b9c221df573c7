import { randomUUID } from 'node:crypto';
import type { MachineScope, MachineTokenView } from '../../protocol/hub/hub-access.ts';
import { newToken, tokenHash } from '../../server/auth/tokens.ts';
import type { Database } from '../db/database.ts';

/** A machine token as a request carries it: what it may read and where. */
export interface MachineAccess {
  id: string;
  name: string;
  scopes: MachineScope[];
  centreId: number | null;
}

const columns = 't.id, t.name, t.scopes, c.code as centre_code, t.created_at, t.created_by, t.last_used_at, t.revoked_at';

/** Long-lived bearer tokens (`mac_…`) for integrators' programs; only their hash is kept. */
export class MachineTokens {
  constructor(private readonly db: Database) {}

  async list(): Promise<MachineTokenView[]> {
    return (
      await this.db.query(`select ${columns} from machine_tokens t left join centres c on c.id = t.centre_id order by t.created_at`)
    ).map(view);
  }

  /** A new token, shown once; null for an unknown centre code. */
  async create(
    input: { name: string; scopes: MachineScope[]; centreCode: string | null },
    createdBy: string,
    now: number,
  ): Promise<{ token: string; view: MachineTokenView } | null> {
    let centreId: number | null = null;
    if (input.centreCode) {
      const c = await this.db.query<{ id: number }>('select id from centres where code = $1', [input.centreCode]);
      if (!c[0]) return null;
      centreId = c[0].id;
    }
    const token = newToken('mac');
    const id = randomUUID();
    await this.db.query(
      'insert into machine_tokens (id, name, token_hash, scopes, centre_id, created_at, created_by) values ($1, $2, $3, $4, $5, $6, $7)',
      [id, input.name, tokenHash(token), input.scopes, centreId, now, createdBy],
    );
    const rows = await this.db.query(`select ${columns} from machine_tokens t left join centres c on c.id = t.centre_id where t.id = $1`, [
      id,
    ]);
    return { token, view: view(rows[0]!) };
  }

  async revoke(id: string, now: number): Promise<boolean> {
    return (
      (await this.db.query('update machine_tokens set revoked_at = $1 where id = $2 and revoked_at is null returning id', [now, id]))
        .length > 0
    );
  }

  /** The token's access, noting its use; null when unknown or revoked. */
  async access(token: string, now: number): Promise<MachineAccess | null> {
    const rows = await this.db.query<{ id: string; name: string; scopes: MachineScope[]; centre_id: number | null }>(
      'update machine_tokens set last_used_at = $2 where token_hash = $1 and revoked_at is null returning id, name, scopes, centre_id',
      [tokenHash(token), now],
    );
    const r = rows[0];
    return r ? { id: r.id, name: r.name, scopes: r.scopes, centreId: r.centre_id } : null;
  }
}

function view(r: Record<string, unknown>): MachineTokenView {
  return {
    id: r.id as string,
    name: r.name as string,
    scopes: r.scopes as MachineScope[],
    centreCode: (r.centre_code as string | null) ?? null,
    createdAt: r.created_at as number,
    createdBy: r.created_by as string,
    lastUsedAt: r.last_used_at as number | null,
    revokedAt: r.revoked_at as number | null,
  };
}
