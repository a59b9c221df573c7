/**
 * The centre's ticket printers: how each is reached (transport), what it can do (profile), and
 * which kiosk prints on which. Stored in `<dataDir>/printers.json`, edited in Admin → Máy in.
 * The driver in `hardware/printer/` takes the profile; the server keeps the rest.
 */
import * as v from 'valibot';
import { PrinterProfileSchema, type PrinterProfile } from './printer-profile.ts';

export {
  PrinterProfileSchema,
  VIETNAMESE_MODES,
  type PrinterProfile,
  type PrinterProfileInput,
  type VietnameseMode,
} from './printer-profile.ts';

const PrinterId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'expected a short lowercase id'));

/** Serial line pacing; see `hardware/link/serial-link.ts`. */
export const FLOW_CONTROLS = ['none', 'rtscts', 'xonxoff'] as const;

/** How the server reaches a printer. */
export const PrinterTransportSchema = v.variant('kind', [
  v.object({
    kind: v.literal('serial'),
    /** `/dev/ttyUSB0`, `/dev/ttyS0`, or a stable `/dev/serial/by-id/…` link. */
    path: v.pipe(v.string(), v.regex(/^\/[\x21-\x7e]{1,200}$/, 'expected an absolute device path')),
    /** Defaults to 9600 (the usual factory setting). */
    baudRate: v.optional(v.picklist([9600, 19200, 38400, 57600, 115200]), 9600),
    /** Defaults to `none`. */
    flowControl: v.optional(v.picklist(FLOW_CONTROLS), 'none'),
  }),
  v.object({
    kind: v.literal('usb'),
    /** The printer-class device, `/dev/usb/lp0`. */
    path: v.pipe(v.string(), v.regex(/^\/[\x21-\x7e]{1,200}$/, 'expected an absolute device path')),
  }),
  v.object({
    kind: v.literal('network'),
    /** IP address or host name of the printer. */
    host: v.pipe(v.string(), v.regex(/^[A-Za-z0-9.:-]{1,253}$/, 'expected an IP address or host name')),
    /** Defaults to 9100 (raw printing). */
    port: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65535)), 9100),
  }),
  /** No paper: tickets become previews in the admin app (demo, or a centre waiting for its printer). */
  v.object({ kind: v.literal('virtual') }),
]);
export type PrinterTransport = v.InferOutput<typeof PrinterTransportSchema>;

export const PrinterConfigSchema = v.object({
  id: PrinterId,
  /** What staff call it: "Máy in ki-ốt sảnh A". */
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80)),
  transport: PrinterTransportSchema,
  profile: v.optional(PrinterProfileSchema, {}),
});
export type PrinterConfig = v.InferOutput<typeof PrinterConfigSchema>;
export type PrinterConfigInput = v.InferInput<typeof PrinterConfigSchema>;

/** The whole printers file. A kiosk not in `kiosks` prints on the first printer. */
export const PrintersSettingsSchema = v.pipe(
  v.object({
    version: v.literal(1),
    printers: v.pipe(v.array(PrinterConfigSchema), v.maxLength(64)),
    /** Kiosk device id → printer id. */
    kiosks: v.optional(v.record(v.pipe(v.string(), v.maxLength(64)), PrinterId), {}),
  }),
  v.check((s) => new Set(s.printers.map((p) => p.id)).size === s.printers.length, 'printer ids must be unique'),
  v.check((s) => Object.values(s.kiosks).every((id) => s.printers.some((p) => p.id === id)), 'a kiosk names a printer that does not exist'),
);
export type PrintersSettings = v.InferOutput<typeof PrintersSettingsSchema>;
export type PrintersSettingsInput = v.InferInput<typeof PrintersSettingsSchema>;

/** The state of a printer as kiosks and the admin see it. `unknown`: it prints but never answers status. */
export type PrinterState =
  | 'ready'
  | 'unknown'
  | 'paper_near_end'
  | 'paper_out'
  | 'cover_open'
  | 'offline'
  | 'no_reply'
  | 'virtual'
  | 'no_printer';

/** Printer states in which a ticket is sent to paper. */
export const PRINTABLE_STATES: ReadonlySet<PrinterState> = new Set(['ready', 'unknown', 'paper_near_end', 'virtual']);

/**
 * What became of a ticket's paper. `printing`: sent, outcome to follow (`ticket:print-finished`).
 * `printed` with `confirmed: false`: sent to a printer that cannot say whether it printed.
 */
export type PrintOutcome =
  | { kind: 'printing'; printerId: string }
  | { kind: 'printed'; printerId: string; confirmed: boolean; at: number }
  | { kind: 'not_printed'; printerId: string | null; reason: PrintFailureReason };

/** Why a ticket did not print; each is an i18next key `errors:print.<reason>`. */
export type PrintFailureReason = 'paper_out' | 'cover_open' | 'offline' | 'no_reply' | 'interrupted' | 'no_printer' | 'closed' | 'failed';

/** One print of a ticket, as the admin's printer page lists it (newest first). */
export interface PrintJobView {
  ticketId: string;
  label: string;
  /** Epoch ms the job was sent. */
  at: number;
  outcome: PrintOutcome;
  /** A reprint asked for by staff (not the kiosk's own print). */
  reprint: boolean;
  /** The virtual printer keeps a PNG of what it printed. */
  hasPreview: boolean;
  bytes: number | null;
}

/** A printer in the admin's list. */
export interface PrinterView {
  config: PrinterConfig;
  state: PrinterState;
  /** Device ids of the kiosks that print here (explicitly, or by default on the first printer). */
  kiosks: string[];
  jobs: PrintJobView[];
}

/** A printer model preset, as the admin app offers it. */
export interface PrinterModelView {
  id: string;
  name: string;
  profile: PrinterProfile;
  /** Code pages taken from a vendor table (false: unknown, raster is the safe mode). */
  codePagesKnown: boolean;
}

/** What `GET /api/printers` answers. */
export interface PrintersView {
  printers: PrinterView[];
  models: PrinterModelView[];
  kiosks: Array<{ id: string; name: string; printerId: string | null }>;
}
