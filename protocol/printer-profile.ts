import * as v from 'valibot';

/**
 * How Vietnamese text reaches paper:
 * - `raster`: lines with Vietnamese letters are drawn with the bundled font and sent as
 *   `GS v 0` images. Works on every printer; the default.
 * - `codepage-cp1258`: Windows-1258 with tone marks as combining characters (printer must have it).
 * - `codepage-tcvn3`: TCVN-3, lowercase and capitals in two tables (genuine Epson pages 30/31).
 * - `ascii`: diacritics removed; readable, last resort.
 */
export const VIETNAMESE_MODES = ['raster', 'codepage-cp1258', 'codepage-tcvn3', 'ascii'] as const;
/** One of {@link VIETNAMESE_MODES}. */
export type VietnameseMode = (typeof VIETNAMESE_MODES)[number];

const codePageNumber = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255));

/**
 * Printer model facts, as the site config's `server.printerProfile` carries them. The printer
 * driver (`hardware/printer/printer-profile.ts`) validates them with this schema.
 */
export const PrinterProfileSchema = v.pipe(
  v.object({
    /** Paper width in millimetres. Defaults to 80. */
    paperWidthMm: v.optional(v.picklist([58, 80]), 80),
    /** Printable dots per line: 576 on 80 mm, 384 on 58 mm (203 dpi heads). Defaults to 576. */
    dotsPerLine: v.optional(v.picklist([384, 576]), 576),
    /** Defaults to `raster`. */
    vietnameseMode: v.optional(v.picklist(VIETNAMESE_MODES), 'raster'),
    /**
     * `ESC t` numbers; they vary by vendor and model. Defaults are genuine Epson:
     * CP1258 = 52, TCVN-3 lowercase = 30, TCVN-3 capitals = 31.
     */
    codePages: v.optional(
      v.object({
        cp1258: v.optional(codePageNumber, 52),
        tcvn3: v.optional(codePageNumber, 30),
        tcvn3Capitals: v.optional(codePageNumber, 31),
      }),
      {},
    ),
    /**
     * Draw raster text at half width and print it double width (`GS v 0` m = 1): half the bytes.
     * Set false for a printer that ignores m. Defaults to true.
     */
    rasterHalfWidth: v.optional(v.boolean(), true),
    /** Serial speed. Defaults to 9600 (the usual factory setting). */
    baudRate: v.optional(v.picklist([9600, 19200, 38400, 57600, 115200]), 9600),
    /** Whether `GS V` cuts; without a cutter the ticket is fed past the tear bar. Defaults to true. */
    cutter: v.optional(v.boolean(), true),
    /** QR module size in dots (1–16). Defaults to 6. */
    qrModuleSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(16)), 6),
  }),
  v.check((p) => (p.paperWidthMm === 80) === (p.dotsPerLine === 576), '80 mm paper has 576 dots, 58 mm has 384'),
);

/** A validated printer profile (defaults applied). */
export type PrinterProfile = v.InferOutput<typeof PrinterProfileSchema>;
/** What config may contain: every field is optional. */
export type PrinterProfileInput = v.InferInput<typeof PrinterProfileSchema>;
