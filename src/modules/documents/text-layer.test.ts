// The PDF's text layer, read back by a real extractor (poppler's pdftotext): the Thai words as
// written (SARA AM and the marks of bold headings intact), a buyer's typed name with emoji, Chinese
// text; emoji and symbols drawn from a fallback font, not as missing-glyph boxes.
import { describe, expect, it } from 'vitest';
import { pdfToText } from '../../../test/pdftotext.ts';
import { printable } from '../../platform/typed-text.ts';
import { buildInvoice, type InvoiceInput } from './invoice.ts';
import { invoicePdf } from './pdf.ts';

const input = (over: Partial<InvoiceInput> = {}): InvoiceInput => ({
  kind: 'tax_invoice',
  serial: 7,
  issuedAt: new Date('2026-04-17T03:00:00Z'),
  orderNumber: 'TLD-00000042',
  currency: 'THB',
  vatRateBp: 700,
  shipping: 5_000,
  seller: {
    name: 'บริษัท ทุเรียนจันท์ จำกัด',
    taxId: '0994000165501',
    branch: '00000',
    address: '99 หมู่ 4 ต.ท่าช้าง อ.เมืองจันทบุรี จ.จันทบุรี 22000',
  },
  buyer: {
    name: 'น้ำค้าง ใจดี 🍉✨ 王小明',
    address: '1 ถ.สุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110',
    taxId: null,
    branch: null,
  },
  lines: [
    { description: 'ทุเรียนหมอนทอง 5 กก. ★ เกรด A ✓', quantity: 1, unitPrice: 129_000, amount: 129_000 },
    { description: '泰国茉莉香米 ข้าวหอมมะลิ', quantity: 2, unitPrice: 40_000, amount: 80_000 },
  ],
  ...over,
});

/** The PDF with its ActualText spans blanked out (same length, so the file stays valid): only the ToUnicode maps left. */
const withoutActualText = (pdf: Buffer) =>
  Buffer.from(
    pdf.toString('latin1').replace(/\/Span <<\/ActualText <[0-9A-F]+>>> BDC|\bEMC\b/g, (m) => ' '.repeat(m.length)),
    'latin1',
  );

describe('the text layer of tax invoices and receipts', () => {
  it('extracts exactly as written: Thai headings, SARA AM, emoji in a typed name, Chinese', async () => {
    const pdf = await invoicePdf(buildInvoice(input()), 'zh');
    const text = pdfToText(pdf, { flat: true });
    for (const words of [
      'ใบกำกับภาษี',
      '税务发票',
      'ผู้ขาย / 卖方',
      'ผู้ซื้อ / 买方',
      'น้ำค้าง ใจดี 🍉✨ 王小明',
      'เลขประจำตัวผู้เสียภาษีของผู้ขาย / 卖方纳税人识别号: 0994000165501 (สำนักงานใหญ่)',
      'ทุเรียนหมอนทอง 5 กก. ★ เกรด A ✓',
      '泰国茉莉香米 ข้าวหอมมะลิ',
      'จำนวนเงินรวมทั้งสิ้น / 合计',
      '(สองพันหนึ่งร้อยสี่สิบบาทถ้วน)',
    ])
      expect(text, words).toContain(words);
    // No decomposed SARA AM left behind (the defect: "ใบกำากับ").
    expect(text).not.toMatch(/\u0e33\u0e32|\u0e4d\u0e32/);
  });

  it('maps glyphs back to text even for readers that ignore ActualText (NFKC-equal Thai)', async () => {
    const pdf = await invoicePdf(buildInvoice(input()), 'th', { compress: false });
    const text = pdfToText(withoutActualText(pdf), { flat: true }).normalize('NFKC');
    for (const words of ['ใบกำกับภาษี', 'ราคาต่อหน่วย', 'จำนวนเงิน', 'สำนักงานใหญ่', 'ภาษีมูลค่าเพิ่ม'])
      expect(text, words).toContain(words.normalize('NFKC'));
  });

  it('draws emoji and symbols from the bundled fallback fonts, never as missing glyphs', async () => {
    const plain = (await invoicePdf(buildInvoice(input()), 'th', { compress: false })).toString('latin1');
    expect(plain).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoEmoji-Regular/);
    expect(plain).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSymbols2-Regular/); // ✓
    // The emoji's glyphs are in the embedded subset, mapped to their characters (UTF-16: 🍉 = d83c df49).
    expect(plain.toLowerCase()).toContain('<d83c df49>');
    expect(plain.toLowerCase()).toContain('<2728>'); // ✨
  });

  it('prints a receipt the same way', async () => {
    const pdf = await invoicePdf(buildInvoice(input({ kind: 'receipt' })), 'en');
    const text = pdfToText(pdf, { flat: true });
    for (const words of [
      'ใบเสร็จรับเงิน',
      'Receipt',
      'ผู้ซื้อ / Buyer',
      'น้ำค้าง ใจดี 🍉✨ 王小明',
      'ผู้ขายไม่ได้จดทะเบียนภาษีมูลค่าเพิ่ม จึงไม่ออกใบกำกับภาษี',
    ])
      expect(text, words).toContain(words);
    expect(text).not.toContain('ภาษีมูลค่าเพิ่ม / VAT');
  });
});

describe('typed text', () => {
  it('keeps what was typed and drops what would hide or reorder it', () => {
    expect(printable('  สมศรี\u202E ใจดี\u202C\u200B\u0000\u0007 ')).toBe('สมศรี ใจดี');
    expect(printable('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(printable('1 ถ.สุขุมวิท\r\nแขวงคลองเตย')).toBe('1 ถ.สุขุมวิท แขวงคลองเตย');
    expect(printable('1 ถ.สุขุมวิท\r\nแขวงคลองเตย', { multiline: true })).toBe('1 ถ.สุขุมวิท\nแขวงคลองเตย');
    // Emoji sequences stay whole (joiners, skin tones, variation selectors); stray ones go.
    expect(printable('👨‍👩‍👧 👍🏽 ❤️ 1️⃣')).toBe('👨‍👩‍👧 👍🏽 ❤️ 1️⃣');
    expect(printable('a\u200Db\uFE0F')).toBe('ab');
    expect(printable('\u2066abc\u2069\uFEFF\uE000')).toBe('abc');
  });
});
