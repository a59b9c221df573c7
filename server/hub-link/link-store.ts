import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

/** What a centre keeps about its hub, in `<dataDir>/hub-link.json`. */
export interface HubLinkData {
  version: 1;
  /** The hub and code the token belongs to; a token is never sent to another hub. */
  hubUrl: string | null;
  centreCode: string | null;
  centreName: string | null;
  token: string | null;
  joinedAt: number | null;
  /** Set when the hub answered that it revoked this centre. */
  revokedAt: number | null;
  /** Past days the hub has acknowledged to their last event, with that count: never read again. */
  shippedDays: Record<string, number>;
  /** The province catalogue version the kiosks show, and the codes it brought (the rest are the centre's own). */
  catalogue: { version: number; appliedAt: number; provinceCodes: string[] } | null;
}

const empty = (): HubLinkData => ({
  version: 1,
  hubUrl: null,
  centreCode: null,
  centreName: null,
  token: null,
  joinedAt: null,
  revokedAt: null,
  shippedDays: {},
  catalogue: null,
});

/** The link's state on disk (lowdb, atomic writes). */
export class LinkStore {
  private constructor(private readonly db: Low<HubLinkData>) {}

  static async open(dataDir: string): Promise<LinkStore> {
    const db = new Low<HubLinkData>(new JSONFile(join(dataDir, 'hub-link.json')), empty());
    await db.read();
    db.data = { ...empty(), ...db.data };
    return new LinkStore(db);
  }

  get data(): Readonly<HubLinkData> {
    return this.db.data;
  }

  async update(change: (data: HubLinkData) => void): Promise<void> {
    change(this.db.data);
    await this.db.write();
  }
}
