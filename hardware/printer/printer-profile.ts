import * as v from 'valibot';
import { PrinterProfileSchema, type PrinterProfile, type PrinterProfileInput } from '../../protocol/printer-profile.ts';
import { describeIssue } from '../../protocol/schema-issues.ts';

// The profile's schema is part of each printer's settings (printers.json), so it lives in protocol/; the printer code
// knows it under its own module.
export { PrinterProfileSchema, VIETNAMESE_MODES } from '../../protocol/printer-profile.ts';
export type { PrinterProfile, PrinterProfileInput, VietnameseMode } from '../../protocol/printer-profile.ts';

/** Outcome of {@link parsePrinterProfile}. */
export type ProfileParseResult = { ok: true; profile: PrinterProfile } | { ok: false; issues: string[] };

/** Validate a profile from configuration. */
export function parsePrinterProfile(input: unknown): ProfileParseResult {
  const result = v.safeParse(PrinterProfileSchema, input);
  if (result.success) return { ok: true, profile: result.output };
  return { ok: false, issues: result.issues.map(describeIssue) };
}

/** A profile with every default (80 mm, raster), or with a few fields changed; throws on bad input. */
export function printerProfile(input: PrinterProfileInput = {}): PrinterProfile {
  const parsed = parsePrinterProfile(input);
  if (!parsed.ok) throw new Error(`invalid printer profile: ${parsed.issues.join('; ')}`);
  return parsed.profile;
}
