import type { Catalogue, Channel, Fee } from '../../protocol/catalogue.ts';
import type { CatalogueVersionView, ProvinceFee, PublishedCatalogue } from '../../protocol/hub/province-catalogue.ts';
import type { Database } from '../db/database.ts';
import { catalogueChanges, feesThatApply, setFee, withProvinceFees } from './province-fees.ts';

export interface CatalogueDraft {
  catalogue: Catalogue | null;
  fees: ProvinceFee[];
  updatedAt: number | null;
  updatedBy: string | null;
}

export type PublishOutcome =
  | { ok: true; version: number }
  | { ok: false; code: 'hub:catalogue.no_draft' | 'hub:catalogue.unknown_version' };

/**
 * The province catalogue: one draft the province edits (imports and fees), and the versions
 * published from it, each kept whole so a centre can be told exactly what it shows and the
 * province can publish an earlier one again.
 */
export class CatalogueStore {
  constructor(private readonly db: Database) {}

  async draft(): Promise<CatalogueDraft> {
    const r = (await this.db.query('select catalogue, fees, updated_at, updated_by from catalogue_draft where id = 1'))[0];
    return {
      catalogue: (r?.catalogue as Catalogue | null) ?? null,
      fees: (r?.fees as ProvinceFee[] | undefined) ?? [],
      updatedAt: (r?.updated_at as number | null) ?? null,
      updatedBy: (r?.updated_by as string | null) ?? null,
    };
  }

  /** Replaces the draft's procedures with an imported catalogue; fees for procedures that left it go too. */
  async importDraft(catalogue: Catalogue, by: string, now: number): Promise<CatalogueDraft> {
    const fees = feesThatApply(catalogue, (await this.draft()).fees);
    await this.saveDraft(catalogue, fees, by, now);
    return this.draft();
  }

  /** Sets one fee of the draft; false when the draft has no such procedure and way of filing. */
  async setDraftFee(code: string, channel: Channel, fee: Fee | null, by: string, now: number): Promise<boolean> {
    const draft = await this.draft();
    const procedure = draft.catalogue?.procedures.find((p) => p.code === code);
    if (!draft.catalogue || !procedure?.filing.some((m) => m.channel === channel)) return false;
    await this.saveDraft(draft.catalogue, setFee(draft.fees, code, channel, fee), by, now);
    return true;
  }

  private async saveDraft(catalogue: Catalogue, fees: ProvinceFee[], by: string, now: number): Promise<void> {
    await this.db.query(
      `insert into catalogue_draft (id, catalogue, fees, updated_at, updated_by) values (1, $1, $2, $3, $4)
       on conflict (id) do update set catalogue = excluded.catalogue, fees = excluded.fees, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
      [JSON.stringify(catalogue), JSON.stringify(fees), now, by],
    );
  }

  /** Publishes the draft, or an earlier version again, as the next version. */
  async publish(input: { note: string; fromVersion?: number }, by: string, now: number): Promise<PublishOutcome> {
    return this.db.transaction(async (tx) => {
      await tx.query('lock table catalogue_versions in exclusive mode');
      let source: { catalogue: Catalogue; fees: ProvinceFee[] } | null;
      if (input.fromVersion !== undefined) {
        const r = (await tx.query('select catalogue, fees from catalogue_versions where version = $1', [input.fromVersion]))[0];
        if (!r) return { ok: false, code: 'hub:catalogue.unknown_version' };
        source = { catalogue: r.catalogue as Catalogue, fees: r.fees as ProvinceFee[] };
      } else {
        const draft = await this.draft();
        source = draft.catalogue && { catalogue: withProvinceFees(draft.catalogue, draft.fees), fees: draft.fees };
      }
      if (!source) return { ok: false, code: 'hub:catalogue.no_draft' };
      const version =
        ((await tx.query<{ v: number }>('select coalesce(max(version), 0) as v from catalogue_versions'))[0]!.v as number) + 1;
      await tx.query(
        `insert into catalogue_versions (version, catalogue, fees, note, published_at, published_by, procedures, fields)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          version,
          JSON.stringify(source.catalogue),
          JSON.stringify(source.fees),
          input.note,
          now,
          by,
          source.catalogue.procedures.length,
          source.catalogue.fields.length,
        ],
      );
      return { ok: true, version };
    });
  }

  async versions(): Promise<CatalogueVersionView[]> {
    const rows = await this.db.query(
      `select version, published_at, published_by, note, procedures, fields, jsonb_array_length(fees) as fees
       from catalogue_versions order by version desc`,
    );
    return rows.map((r) => ({
      version: r.version as number,
      publishedAt: r.published_at as number,
      publishedBy: r.published_by as string,
      note: r.note as string,
      procedures: r.procedures as number,
      fields: r.fields as number,
      fees: r.fees as number,
    }));
  }

  async latestVersion(): Promise<number | null> {
    return ((await this.db.query<{ v: number | null }>('select max(version) as v from catalogue_versions'))[0]?.v as number | null) ?? null;
  }

  /** What publishing the draft now would change: procedures (fees included) and fee entries. */
  async changesSincePublished(): Promise<{ added: number; removed: number; changed: number; fees: number }> {
    const draft = await this.draft();
    const r = (await this.db.query('select catalogue, fees from catalogue_versions order by version desc limit 1'))[0];
    const published = (r?.catalogue as Catalogue | undefined) ?? null;
    const next = draft.catalogue && withProvinceFees(draft.catalogue, draft.fees);
    const before = new Set(((r?.fees as ProvinceFee[] | undefined) ?? []).map((f) => JSON.stringify(f)));
    const after = new Set(draft.fees.map((f) => JSON.stringify(f)));
    const fees = [...after].filter((f) => !before.has(f)).length + [...before].filter((f) => !after.has(f)).length;
    return { ...catalogueChanges(published, next), fees };
  }

  /** The latest published version, fees written in, as centres pull it. */
  async latest(): Promise<PublishedCatalogue | null> {
    const r = (await this.db.query('select version, published_at, catalogue from catalogue_versions order by version desc limit 1'))[0];
    return r ? { version: r.version as number, publishedAt: r.published_at as number, catalogue: r.catalogue as Catalogue } : null;
  }
}
