import { describe, expect, it } from 'vitest';
import { decodeCp1258, encodeCp1258 } from '../../../hardware/printer/vietnamese-cp1258.ts';
import { decodeTcvn3, encodeTcvn3 } from '../../../hardware/printer/vietnamese-tcvn3.ts';
import { foldToAscii } from '../../../hardware/printer/ascii-fold.ts';

const SENTENCES = [
  'Mời công dân có số thứ tự 1023 đến quầy số 3',
  'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh',
  'Đăng ký khai sinh, kết hôn, khai tử; chứng thực bản sao từ bản chính',
  'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản gắn liền với đất',
  'Người đang chờ trước bạn: 12 — thời gian chờ dự kiến khoảng 25 phút',
  'SỐ THỨ TỰ CỦA BẠN. ĐƯỜNG DÂY NÓNG. ỨNG HỘ. QUỸ. NGHĨA VỤ QUÂN SỰ. ỶẪỠỢỰỴỸ',
  'Ảnh chân dung, hộ chiếu, căn cước, thẻ bảo hiểm y tế, sổ hộ khẩu (nếu có)',
  'àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ đ',
];

describe('CP1258', () => {
  it.each(SENTENCES)('round-trips every character of "%s"', (sentence) => {
    const bytes = encodeCp1258(sentence);
    expect(bytes.includes(0x3f)).toBe(false);
    expect(decodeCp1258(bytes)).toBe(sentence.normalize('NFC'));
  });

  it('keeps the horn inside ơ/ư and sends the tone mark as a combining byte', () => {
    // "ờ" = ơ (F5) + combining grave (CC); "ự" = ư (FD) + dot below (F2)
    expect([...encodeCp1258('ờ')]).toEqual([0xf5, 0xcc]);
    expect([...encodeCp1258('ự')]).toEqual([0xfd, 0xf2]);
    expect([...encodeCp1258('ấ')]).toEqual([0xe2, 0xec]);
  });

  it('uses the precomposed byte where CP1258 has the whole letter', () => {
    expect([...encodeCp1258('á')]).toEqual([0xe1]);
  });

  it('accepts decomposed input the same as composed', () => {
    const s = 'Người đang chờ';
    expect(encodeCp1258(s.normalize('NFD'))).toEqual(encodeCp1258(s));
  });
});

describe('TCVN-3', () => {
  const decodeRuns = (text: string): string =>
    encodeTcvn3(text)
      .map((run) => decodeTcvn3(run.bytes, run.table))
      .join('');

  it.each(SENTENCES.filter((s) => !s.includes('—')))('round-trips "%s"', (sentence) => {
    expect(decodeRuns(sentence)).toBe(sentence.normalize('NFC'));
  });

  it('never emits bytes 0x00–0x1F, which printers would read as commands', () => {
    for (const sentence of SENTENCES) for (const run of encodeTcvn3(sentence)) expect(run.bytes.some((b) => b < 0x20)).toBe(false);
  });

  it('prints toned capitals from the capitals table and lowercase from the lowercase table', () => {
    const runs = encodeTcvn3('Số THỨ');
    expect(runs.map((r) => r.table)).toEqual(['lower', 'capitals']);
    // Characters that print in both tables stay in the current run: fewer ESC t switches.
    expect([...runs[0]!.bytes]).toEqual([0x53, 0xe8, 0x20, 0x54, 0x48]);
    expect([...runs[1]!.bytes]).toEqual([0xf8]);
  });
});

describe('ASCII fold', () => {
  it('removes diacritics and maps đ/Đ', () => {
    expect(foldToAscii('Đăng ký khai sinh – Người đang chờ')).toBe('Dang ky khai sinh - Nguoi dang cho');
  });
});
