import * as v from 'valibot';
import { dossierCodeMaxLength, dossierCodePattern } from './dossier.ts';

/** Payload schemas of every command; the server parses each payload before it reaches the core. */
const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,31}$/));
const CounterId = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(99));
const TicketId = v.pipe(v.string(), v.regex(/^[a-z0-9]{4,32}$/));
const ShortText = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(120));

export const IssueTicketPayload = v.strictObject({
  serviceId: Id,
  procedureCode: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[0-9A-Za-z.\-_]{1,40}$/)))),
  priorityGroup: v.optional(v.nullable(Id)),
});

/** The signed reference from the ticket's QR code: `<ticketId>.<signature>`. */
export const TicketRef = v.pipe(v.string(), v.regex(/^[a-z0-9]{4,32}\.[A-Za-z0-9_-]{8,64}$/));
export const FollowPayload = v.strictObject({ ref: TicketRef });

export const CounterPayload = v.strictObject({ counterId: CounterId });
/**
 * The console a clerk works at: random, kept by the browser tab across reloads, so a console
 * that reconnects is known again and a second console is asked before it takes the counter over.
 */
export const ConsoleId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/));
/** Without a `consoleId` the connection is a console of its own: after a reconnect it is another console. */
export const CounterJoinPayload = v.strictObject({ counterId: CounterId, consoleId: v.optional(ConsoleId) });
/** A dossier code (mã hồ sơ) as printed on the receipt (see `dossier.ts`). */
export const DossierCode = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(dossierCodeMaxLength), v.regex(dossierCodePattern));
/** Finish (or Next, which finishes whoever is at the counter), optionally with the dossier code. */
export const FinishPayload = v.strictObject({ counterId: CounterId, dossierCode: v.optional(DossierCode) });
export const TransferPayload = v.strictObject({
  counterId: CounterId,
  toServiceId: v.optional(Id),
  toCounterId: v.optional(CounterId),
});
export const CounterTicketPayload = v.strictObject({ counterId: CounterId, ticketId: TicketId });
export const PausePayload = v.strictObject({ counterId: CounterId, reason: ShortText });
export const CancelPayload = v.strictObject({ ticketId: TicketId, reason: v.optional(v.nullable(ShortText)) });
export const RatePayload = v.strictObject({
  ticketId: TicketId,
  level: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
  reason: v.optional(v.nullable(ShortText)),
});
export const DisplaySubscribePayload = v.optional(
  v.strictObject({
    services: v.optional(v.pipe(v.array(Id), v.maxLength(50))),
    counters: v.optional(v.pipe(v.array(CounterId), v.maxLength(99))),
  }),
);

export const LoginPayload = v.strictObject({
  username: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64)),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(256)),
});
export const NewUserPayload = v.strictObject({
  username: v.pipe(v.string(), v.trim(), v.regex(/^[a-z0-9._-]{3,32}$/)),
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80)),
  password: v.pipe(v.string(), v.minLength(8), v.maxLength(256)),
  role: v.picklist(['clerk', 'admin']),
  /** Counters the clerk may sign in to; empty means any. */
  counters: v.optional(v.array(CounterId), []),
});
export const SetupPayload = v.strictObject({
  token: v.pipe(v.string(), v.minLength(16), v.maxLength(128)),
  username: NewUserPayload.entries.username,
  name: NewUserPayload.entries.name,
  password: NewUserPayload.entries.password,
});
export const DeviceKind = v.picklist(['kiosk', 'display', 'counter', 'rating']);
export const PairingCodePayload = v.strictObject({
  kind: DeviceKind,
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80)),
  /** The counter a rating tablet or counter console belongs to. */
  counterId: v.optional(CounterId),
  /** The printer a kiosk prints on; absent: the first printer. */
  printerId: v.optional(Id),
});
/** A reprint: the day's ticket by its id or by its number as printed, on a printer (default: where it last printed). */
export const ReprintPayload = v.pipe(
  v.strictObject({
    ticketId: v.optional(TicketId),
    label: v.optional(v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[A-Z0-9]{1,8}$/))),
    printerId: v.optional(Id),
  }),
  v.check((r) => (r.ticketId === undefined) !== (r.label === undefined), 'give the ticket id or its number'),
);
/** The printer a kiosk prints on; null: the first printer. */
export const KioskPrinterPayload = v.strictObject({ printerId: v.nullable(Id) });
export const PairPayload = v.strictObject({ code: v.pipe(v.string(), v.regex(/^\d{8}$/)) });
/** A token an older build kept in the browser's storage, handed over once to become the app's cookie. */
export const AdoptTokenPayload = v.strictObject({ token: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) });
/** The one-time claim a device's cookie connection was sent for its new token (`device:token-claim`). */
export const TokenClaimPayload = v.strictObject({ claim: v.pipe(v.string(), v.minLength(1), v.maxLength(100)) });
export const RenameDevicePayload = v.strictObject({ name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80)) });
export const PasswordPayload = v.strictObject({ password: NewUserPayload.entries.password });
export const UserStatePayload = v.strictObject({ disabled: v.boolean() });

export type IssueTicketInput = v.InferInput<typeof IssueTicketPayload>;
export type TransferInput = v.InferInput<typeof TransferPayload>;
export type DeviceKindName = v.InferOutput<typeof DeviceKind>;
export type NewUserInput = v.InferInput<typeof NewUserPayload>;
