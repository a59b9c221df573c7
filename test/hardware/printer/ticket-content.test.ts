import { describe, expect, it } from 'vitest';
import { charsetsFor, decodeEscPos, documentText, type PrintedItem } from '../../../hardware/printer/escpos-decoder.ts';
import { printerProfile, VIETNAMESE_MODES, type VietnameseMode } from '../../../hardware/printer/printer-profile.ts';
import { sampleTicketLayout } from '../../../hardware/printer/sample-ticket.ts';
import { counterList } from '../../../hardware/printer/ticket-blocks.ts';
import { encodeTicket } from '../../../hardware/printer/ticket-encoder.ts';
import type { TicketLayoutInput } from '../../../hardware/printer/ticket-layout.ts';

const print = (mode: VietnameseMode, overrides: Partial<TicketLayoutInput> = {}, paperWidthMm: 58 | 80 = 80) => {
  const profile = printerProfile({ vietnameseMode: mode, paperWidthMm, dotsPerLine: paperWidthMm === 80 ? 576 : 384 });
  const doc = decodeEscPos(encodeTicket(sampleTicketLayout(overrides), profile), charsetsFor(profile));
  return { doc, profile, text: documentText(doc) };
};
const textItems = (items: PrintedItem[]) => items.filter((i): i is Extract<PrintedItem, { kind: 'text' }> => i.kind === 'text');

const longPaper =
  'Văn bản của cơ quan, tổ chức có thẩm quyền xác nhận việc sinh, trường hợp trẻ em bị bỏ rơi, trẻ em chưa xác định được cha, mẹ, trẻ em sinh ra do mang thai hộ hoặc các trường hợp đặc biệt khác theo quy định';
const marriageStatus: TicketLayoutInput['dossier'] = [
  {
    papers: [
      { name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1 },
      { name: 'Giấy tờ tùy thân có ảnh (thẻ Căn cước, Căn cước công dân hoặc hộ chiếu)', originals: 1, shownOnly: true },
    ],
  },
  {
    title: 'Trường hợp đã từng kết hôn nhưng đã ly hôn hoặc vợ, chồng đã chết',
    papers: [
      { name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1 },
      { name: 'Bản án, quyết định ly hôn đã có hiệu lực pháp luật hoặc trích lục khai tử của vợ, chồng', copies: 1 },
      { name: 'Giấy tờ tùy thân có ảnh (thẻ Căn cước, Căn cước công dân hoặc hộ chiếu)', originals: 1, shownOnly: true },
    ],
  },
];

