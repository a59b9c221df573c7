import { parseTicketLayout, type TicketLayout, type TicketLayoutInput } from './ticket-layout.ts';

/**
 * A full, realistic ticket (long centre name, several papers, footer): the reference for the
 * golden previews, the size benchmark and the admin's "print a test ticket".
 */
export function sampleTicketLayout(overrides: Partial<TicketLayoutInput> = {}): TicketLayout {
  const parsed = parseTicketLayout({
    language: 'vi',
    centreName: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh',
    number: '1023',
    serviceName: 'Đăng ký khai sinh',
    counters: ['3'],
    peopleAhead: 12,
    estimatedWaitMinutes: 25,
    issuedAt: Date.UTC(2025, 2, 15, 1, 42),
    qrUrl: 'http://192.168.1.10:8080/follow/t/2025-03-15/1023',
    papers: ['Giấy chứng sinh (bản chính)', 'Căn cước công dân của cha hoặc mẹ', 'Giấy chứng nhận kết hôn (nếu có)'],
    footer: 'Đường dây nóng: 1900 1234',
    ...overrides,
  });
  if (!parsed.ok) throw new Error(`sample ticket is invalid: ${parsed.issues.join('; ')}`);
  return parsed.layout;
}
