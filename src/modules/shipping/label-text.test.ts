// The shipping label's text layer, read back by a real extractor (poppler's pdftotext): Thai and
// Chinese as written, a receiver's typed name with emoji printed from the fallback font.
import { describe, expect, it } from 'vitest';
import { pdfToText } from '../../../test/pdftotext.ts';
import { renderLabel, type LabelData } from './label.ts';

const label = (over: Partial<LabelData> = {}): LabelData => ({
  carrier: 'thailand-post',
  trackingNumber: 'EE123456785TH',
  trackingUrl: 'http://127.0.0.1/track/EE123456785TH',
  orderNumber: 'TLD-00000042',
  sandbox: true,
  crossBorder: false,
  sender: { name: 'สวนทุเรียนจันท์ (BKK-FC)', address: 'ศูนย์กระจายสินค้ากรุงเทพ, กรุงเทพมหานคร' },
  receiver: {
    name: 'น้ำค้าง ใจดี 🍉',
    phone: '0812345678',
    address: '99/1 หมู่ 4 ซ.ลาดพร้าว 101 ถ.ลาดพร้าว แขวงคลองจั่น เขตบางกะปิ กรุงเทพมหานคร 10240',
  },
  parcels: [{ weightGrams: 5200, lengthMm: 400, widthMm: 300, heightMm: 200 }],
  ...over,
});

describe('the shipping label as text', () => {
  it('reads back in Thai for a domestic parcel', async () => {
    const text = pdfToText(await renderLabel(label()), { flat: true });
    for (const words of [
      'ไปรษณีย์ไทย',
      'ทดสอบ ไม่ใช่พัสดุจริง',
      'ผู้ส่ง',
      'สวนทุเรียนจันท์ (BKK-FC)',
      'ผู้รับ',
      'น้ำค้าง ใจดี 🍉',
      'แขวงคลองจั่น เขตบางกะปิ',
      'โทร 0812345678',
      'คำสั่งซื้อ TLD-00000042 · น้ำหนัก 5.2 kg · 40×30×20 cm',
    ])
      expect(text, words).toContain(words);
    expect(text).not.toMatch(/\u0e33\u0e32/);
  });

  it('reads back in Chinese for a cross-border parcel', async () => {
    const text = pdfToText(
      await renderLabel(
        label({
          carrier: 'linehaul-cn',
          crossBorder: true,
          receiver: {
            name: '王小明',
            phone: '13800138000',
            address: '广东省广州市天河区天河路385号太古汇一座1201室 (440106)',
          },
        }),
      ),
      { flat: true },
    );
    for (const words of [
      '寄件人 / ผู้ส่ง',
      '收件人 / ผู้รับ',
      '王小明',
      '广东省广州市天河区',
      '电话 / โทร 13800138000',
      '重量 / น้ำหนัก',
    ])
      expect(text, words).toContain(words);
  });
});
