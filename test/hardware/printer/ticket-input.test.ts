import { describe, expect, it } from 'vitest';
import vi from '../../../locales/vi/ticket.json' with { type: 'json' };
import en from '../../../locales/en/ticket.json' with { type: 'json' };
import { parseTicketLayout } from '../../../hardware/printer/ticket-layout.ts';
import { parsePrinterProfile } from '../../../hardware/printer/printer-profile.ts';
import { sampleTicketLayout } from '../../../hardware/printer/sample-ticket.ts';

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('ticket layout and printer profile at the boundary', () => {
  it('accepts the sample ticket and fills defaults', () => {
    const layout = sampleTicketLayout({ dossier: undefined, footer: undefined });
    expect(layout.dossier).toEqual([]);
    expect(layout.test).toBe(false);
    expect(layout.timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('rejects a ticket number the printer font could not print large', () => {
    const result = parseTicketLayout({ ...sampleTicketLayout(), number: 'Số 12' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.join()).toMatch(/^number:/);
  });

  it('rejects a QR URL with non-ASCII characters', () => {
    expect(parseTicketLayout({ ...sampleTicketLayout(), qrUrl: 'http://x.vn/đ' }).ok).toBe(false);
  });

  it('defaults the profile to 80 mm raster with Epson code page numbers', () => {
    const parsed = parsePrinterProfile({});
    expect(parsed.ok && parsed.profile).toMatchObject({
      paperWidthMm: 80,
      dotsPerLine: 576,
      vietnameseMode: 'raster',
      codePages: { cp1258: 52, tcvn3: 30, tcvn3Capitals: 31 },
    });
  });

  it('rejects a profile whose width and dots disagree', () => {
    expect(parsePrinterProfile({ paperWidthMm: 58, dotsPerLine: 576 }).ok).toBe(false);
  });

  it('has the same keys and placeholders in vi and en ticket words', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) expect(placeholders(en[key])).toEqual(placeholders(vi[key]));
  });
});
