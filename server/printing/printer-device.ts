import {
  createSerialPrinter,
  createVirtualPrinter,
  parsePrinterProfile,
  type PrinterProfile,
  type TicketPrinter as DevicePrinter,
} from '../../hardware/printer/index.ts';
import { ConfigFileError } from '../store/site-store.ts';
import { logger } from '../log.ts';

const printerLog = logger('printer');

/**
 * The printer profile from the site config's `server.printerProfile` (absent means every
 * default: 80 mm, raster). A wrong profile stops the start-up: printing garbled tickets all day
 * because of a typo in a code page number is worse than a server that says what to fix.
 */
export function sitePrinterProfile(siteFile: string, input: unknown): PrinterProfile {
  const parsed = parsePrinterProfile(input ?? {});
  if (!parsed.ok)
    throw new ConfigFileError(
      siteFile,
      parsed.issues.map((issue) => `server.printerProfile: ${issue}`),
    );
  return parsed.profile;
}

/** The ticket printer device the server drives, and whether it is the virtual one. */
export interface ChosenPrinter {
  device: DevicePrinter;
  isVirtual: boolean;
}

/**
 * The serial printer when a path is configured, else the virtual printer. Both use the same
 * profile, so the admin's previews show the paper the centre's printer would give.
 */
export function choosePrinter(printerPath: string | null, profile: PrinterProfile): ChosenPrinter {
  if (printerPath) return { device: createSerialPrinter({ log: printerLog, path: printerPath, profile }), isVirtual: false };
  return { device: createVirtualPrinter({ log: printerLog, keep: 50, profile }), isVirtual: true };
}
