/**
 * Real devices for the hardware suites, in the style of serialport's `TEST_PORT`: when an
 * environment variable names a device, the printer and call-button suites drive it instead of
 * playing the device on a socat pseudo-terminal. Tests that must stage something only a test
 * peer can (paper running out on cue, garbage on the line, an unplug) stay on the pty and are
 * skipped. The variables are documented in docs/testing.md.
 */
import type { LinkOpener } from '../../hardware/link/device-link.ts';
import { parsePrinterProfile, type PrinterProfile } from '../../hardware/printer/index.ts';
import { linkFor } from '../../server/printing/printer-drivers.ts';
import { transportFromAddress } from '../../server/printing/printers-store.ts';

/** A real ticket printer: how to reach it, and its profile. */
export interface RealPrinter {
  /** The address as given: a serial path, a USB printer-class device or `tcp://host:port`. */
  target: string;
  link: LinkOpener;
  profile: PrinterProfile;
}

/** The ticket printer named by `MOTCUA_TEST_PRINTER`, with its profile, or null for the pty. */
export const realPrinter: RealPrinter | null = readPrinter();

/** The call-button line named by `MOTCUA_TEST_BUTTONS`, or null for the pty. */
export const realButtons: { path: string; baudRate: number } | null = readButtons();

/** How long a person at the device has to do what a test asks. */
export const PERSON_TIMEOUT_MS = 120_000;

function readPrinter(): RealPrinter | null {
  const target = process.env.MOTCUA_TEST_PRINTER;
  if (!target) return null;
  // The profile says how this model prints (Vietnamese mode, code pages, paper), as a printer's
  // profile in printers.json does. A wrong one stops the run instead of testing a printer with
  // settings it does not have.
  const raw = process.env.MOTCUA_TEST_PRINTER_PROFILE;
  const parsed = parsePrinterProfile(raw ? (JSON.parse(raw) as unknown) : {});
  if (!parsed.ok) throw new Error(`MOTCUA_TEST_PRINTER_PROFILE: ${parsed.issues.join('; ')}`);
  const transport = transportFromAddress(target);
  const baud = process.env.MOTCUA_TEST_PRINTER_BAUD;
  if (transport.kind === 'serial' && baud) transport.baudRate = Number(baud) as typeof transport.baudRate;
  return { target, link: linkFor(transport), profile: parsed.profile };
}

function readButtons(): { path: string; baudRate: number } | null {
  const path = process.env.MOTCUA_TEST_BUTTONS;
  if (!path) return null;
  const raw = process.env.MOTCUA_TEST_BUTTONS_BAUD;
  const baudRate = raw ? Number(raw) : 9600;
  if (!Number.isInteger(baudRate) || baudRate < 1200) throw new Error(`MOTCUA_TEST_BUTTONS_BAUD: not a baud rate: ${raw}`);
  return { path, baudRate };
}

/** Tells the person at a real device what to do (or look at) now. */
export function askPerson(what: string): void {
  process.stdout.write(`\n>>> ${what}\n`);
}
