import * as v from 'valibot';

/**
 * A printer's model facts: paper, head width, how it prints Vietnamese, its code page numbers,
 * native QR and cutter. Part of each printer's settings (`printers.ts`); the driver
 * (`hardware/printer/printer-profile.ts`) parses them with this schema.
 */

/**
 * How Vietnamese text reaches paper:
 * - `raster`: lines with Vietnamese letters are drawn with the bundled font and sent as
 *   `GS v 0` images; digits, the number and the QR code stay native. Works on every printer.
 * - `codepage-cp1258`: Windows-1258 with tone marks as combining characters (printer must have it).
 * - `codepage-tcvn3`: TCVN-3, lowercase and capitals in two tables.
 * - `ascii`: diacritics removed; readable, last resort.
 */
export const VIETNAMESE_MODES = ['raster', 'codepage-cp1258', 'codepage-tcvn3', 'ascii'] as const;
/** One of {@link VIETNAMESE_MODES}. */
export type VietnameseMode = (typeof VIETNAMESE_MODES)[number];

const codePageNumber = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255));

/** Printer model facts. Every field has a default; a preset (`hardware/printer/printer-models.ts`) fills them for a known model. */
export const PrinterProfileSchema = v.pipe(
  v.object({
    /** The preset the profile came from (`epson-tm-t20iii`, `generic-80`…); informational. Defaults to `generic-80`. */
    model: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)), 'generic-80'),
    /** Paper width in millimetres. Defaults to 80. */
    paperWidthMm: v.optional(v.picklist([58, 80]), 80),
    /** Printable dots per line: 576 on 80 mm at 203 dpi, 512 on 80 mm at 180 dpi, 384 on 58 mm. Defaults to 576. */
    dotsPerLine: v.optional(v.picklist([384, 512, 576]), 576),
    /** Defaults to `raster`. */
    vietnameseMode: v.optional(v.picklist(VIETNAMESE_MODES), 'raster'),
    /**
     * `ESC t` numbers; they vary by vendor and model (see docs/printers.md). Defaults are
     * genuine Epson: CP1258 = 52, TCVN-3 lowercase = 30, TCVN-3 capitals = 31.
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
     * Whether a CP1258 tone mark (a combining byte) takes a cell of its own. Most thermal
     * printers draw it beside its letter, so lines are wrapped as if it did. Defaults to true.
     */
    cp1258MarkTakesCell: v.optional(v.boolean(), true),
    /** Whether the printer draws QR codes itself (`GS ( k`); else they are sent as images. Defaults to true. */
    nativeQr: v.optional(v.boolean(), true),
    /** Whether `GS V` cuts; without a cutter the ticket is fed past the tear bar. Defaults to true. */
    cutter: v.optional(v.boolean(), true),
    /** QR module size in dots (1–16). Defaults to 6. */
    qrModuleSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(16)), 6),
  }),
  v.check((p) => (p.paperWidthMm === 58) === (p.dotsPerLine === 384), '58 mm paper has 384 dots; 80 mm has 512 or 576'),
);

/** A validated printer profile (defaults applied). */
export type PrinterProfile = v.InferOutput<typeof PrinterProfileSchema>;
/** What config may contain: every field is optional. */
export type PrinterProfileInput = v.InferInput<typeof PrinterProfileSchema>;
