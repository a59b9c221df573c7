/**
 * Real devices for the hardware suites, in the style of serialport's `TEST_PORT`: when an
 * environment variable names a device, the printer and call-button suites drive it instead of
 * playing the device on a socat pseudo-terminal. Tests that must stage something only a test
 * peer can (paper running out on cue, garbage on the line, an unplug) stay on the pty and are
 * skipped. The variables are documented in docs/testing.md.
 */
import { parsePrinterProfile, type PrinterProfile } from '../../hardware/printer/index.ts';

/** The ticket printer named by `MOTCUA_TEST_PRINTER`, with its profile, or null for the pty. */
export const realPrinter: { path: string; profile: PrinterProfile } | null = readPrinter();

/** The call-button line named by `MOTCUA_TEST_BUTTONS`, or null for the pty. */
export const realButtons: { path: string; baudRate: number } | null = readButtons();

/** How long a person at the device has to do what a test asks. */
export const PERSON_TIMEOUT_MS = 120_000;

function readPrinter(): { path: string; profile: PrinterProfile } | null {
  const path = process.env.MOTCUA_TEST_PRINTER;
  if (!path) return null;
  // The profile says how this model speaks (baud rate, Vietnamese mode, code pages), as the
  // site config's `server.printerProfile` does. A wrong one stops the run instead of testing
  // a printer with settings it does not have.
  const raw = process.env.MOTCUA_TEST_PRINTER_PROFILE;
  const parsed = parsePrinterProfile(raw ? (JSON.parse(raw) as unknown) : {});
  if (!parsed.ok) throw new Error(`MOTCUA_TEST_PRINTER_PROFILE: ${parsed.issues.join('; ')}`);
  return { path, profile: parsed.profile };
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
