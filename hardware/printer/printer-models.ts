import type { PrinterProfile } from './printer-profile.ts';
import { printerProfile } from './printer-profile.ts';

/**
 * A known printer model: its profile, and which Vietnamese code pages are known to work on it.
 * Where a page is not known the default mode (raster) is the one to use.
 */
export interface PrinterModel {
  id: string;
  name: string;
  profile: PrinterProfile;
  known: { cp1258: boolean; tcvn3: boolean };
}

interface ModelFacts {
  id: string;
  name: string;
  paperWidthMm: 58 | 80;
  dotsPerLine: 384 | 512 | 576;
  /** `ESC t` numbers; omitted where no vendor table names them. */
  cp1258?: number;
  tcvn3?: [lower: number, capitals: number];
  nativeQr: boolean;
}

/**
 * Facts per model. The code page numbers, head widths and QR support come from the per-model
 * tables of @point-of-sale/receipt-printer-encoder (MIT, data/printers and data/mappings, read
 * as a reference; StarPRNT/StarLine models are left out since they do not speak ESC/POS) and
 * the vendors' manuals: 180 dpi heads (Epson TM-T88, Bixolon) have 512 dots on 80 mm paper.
 */
const FACTS: readonly ModelFacts[] = [
  { id: 'generic-80', name: 'Máy in nhiệt 80 mm (chung)', paperWidthMm: 80, dotsPerLine: 576, nativeQr: true },
  { id: 'generic-58', name: 'Máy in nhiệt 58 mm (chung)', paperWidthMm: 58, dotsPerLine: 384, nativeQr: true },
  { id: 'epson-tm-t20iii', name: 'Epson TM-T20III', paperWidthMm: 80, dotsPerLine: 576, cp1258: 52, tcvn3: [30, 31], nativeQr: true },
  { id: 'epson-tm-t88v', name: 'Epson TM-T88V', paperWidthMm: 80, dotsPerLine: 512, cp1258: 52, tcvn3: [30, 31], nativeQr: true },
  { id: 'epson-tm-t88vi', name: 'Epson TM-T88VI', paperWidthMm: 80, dotsPerLine: 512, cp1258: 52, tcvn3: [30, 31], nativeQr: true },
  { id: 'epson-tm-t88vii', name: 'Epson TM-T88VII', paperWidthMm: 80, dotsPerLine: 512, cp1258: 52, tcvn3: [30, 31], nativeQr: true },
  { id: 'epson-tm-t70ii', name: 'Epson TM-T70II', paperWidthMm: 80, dotsPerLine: 512, cp1258: 52, tcvn3: [30, 31], nativeQr: true },
  { id: 'epson-tm-p20ii', name: 'Epson TM-P20II (58 mm)', paperWidthMm: 58, dotsPerLine: 384, cp1258: 52, tcvn3: [30, 31], nativeQr: true },
  { id: 'citizen-ct-s310ii', name: 'Citizen CT-S310II', paperWidthMm: 80, dotsPerLine: 576, cp1258: 32, tcvn3: [30, 31], nativeQr: true },
  { id: 'bixolon-srp-350iii', name: 'Bixolon SRP-350III', paperWidthMm: 80, dotsPerLine: 512, cp1258: 41, tcvn3: [49, 50], nativeQr: true },
  { id: 'bixolon-srp-350', name: 'Bixolon SRP-350', paperWidthMm: 80, dotsPerLine: 512, nativeQr: false },
  { id: 'xprinter-xp-n160ii', name: 'Xprinter XP-N160II', paperWidthMm: 80, dotsPerLine: 576, nativeQr: true },
  { id: 'xprinter-xp-t80q', name: 'Xprinter XP-T80Q', paperWidthMm: 80, dotsPerLine: 576, nativeQr: true },
  { id: 'pos-8360', name: 'POS-8360 (máy 80 mm phổ thông)', paperWidthMm: 80, dotsPerLine: 576, cp1258: 27, nativeQr: true },
  { id: 'pos-5890', name: 'POS-5890 (máy 58 mm phổ thông)', paperWidthMm: 58, dotsPerLine: 384, cp1258: 27, nativeQr: true },
  { id: 'youku-58t', name: 'Youku 58T', paperWidthMm: 58, dotsPerLine: 384, cp1258: 35, nativeQr: true },
  { id: 'metapace-t1', name: 'Metapace T-1', paperWidthMm: 80, dotsPerLine: 512, nativeQr: false },
];

/** Every preset, generic ones first. */
export const PRINTER_MODELS: readonly PrinterModel[] = FACTS.map((f) => ({
  id: f.id,
  name: f.name,
  known: { cp1258: f.cp1258 !== undefined, tcvn3: f.tcvn3 !== undefined },
  profile: printerProfile({
    model: f.id,
    paperWidthMm: f.paperWidthMm,
    dotsPerLine: f.dotsPerLine,
    nativeQr: f.nativeQr,
    codePages: {
      ...(f.cp1258 !== undefined && { cp1258: f.cp1258 }),
      ...(f.tcvn3 && { tcvn3: f.tcvn3[0], tcvn3Capitals: f.tcvn3[1] }),
    },
  }),
}));

/** A preset by id. */
export function printerModel(id: string): PrinterModel | undefined {
  return PRINTER_MODELS.find((m) => m.id === id);
}
