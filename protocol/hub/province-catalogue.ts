import * as v from 'valibot';
import { ChannelSchema, type Catalogue, FeeSchema, PROCEDURE_CODE } from '../catalogue.ts';

/**
 * The province's procedure list at the hub. The province imports a file (the same JSON or CSV as
 * a centre's import) into a draft, sets its own fees on it, and publishes: each publication is a
 * numbered version that never changes, and centres pull the latest one.
 */

/** A fee the province sets for one way of filing a procedure, replacing the imported one. */
export const ProvinceFeeSchema = v.strictObject({
  code: v.pipe(v.string(), v.regex(PROCEDURE_CODE)),
  channel: ChannelSchema,
  fee: FeeSchema,
});
export type ProvinceFee = v.InferOutput<typeof ProvinceFeeSchema>;

/** `PUT /api/catalogue/draft/fees`: a fee of the draft; `fee: null` goes back to the imported one. */
export const DraftFeePayload = v.strictObject({
  code: v.pipe(v.string(), v.regex(PROCEDURE_CODE)),
  channel: ChannelSchema,
  fee: v.nullable(FeeSchema),
});

/** `POST /api/catalogue/publish`: publishes the draft, or an earlier version again (a roll-back). */
export const PublishPayload = v.strictObject({
  note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200)), ''),
  fromVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

/** A published version as the hub lists it. */
export interface CatalogueVersionView {
  version: number;
  publishedAt: number;
  publishedBy: string;
  note: string;
  procedures: number;
  fields: number;
  /** Fees the province set in it. */
  fees: number;
}

/** The draft as the hub's catalogue page shows it, with what changed since the latest version. */
export interface CatalogueDraftView {
  updatedAt: number | null;
  updatedBy: string | null;
  catalogue: Catalogue | null;
  fees: ProvinceFee[];
  /** Against the latest published version; all zero when nothing changed. */
  changes: { added: number; removed: number; changed: number; fees: number };
  versions: CatalogueVersionView[];
  /** Which version each centre's kiosks show, by centre code (null: none yet). */
  centres: Array<{ code: string; name: string; version: number | null }>;
}

/** `GET /api/hub/v1/catalogue`: the latest published version, fees applied, for a centre to pull. */
export interface PublishedCatalogue {
  version: number;
  publishedAt: number;
  catalogue: Catalogue;
}

/** The answer to `GET /api/hub/v1/catalogue?since=N`: the version, or that the centre has it already. */
export type CatalogueReply = PublishedCatalogue | { version: number; unchanged: true };
