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
    // Reset, leave Chinese mode, select the ASCII page: whatever the last job left behind.
    expect(hex(bytes.subarray(0, 7))).toBe('1b401c2e1b7400');
    expect(hex(decodeFor('codepage-tcvn3').bytes.subarray(0, 7))).toBe('1b401c2e1b741e');
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
      expect(band.widthBytes * 8).toBeLessThanOrEqual(576);
      // Full resolution: half-width images printed double width gave uneven strokes.
      expect(band.scale).toBe(0);
    }
    expect(documentText(doc)).toContain('15/03/2025 08:42');
    expect(documentText(doc)).toContain('1023');
    expect(documentText(doc).join('\n')).not.toMatch(/[^\x20-\x7e\n]/);
    expect(doc.codePages).toEqual([0]);
    // Line spacing goes as paper feed, not as blank image rows.
    expect(ofKind(doc.items, 'feed-dots').length).toBeGreaterThanOrEqual(rasters.length / 2);
  });

  it('raster mode stays within 8 KB for a kiosk ticket with six papers, on 80 and 58 mm', () => {
    expect(layout.dossier[0]?.papers).toHaveLength(6);
    expect(decodeFor('raster').bytes.length).toBeLessThanOrEqual(8 * 1024);
    expect(decodeFor('raster', 58).bytes.length).toBeLessThanOrEqual(8 * 1024);
  });

  it('draws the QR code as an image for a printer without native QR', () => {
    const profile = printerProfile({ nativeQr: false });
    const doc = decodeEscPos(encodeTicket(layout, profile));
    expect(ofKind(doc.items, 'qr')).toEqual([]);
    const qrBands = ofKind(doc.items, 'raster').filter((r) => r.align === 'center' && r.widthBytes >= 16);
    expect(qrBands.length).toBeGreaterThan(0);
    expect(doc.errors).toEqual([]);
  });

  it('CP1258 mode selects the profile code page and prints every word intact', () => {
    const { doc } = decodeFor('codepage-cp1258');
    expect(doc.errors).toEqual([]);
    expect(doc.codePages).toEqual([52]);
    const text = documentText(doc);
    // Wrapped by printed cells: a toned letter is two bytes, so the centre's name takes two lines.
    expect(text.join(' ')).toContain(layout.centreName);
    expect(text).toContain('Giấy tờ cần chuẩn bị:');
    expect(text).toContain('- Giấy tờ tùy thân có ảnh (xuất trình)');
    expect(text.join(' ')).toContain('Thời gian chờ dự kiến: khoảng 20–30 phút');
    expect(text.join(' ')).toContain('Công dân vui lòng chờ đến lượt: số thứ tự sẽ được gọi trên màn hình và loa.');
  });

  it('TCVN-3 mode switches between the lowercase and capitals tables and prints every word intact', () => {
    const { doc } = decodeFor('codepage-tcvn3');
    expect(doc.errors).toEqual([]);
    expect(new Set(doc.codePages)).toEqual(new Set([30, 31]));
    expect(documentText(doc)).toContain('SỐ THỨ TỰ');
    expect(documentText(doc)).toContain('Ưu tiên: Người cao tuổi');
    expect(documentText(doc)).toContain('Đường dây nóng: 1900 1234');
  });

  it('ASCII mode prints folded text only', () => {
    const { bytes, doc } = decodeFor('ascii');
    expect(documentText(doc)).toContain('- To khai dang ky khai sinh');
    expect(bytes.some((b) => b >= 0x80)).toBe(false);
  });

  it('prints English words when the layout asks for English', () => {
    const profile = printerProfile({ vietnameseMode: 'ascii' });
    const doc = decodeEscPos(encodeTicket(sampleTicketLayout({ language: 'en' }), profile));
    expect(documentText(doc)).toContain('Estimated wait: about 20-30 min');
    expect(documentText(doc)).toContain('Hotline: 1900 1234');
  });

  it('is deterministic', () => {
    const profile = printerProfile();
    expect(encodeTicket(layout, profile)).toEqual(encodeTicket(layout, profile));
  });
});
