/**
 * The procedure catalogue (danh mục thủ tục hành chính) shown on the kiosk.
 *
 * The shape follows the national procedure database / public service portal, so an export
 * from a province maps onto it field by field. Schemas are valibot because the kiosk runs
 * them in the browser and valibot tree-shakes to a few kB.
 */
import * as v from 'valibot';

/**
 * A procedure code: the national code (`1.001193`), optionally followed by dot-separated
 * suffixes for provincial variants (`1.001193.H38`, `1.001193.000.00.00.H38`).
 */
export const PROCEDURE_CODE = /^\d\.\d{6}(\.[0-9A-Z]+)*$/;

/** Ids of fields and services: lowercase ASCII words joined by hyphens, e.g. `civil-status`. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// Spreadsheets on macOS export decomposed (NFD) Vietnamese; parsing composes it so search and equality behave.
const text = v.pipe(v.string(), v.normalize('NFC'), v.trim(), v.nonEmpty());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Cấp thực hiện. `district` is accepted only for historical data: district tiers ended on 1 July 2025. */
export const LevelSchema = v.picklist(['province', 'commune', 'district']);

/** Đối tượng thực hiện: cá nhân / tổ chức / doanh nghiệp. */
export const TargetSchema = v.picklist(['citizen', 'organisation', 'business']);

/** Cách thức thực hiện: trực tiếp / trực tuyến / dịch vụ bưu chính. */
export const ChannelSchema = v.picklist(['in-person', 'online', 'post']);

/** Mức độ dịch vụ công trực tuyến: `full` = toàn trình, `partial` = một phần. */
export const OnlineLevelSchema = v.picklist(['full', 'partial']);

export const FieldSchema = v.object({
  id: v.pipe(v.string(), v.regex(SLUG)),
  /** Vietnamese name as on the portal, e.g. "Hộ tịch". */
  name: text,
  /** English name, shown when the kiosk is switched to English. */
  nameEn: text,
});

export const TimeLimitSchema = v.object({
  /** The time limit as the portal words it, e.g. "Trong ngày; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo". */
  text,
  /** Upper bound in working days when the text gives a number; 0 means the same working day. */
  workingDays: v.optional(count),
});

export const FeeSchema = v.object({
  /** The fee as the portal words it, e.g. "Lệ phí: 75.000 đồng/giấy phép". */
  text,
  /** The amount in đồng when the fee is one number; 0 means free. Absent when it varies. */
  amount: v.optional(count),
});

export const FilingMethodSchema = v.object({
  channel: ChannelSchema,
  timeLimit: TimeLimitSchema,
  fee: FeeSchema,
});

export const DossierComponentSchema = v.object({
  name: text,
  /** Số bản chính. */
  originals: count,
  /** Số bản sao. */
  copies: count,
  /** The form to fill in (mẫu đơn, tờ khai), when there is one. */
  form: v.optional(text),
  /**
   * Only shown at the counter (xuất trình), not handed in: an ID card, a residence paper. The
   * `originals` are then the originals to show. Absent means handed in.
   */
  shownOnly: v.optional(v.boolean()),
});

export const DossierCaseSchema = v.object({
  /** The case the group applies to ("Trường hợp đăng ký lại"); absent when there is only one case. */
  title: v.optional(text),
  components: v.pipe(v.array(DossierComponentSchema), v.nonEmpty()),
});

