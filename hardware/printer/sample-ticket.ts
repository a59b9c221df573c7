import { parseTicketLayout, type TicketLayout, type TicketLayoutInput } from './ticket-layout.ts';

/**
 * A full, realistic kiosk ticket: the sample centre's long name, birth registration with its six
 * papers as the sample catalogue lists them (two only shown), a priority group, a wait range and
 * the hotline.
 * The reference for the golden previews and the admin's "print a test ticket".
 */
export function sampleTicketLayout(overrides: Partial<TicketLayoutInput> = {}): TicketLayout {
  const issuedAt = overrides.issuedAt ?? Date.UTC(2025, 2, 15, 1, 42);
  const parsed = parseTicketLayout({
    language: 'vi',
    centreName: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh',
    number: '1023',
    serviceName: 'Hộ tịch',
    priorityGroup: 'Người cao tuổi',
    counters: ['3', '4'],
    wait: { kind: 'range', estimatedAt: issuedAt, fromMinutes: 20, toMinutes: 30, startsAt: null },
    issuedAt,
    qrUrl: 'http://192.168.1.10:8080/t/k3m9x2q7.Xr4c8tQ2mZpL0aBw',
    dossier: [
      {
        papers: [
          { name: 'Tờ khai đăng ký khai sinh', originals: 1 },
          { name: 'Giấy chứng sinh; trường hợp không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh', originals: 1 },
          { name: 'Văn bản ủy quyền có chứng thực, nếu ủy quyền đăng ký khai sinh', originals: 1 },
          { name: 'Giấy tờ tùy thân có ảnh (thẻ Căn cước, Căn cước công dân hoặc hộ chiếu)', originals: 1, shownOnly: true },
          { name: 'Giấy tờ chứng minh nơi cư trú, nếu cần xác định thẩm quyền đăng ký', originals: 1, shownOnly: true },
          { name: 'Giấy chứng nhận kết hôn của cha, mẹ, nếu cha, mẹ đã đăng ký kết hôn', copies: 1 },
        ],
      },
    ],
    hotline: '1900 1234',
    ...overrides,
  });
  if (!parsed.ok) throw new Error(`sample ticket is invalid: ${parsed.issues.join('; ')}`);
  return parsed.layout;
}
