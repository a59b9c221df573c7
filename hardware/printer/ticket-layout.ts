import { describeIssue } from '../../protocol/schema-issues.ts';
import * as v from 'valibot';

/**
 * What goes on a paper ticket, independent of any printer. The server builds one per issued
 * ticket; the encoder turns it into bytes for a {@link PrinterProfile}.
 * Validated with {@link parseTicketLayout} where it enters the printer boundary.
 */
export const TicketLayoutSchema = v.object({
  /** Language of the fixed words ("Số thứ tự", …). Defaults to `vi`. */
  language: v.optional(v.picklist(['vi', 'en']), 'vi'),
  /** Centre name printed at the top, e.g. "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh". */
  centreName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(120)),
  /**
   * The ticket number, printed very large with the printer's own font: letters and digits only
   * so that it never needs the Vietnamese path (e.g. "1023", "B015").
   */
  number: v.pipe(v.string(), v.regex(/^[A-Z0-9]{1,6}$/, 'ticket number must be 1–6 of A–Z, 0–9')),
  /** Service (queue) name, e.g. "Đăng ký khai sinh". */
  serviceName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(120)),
  /** Counters that serve this ticket, as shown to citizens ("3", "12A"). */
  counters: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(8))), v.maxLength(12)),
  /** Tickets ahead of this one in its service when it was issued. */
  peopleAhead: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Honest estimate in whole minutes; `null` when the centre has too little history to say. */
  estimatedWaitMinutes: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** When the ticket was issued, UTC epoch milliseconds. */
  issuedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** IANA zone used to print the date and time. Defaults to `Asia/Ho_Chi_Minh`. */
  timeZone: v.optional(v.pipe(v.string(), v.minLength(1)), 'Asia/Ho_Chi_Minh'),
  /** URL of the follow page, encoded in the QR code (ASCII only, as scanners expect). */
  qrUrl: v.pipe(v.string(), v.url(), v.regex(/^[\x21-\x7e]{1,300}$/, 'QR URL must be printable ASCII')),
  /** Papers the citizen should have ready at the counter. Defaults to none. */
  papers: v.optional(v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(160))), v.maxLength(10)), []),
  /** Last line, e.g. "Đường dây nóng: 1900 1234". Defaults to none. */
  footer: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120))),
});

/** A validated ticket layout (defaults applied). */
export type TicketLayout = v.InferOutput<typeof TicketLayoutSchema>;

/** What a caller may pass: defaulted fields may be left out. */
export type TicketLayoutInput = v.InferInput<typeof TicketLayoutSchema>;

/** Outcome of {@link parseTicketLayout}: the layout, or readable issues ("path: message"). */
export type LayoutParseResult = { ok: true; layout: TicketLayout } | { ok: false; issues: string[] };

/** Validate untrusted input (socket payload, test fixture) into a {@link TicketLayout}. */
export function parseTicketLayout(input: unknown): LayoutParseResult {
  const result = v.safeParse(TicketLayoutSchema, input);
  if (result.success) return { ok: true, layout: result.output };
  return { ok: false, issues: result.issues.map(describeIssue) };
}
