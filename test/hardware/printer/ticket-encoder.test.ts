import { describe, expect, it } from 'vitest';
import { encodeTicket, RASTER_BAND_ROWS } from '../../../hardware/printer/ticket-encoder.ts';
import { charsetsFor, decodeEscPos, documentText, type PrintedItem } from '../../../hardware/printer/escpos-decoder.ts';
import { printerProfile, type VietnameseMode } from '../../../hardware/printer/printer-profile.ts';
import { sampleTicketLayout } from '../../../hardware/printer/sample-ticket.ts';

const layout = sampleTicketLayout();
const decodeFor = (mode: VietnameseMode, paperWidthMm: 58 | 80 = 80) => {
  const profile = printerProfile({ vietnameseMode: mode, paperWidthMm, dotsPerLine: paperWidthMm === 80 ? 576 : 384 });
  const bytes = encodeTicket(layout, profile);
  return { bytes, doc: decodeEscPos(bytes, charsetsFor(profile)), profile };
};
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const ofKind = <K extends PrintedItem['kind']>(items: PrintedItem[], kind: K) =>
  items.filter((i): i is Extract<PrintedItem, { kind: K }> => i.kind === kind);

describe('ticket encoder', () => {
  it('starts with ESC @ and FS . and ends with feed-and-cut', () => {
    const { bytes } = decodeFor('raster');
    expect(hex(bytes.subarray(0, 4))).toBe('1b401c2e');
    expect(hex(bytes.subarray(-4))).toBe('1d564203');
  });

  it('feeds instead of cutting when the printer has no cutter', () => {
    const bytes = encodeTicket(layout, printerProfile({ cutter: false }));
    expect(hex(bytes.subarray(-3))).toBe('1b6404');
  });

  it('prints the number natively, large and centred, in every mode', () => {
    for (const mode of ['raster', 'codepage-cp1258', 'codepage-tcvn3', 'ascii'] as const) {
      const number = ofKind(decodeFor(mode).doc.items, 'text').find((t) => t.text === '1023');
      expect(number).toMatchObject({ align: 'center', bold: true, width: 6, height: 6 });
    }
  });

  it('shrinks a long number to fit 58 mm paper', () => {
    const profile = printerProfile({ paperWidthMm: 58, dotsPerLine: 384 });
    const doc = decodeEscPos(encodeTicket(sampleTicketLayout({ number: 'A12345' }), profile));
    const number = ofKind(doc.items, 'text').find((t) => t.text === 'A12345');
    // 6 characters × 12 dots × 5 = 360 dots ≤ 384
    expect(number).toMatchObject({ width: 5, height: 5 });
  });

  it('emits a native GS ( k QR code with the follow URL, model 2, error level M', () => {
    const { bytes, doc } = decodeFor('raster');
    expect(ofKind(doc.items, 'qr')).toEqual([{ kind: 'qr', payload: layout.qrUrl, moduleSize: 6, errorLevel: 'M', align: 'center' }]);
    expect(hex(bytes)).toContain('1d286b040031413200');
    expect(hex(bytes)).toContain('1d286b0300315130');
  });

  it('raster mode: Vietnamese lines become GS v 0 bands with exact lengths, ASCII lines stay text', () => {
    const { doc } = decodeFor('raster');
    expect(doc.errors).toEqual([]);
    const rasters = ofKind(doc.items, 'raster');
    expect(rasters.length).toBeGreaterThan(10);
    for (const band of rasters) {
      expect(band.data.length).toBe(band.widthBytes * band.height);
      expect(band.height).toBeLessThanOrEqual(RASTER_BAND_ROWS);
      expect(band.widthBytes * 8 * 2).toBeLessThanOrEqual(576);
      expect(band.scale).toBe(1);
    }
    expect(documentText(doc)).toContain('15/03/2025 08:42');
    expect(documentText(doc).join('\n')).not.toMatch(/[^\x20-\x7e\n]/);
    expect(doc.codePages).toEqual([]);
  });

  it('raster mode stays within 8 KB for a full 80 mm ticket', () => {
    expect(decodeFor('raster').bytes.length).toBeLessThanOrEqual(8 * 1024);
  });

  it('CP1258 mode selects the profile code page and prints every word intact', () => {
    const { doc } = decodeFor('codepage-cp1258');
    expect(doc.errors).toEqual([]);
    expect(doc.codePages).toEqual([52]);
    const text = documentText(doc);
    expect(text).toContain(layout.centreName);
    expect(text).toContain('Giấy tờ cần chuẩn bị:');
    expect(text).toContain('- Căn cước công dân của cha hoặc mẹ');
    expect(text).toContain('Thời gian chờ dự kiến: khoảng 25 phút');
  });

  it('TCVN-3 mode switches between the lowercase and capitals tables and prints every word intact', () => {
    const { doc } = decodeFor('codepage-tcvn3');
    expect(doc.errors).toEqual([]);
    expect(new Set(doc.codePages)).toEqual(new Set([30, 31]));
    expect(documentText(doc)).toContain('SỐ THỨ TỰ');
    expect(documentText(doc)).toContain('Đường dây nóng: 1900 1234');
  });

  it('ASCII mode prints folded text only', () => {
    const { bytes, doc } = decodeFor('ascii');
    expect(documentText(doc)).toContain('Dang ky khai sinh');
    expect(bytes.some((b) => b >= 0x80)).toBe(false);
  });

  it('prints English words when the layout asks for English', () => {
    const profile = printerProfile({ vietnameseMode: 'ascii' });
    const doc = decodeEscPos(encodeTicket(sampleTicketLayout({ language: 'en' }), profile));
    expect(documentText(doc)).toContain('People waiting ahead: 12');
  });

  it('is deterministic', () => {
    const profile = printerProfile();
    expect(encodeTicket(layout, profile)).toEqual(encodeTicket(layout, profile));
  });
});