describe('ticket content', () => {
  it.each(VIETNAMESE_MODES)('%s: never refuses long content and wraps it within the paper', (mode) => {
    for (const width of [80, 58] as const) {
      const { doc, profile } = print(
        mode,
        {
          centreName: `Trung tâm Phục vụ hành chính công ${'tỉnh Bắc Ninh '.repeat(12)}`,
          serviceName: 'Đăng ký khai sinh, khai tử, kết hôn, nhận cha, mẹ, con và các việc hộ tịch khác có yếu tố nước ngoài',
          counters: Array.from({ length: 20 }, (_, i) => String(i + 1)),
          dossier: [{ papers: Array.from({ length: 12 }, () => ({ name: longPaper, originals: 1 })) }],
          footer: 'Ý kiến phản ánh, kiến nghị: '.repeat(10),
        },
        width,
      );
      expect(doc.errors).toEqual([]);
      expect(documentText(doc)).toContain('1023');
      for (const line of textItems(doc.items)) {
        // Cells on paper: one per byte sent (a CP1258 tone mark takes its own cell on most printers).
        expect(line.bytes * 12 * line.width, `${mode} ${width} mm: ${line.text}`).toBeLessThanOrEqual(profile.dotsPerLine);
      }
      for (const image of doc.items.filter((i) => i.kind === 'raster'))
        expect(image.widthBytes * 8).toBeLessThanOrEqual(profile.dotsPerLine);
    }
  });

  it('CP1258 lines wrap by printed cells, not characters: no line overflows at 80 or 58 mm', () => {
    for (const width of [80, 58] as const) {
      const { doc } = print('codepage-cp1258', { dossier: marriageStatus }, width);
      const columns = width === 80 ? 48 : 32;
      const lines = textItems(doc.items).filter((l) => l.width === 1);
      expect(lines.some((l) => [...l.text].length < l.bytes)).toBe(true);
      for (const l of lines) expect(l.bytes, l.text).toBeLessThanOrEqual(columns);
    }
  });

  it('shortens: 20 counters in runs, a long paper to its first clause, the rest counted', () => {
    expect(counterList(['1', '2', '3', '4', '5', '7', '9', '10', '11', '12'])).toBe('1–5, 7, 9–12');
    expect(counterList(['3', '4'])).toBe('3, 4');
    expect(counterList(['12A', '3'])).toBe('12A, 3');
    const { text } = print('codepage-tcvn3', {
      counters: Array.from({ length: 20 }, (_, i) => String(i + 1)),
      dossier: [
        {
          papers: [
            { name: `Giấy chứng sinh; ${longPaper}`, originals: 1 },
            ...Array.from({ length: 9 }, (_, i) => ({ name: `Giấy tờ số ${i + 1}`, copies: 1 })),
          ],
        },
      ],
    });
    expect(text.join(' ')).toContain('Số thứ tự sẽ được gọi đến một trong các quầy số 1-20');
    expect(text).toContain('- Giấy chứng sinh');
    expect(text).toContain('và 3 giấy tờ khác (hỏi tại quầy)');
  });

  it("lists every case's papers compactly and marks papers only shown", () => {
    for (const mode of ['codepage-tcvn3', 'raster'] as const) {
      const { text, doc } = print(mode, { dossier: marriageStatus });
      if (mode === 'raster') {
        // Drawn as images; the heading, the case title and four papers are six lines of it.
        expect(doc.items.filter((i) => i.kind === 'feed-dots').length).toBeGreaterThan(10);
        continue;
      }
      const papers = text.slice(text.indexOf('Giấy tờ cần chuẩn bị:') + 1).join(' ');
      const at = (s: string) => papers.indexOf(s);
      expect(at('- Tờ khai cấp Giấy xác nhận tình trạng hôn nhân')).toBe(0);
      expect(at('- Giấy tờ tùy thân có ảnh (xuất trình)')).toBeGreaterThan(0);
      // The divorced citizen's extra paper, under its case, and the common ones not repeated.
      expect(at('Trường hợp đã từng kết hôn')).toBeGreaterThan(at('(xuất trình)'));
      expect(papers).toMatch(/Trường hợp đã từng kết hôn[^-]*: - Bản án, quyết định ly hôn .*\(bản sao\)/);
      expect(papers.split('Tờ khai cấp')).toHaveLength(2);
    }
  });

  it('marks the priority group and prints the hotline in Vietnamese', () => {
    const { text } = print('codepage-cp1258');
    expect(text.join(' ')).toContain('Ưu tiên: Người cao tuổi');
    expect(text).toContain('Đường dây nóng: 1900 1234');
    expect(text.join(' ')).not.toMatch(/Hotline/);
    const { text: plain } = print('codepage-cp1258', { priorityGroup: undefined, footer: 'Góp ý: 0222 3 822 822' });
    expect(plain.join(' ')).not.toContain('Ưu tiên');
    expect(plain).toContain('Góp ý: 0222 3 822 822');
  });

  it("prints the kiosk's wording of the wait: which counters call the number, the range or when calling starts", () => {
    const issuedAt = Date.UTC(2025, 2, 15, 4, 40); // 11:40 in Hà Nội, the lunch break near
    const paper = (wait: TicketLayoutInput['wait'], counters = ['3']) =>
      print('codepage-cp1258', { issuedAt, wait, counters }).text.join(' ');
    const one = paper({ kind: 'range', estimatedAt: issuedAt, fromMinutes: 0, toMinutes: 10, startsAt: null });
    expect(one).toContain('Số thứ tự sẽ được gọi đến quầy số 3');
    expect(one).toContain('Công dân vui lòng chờ đến lượt: số thứ tự sẽ được gọi trên màn hình và loa.');
    expect(one).toContain('Thời gian chờ dự kiến: dưới 10 phút');
    expect(one).not.toMatch(/Mời đến quầy/);
    const start = Date.UTC(2025, 2, 15, 6, 0); // counters start calling again at 13:00
    expect(paper({ kind: 'range', estimatedAt: issuedAt, fromMinutes: 85, toMinutes: 100, startsAt: start })).toContain(
      'Quầy bắt đầu gọi số lúc 13:00. Dự kiến đến lượt khoảng 13:05–13:20',
    );
    expect(paper({ kind: 'soon' })).toContain('Sắp đến lượt. Công dân vui lòng chú ý màn hình gọi số');
    expect(paper({ kind: 'unknown' })).toContain('Hiện chưa có quầy phục vụ mở, chưa ước tính được thời gian chờ');
    // A reprint after the call: no wait and no queue ahead to speak of.
    const called = paper(null);
    expect(called).not.toMatch(/Số người chờ trước|Thời gian chờ|chưa có quầy/);
  });

  it('marks a test print so nobody takes it for a number', () => {
    expect(print('codepage-cp1258', { test: true }).text[0]).toBe('PHIẾU IN THỬ');
  });
});
