import { describeIssue } from '../../protocol/schema-issues.ts';
import * as v from 'valibot';

/**
 * Text from the centre's own data (names, papers). It is never refused for its length: the
 * layout wraps and shortens it. The cap only bounds the work on absurd input.
 */
const contentText = v.pipe(
  v.string(),
  v.transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 600)),
  v.minLength(1),
);

/** One paper of a dossier, as the ticket lists it. */
export const TicketPaperSchema = v.object({
  name: contentText,
  /** Số bản chính to hand in (or to show, with `shownOnly`). */
  originals: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  /** Số bản sao. */
  copies: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  /** Only shown at the counter (xuất trình), not handed in. */
  shownOnly: v.optional(v.boolean(), false),
});

const minutes = v.pipe(v.number(), v.integer(), v.minValue(0));
const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The wait estimate of `protocol/views.ts`, checked: the paper prints the screen's wording of it. */
export const TicketWaitSchema = v.variant('kind', [
  v.object({ kind: v.literal('soon') }),
  v.object({ kind: v.literal('unknown') }),
  v.pipe(
    v.object({ kind: v.literal('range'), estimatedAt: epochMs, fromMinutes: minutes, toMinutes: minutes, startsAt: v.nullable(epochMs) }),
    v.check((w) => w.fromMinutes <= w.toMinutes, 'a wait range must not end before it starts'),
  ),
]);

/**
 * What goes on a paper ticket, independent of any printer. The server builds one from the
 * durable ticket; the encoder turns it into bytes for a {@link PrinterProfile}.
 */
export const TicketLayoutSchema = v.object({
  /** Language of the fixed words ("Số thứ tự", …). Defaults to `vi`. */
  language: v.optional(v.picklist(['vi', 'en']), 'vi'),
  /** Centre name printed at the top, e.g. "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh". */
  centreName: contentText,
  /**
   * The ticket number, printed very large with the printer's own font: letters and digits only
   * so that it never needs the Vietnamese path (e.g. "1023", "B015").
   */
  number: v.pipe(v.string(), v.regex(/^[A-Z0-9]{1,8}$/, 'ticket number must be 1–8 of A–Z, 0–9')),
  /** Service (queue) name, e.g. "Đăng ký khai sinh". */
  serviceName: contentText,
  /** The priority group's name when the ticket is a priority one ("Người cao tuổi"). */
  priorityGroup: v.optional(contentText),
  /** Counters that serve this ticket, as shown to citizens ("3", "12A"); any number of them. */
  counters: v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(8))),
  /**
   * The wait as the kiosk shows it (a range, or when service starts), worded by
   * `protocol/wait-text.ts`; `null` for a ticket no longer waiting (a reprint after its call).
   */
  wait: v.nullable(TicketWaitSchema),
  /** When the ticket was issued, UTC epoch milliseconds. */
  issuedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** IANA zone used to print the date and time. Defaults to `Asia/Ho_Chi_Minh`. */
  timeZone: v.optional(v.pipe(v.string(), v.minLength(1)), 'Asia/Ho_Chi_Minh'),
  /** URL of the follow page, encoded in the QR code (ASCII only, as scanners expect). */
  qrUrl: v.pipe(v.string(), v.url(), v.regex(/^[\x21-\x7e]{1,300}$/, 'QR URL must be printable ASCII')),
  /**
   * The papers to have ready, case by case as the procedure lists them ("Trường hợp …"); the
   * ticket prints the papers every case needs once, then what each case adds. Defaults to none.
   */
  dossier: v.optional(v.array(v.object({ title: v.optional(contentText), papers: v.array(TicketPaperSchema) })), []),
  /** The hotline, printed as "Đường dây nóng: …" when there is no footer. */
  hotline: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40))),
  /** The centre's own last line; replaces the hotline line. */
  footer: v.optional(
    v.pipe(
      v.string(),
      v.transform((s) => s.trim().slice(0, 300)),
    ),
  ),
  /** Marks a test print from the admin app, so nobody takes it for a number. */
  test: v.optional(v.boolean(), false),
});

/** A validated ticket layout (defaults applied). */
export type TicketLayout = v.InferOutput<typeof TicketLayoutSchema>;
/** What a caller may pass: defaulted fields may be left out. */
export type TicketLayoutInput = v.InferInput<typeof TicketLayoutSchema>;
/** One paper as the layout holds it. */
export type TicketPaper = v.InferOutput<typeof TicketPaperSchema>;

/** Outcome of {@link parseTicketLayout}: the layout, or readable issues ("path: message"). */
export type LayoutParseResult = { ok: true; layout: TicketLayout } | { ok: false; issues: string[] };

/** Validate untrusted input (socket payload, test fixture) into a {@link TicketLayout}. */
export function parseTicketLayout(input: unknown): LayoutParseResult {
  const result = v.safeParse(TicketLayoutSchema, input);
  if (result.success) return { ok: true, layout: result.output };
  return { ok: false, issues: result.issues.map(describeIssue) };
}