export const ProcedureSchema = v.pipe(
  v.object({
    code: v.pipe(v.string(), v.regex(PROCEDURE_CODE)),
    name: text,
    /** Id of a {@link Field} of the same catalogue. */
    fieldId: v.pipe(v.string(), v.regex(SLUG)),
    level: LevelSchema,
    /** Cơ quan thực hiện. */
    agency: text,
    /** Cơ quan phối hợp; empty when the agency acts alone. */
    coordinatingAgencies: v.array(text),
    targets: v.pipe(v.array(TargetSchema), v.nonEmpty()),
    filing: v.pipe(v.array(FilingMethodSchema), v.nonEmpty()),
    /** Present when the procedure can be filed online. */
    onlineLevel: v.optional(OnlineLevelSchema),
    dossier: v.array(DossierCaseSchema),
    /** Trình tự thực hiện, one entry per step ("Bước 1: …"). */
    steps: v.array(text),
    /** Yêu cầu, điều kiện; empty when there are none. */
    requirements: v.array(text),
    /** Kết quả thực hiện. */
    result: text,
    /** Căn cứ pháp lý. */
    legalBasis: v.array(text),
    /** The procedure's page on the public service portal. */
    portalUrl: v.optional(v.pipe(v.string(), v.url())),
    /** The queue service a ticket for this procedure is issued on (a service id of the site config). */
    serviceId: v.pipe(v.string(), v.regex(SLUG)),
  }),
  v.check((p) => new Set(p.filing.map((f) => f.channel)).size === p.filing.length, 'each way of filing appears once'),
);

/** The catalogue without cross-references checked; see {@link catalogueConflicts}. */
export const CatalogueShapeSchema = v.object({
  version: v.literal(1),
  /** True for the demonstration catalogue shipped in `data/`; the kiosk says so. */
  sample: v.boolean(),
  fields: v.array(FieldSchema),
  procedures: v.array(ProcedureSchema),
});

/** A whole catalogue, including unique codes and field ids and resolvable field references. */
export const CatalogueSchema = v.pipe(
  CatalogueShapeSchema,
  v.check((c) => catalogueConflicts(c).length === 0, 'catalogue has duplicate or dangling references'),
);

export type Level = v.InferOutput<typeof LevelSchema>;
export type Target = v.InferOutput<typeof TargetSchema>;
export type Channel = v.InferOutput<typeof ChannelSchema>;
export type OnlineLevel = v.InferOutput<typeof OnlineLevelSchema>;
export type Field = v.InferOutput<typeof FieldSchema>;
export type TimeLimit = v.InferOutput<typeof TimeLimitSchema>;
export type Fee = v.InferOutput<typeof FeeSchema>;
export type FilingMethod = v.InferOutput<typeof FilingMethodSchema>;
export type DossierComponent = v.InferOutput<typeof DossierComponentSchema>;
export type DossierCase = v.InferOutput<typeof DossierCaseSchema>;
export type Procedure = v.InferOutput<typeof ProcedureSchema>;
export type Catalogue = v.InferOutput<typeof CatalogueShapeSchema>;

/** A cross-reference a per-item schema cannot see. `index` points into `fields` or `procedures`. */
export type CatalogueConflict =
  | { kind: 'duplicate_field'; index: number; fieldId: string }
  | { kind: 'duplicate_code'; index: number; code: string; firstIndex: number }
  | { kind: 'unknown_field'; index: number; fieldId: string };

/** Finds duplicate field ids, duplicate procedure codes and procedures whose field is missing. */
export function catalogueConflicts(catalogue: { fields: readonly Field[]; procedures: readonly Procedure[] }): CatalogueConflict[] {
  const conflicts: CatalogueConflict[] = [];
  const fieldIds = new Set<string>();
  catalogue.fields.forEach((field, index) => {
    if (fieldIds.has(field.id)) conflicts.push({ kind: 'duplicate_field', index, fieldId: field.id });
    fieldIds.add(field.id);
  });
  const firstByCode = new Map<string, number>();
  catalogue.procedures.forEach((procedure, index) => {
    const firstIndex = firstByCode.get(procedure.code);
    if (firstIndex === undefined) firstByCode.set(procedure.code, index);
    else conflicts.push({ kind: 'duplicate_code', index, code: procedure.code, firstIndex });
    if (!fieldIds.has(procedure.fieldId)) conflicts.push({ kind: 'unknown_field', index, fieldId: procedure.fieldId });
  });
  return conflicts;
}
