// Tax invoices and receipts as PDF (pdfkit), with the Thai font Sarabun embedded (subset) and Noto
// Sans SC for Chinese labels. The document is Thai, as the Revenue Code requires; labels carry a
// second language (Chinese or English) when the reader asked for one.
import PDFDocument from 'pdfkit';
import type { Locale } from '../../platform/i18n.ts';
import { font, NOTO_SC, SARABUN, SARABUN_BOLD } from '../../platform/pdf-fonts.ts';
import { branchLabel, thaiDate, type InvoiceData, type Party } from './invoice.ts';

const LABELS: Record<string, { th: string; zh: string; en: string }> = {
  tax_invoice: { th: 'ใบกำกับภาษี', zh: '税务发票', en: 'Tax invoice' },
  receipt: { th: 'ใบเสร็จรับเงิน', zh: '收据', en: 'Receipt' },
  number: { th: 'เลขที่', zh: '编号', en: 'No.' },
  date: { th: 'วันที่', zh: '日期', en: 'Date' },
  order: { th: 'คำสั่งซื้อ', zh: '订单', en: 'Order' },
  seller: { th: 'ผู้ขาย', zh: '卖方', en: 'Seller' },
  buyer: { th: 'ผู้ซื้อ', zh: '买方', en: 'Buyer' },
  taxId: { th: 'เลขประจำตัวผู้เสียภาษี', zh: '纳税人识别号', en: 'Tax ID' },
  item: { th: 'รายการ', zh: '项目', en: 'Description' },
  qty: { th: 'จำนวน', zh: '数量', en: 'Qty' },
  unitPrice: { th: 'ราคาต่อหน่วย', zh: '单价', en: 'Unit price' },
  amount: { th: 'จำนวนเงิน', zh: '金额', en: 'Amount' },
  beforeVat: { th: 'มูลค่าสินค้าหรือบริการ (ไม่รวมภาษี)', zh: '不含税金额', en: 'Value before VAT' },
  vat: { th: 'ภาษีมูลค่าเพิ่ม', zh: '增值税', en: 'VAT' },
  total: { th: 'จำนวนเงินรวมทั้งสิ้น', zh: '合计', en: 'Total' },
  notVat: {
    th: 'ผู้ขายไม่ได้จดทะเบียนภาษีมูลค่าเพิ่ม จึงไม่ออกใบกำกับภาษี',
    zh: '卖方未进行增值税登记，不开具税务发票',
    en: 'The seller is not registered for VAT and issues no tax invoice',
  },
};

const baht = (satang: number) =>
  `${Math.floor(satang / 100).toLocaleString('en-US')}.${String(satang % 100).padStart(2, '0')}`;
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

export function invoicePdf(d: InvoiceData, lang: Locale = 'th', opts: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    compress: opts.compress ?? true,
    lang: 'th-TH',
    info: { Title: `${LABELS[d.kind].th} ${d.number}`, Author: d.seller.name, Subject: d.orderNumber },
  });
  doc.registerFont('thai', font(SARABUN));
  doc.registerFont('thai-bold', font(SARABUN_BOLD));
  const needsCjk =
    lang === 'zh' || [d.buyer.name, d.buyer.address, ...d.lines.map((l) => l.description)].some((s) => CJK.test(s));
  if (needsCjk) doc.registerFont('cjk', font(NOTO_SC));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  /**
   * Writes text in fonts that have its glyphs: Sarabun for Thai and Latin, Noto Sans SC for Chinese.
   * A line mixing the two ("เลขประจำตัวผู้เสียภาษี / 纳税人识别号") is written run by run, continued.
   */
  const text = (
    s: string,
    x: number,
    y: number,
    opts: PDFKit.Mixins.TextOptions & { bold?: boolean; size?: number } = {},
  ) => {
    const { bold, size, ...rest } = opts;
    const runs = needsCjk
      ? (s.match(/[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+|[^\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+/g) ?? [s])
      : [s];
    const fontOf = (run: string) => doc.font(CJK.test(run) ? 'cjk' : bold ? 'thai-bold' : 'thai').fontSize(size ?? 10);
    if (runs.length > 1 && rest.align === 'right' && rest.width) {
      // Right-aligned mixed text: measured run by run, then written from the left edge it needs.
      let at = x + rest.width - runs.reduce((w, run) => w + fontOf(run).widthOfString(run), 0);
      for (const run of runs) {
        fontOf(run).text(run, at, y, { lineBreak: false });
        at += doc.widthOfString(run);
      }
      return;
    }
    runs.forEach((run, i) => {
      fontOf(run);
      const more = i < runs.length - 1;
      if (i === 0) doc.text(run, x, y, { ...rest, continued: more });
      else doc.text(run, { continued: more });
    });
  };
  const label = (key: string) => (lang === 'th' ? LABELS[key].th : `${LABELS[key].th} / ${LABELS[key][lang]}`);
  const width = doc.page.width - 80;

  text(LABELS[d.kind].th, 40, 40, { bold: true, size: 20 });
  if (lang !== 'th') text(LABELS[d.kind][lang], 40, 66, { size: 11 });
  text(`${label('number')}: ${d.number}`, 330, 44, { width: 225, align: 'right' });
  text(`${label('date')}: ${thaiDate(d.issuedAt)}`, 330, 60, { width: 225, align: 'right' });
  text(`${label('order')}: ${d.orderNumber}`, 330, 76, { width: 225, align: 'right' });

  const partyBlock = (title: string, p: Party, x: number) => {
    text(label(title), x, 108, { bold: true });
    text(p.name, x, 124, { width: 245 });
    text(p.address, x, 140, { width: 245 });
    if (p.taxId) text(`${label('taxId')} ${p.taxId} (${branchLabel(p.branch)})`, x, 184, { width: 245 });
  };
  partyBlock('seller', d.seller, 40);
  partyBlock('buyer', d.buyer, 310);

  // The lines.
  const cols = [
    { x: 40, w: 25 },
    { x: 65, w: 250 },
    { x: 315, w: 60 },
    { x: 375, w: 90 },
    { x: 465, w: 90 },
  ];
  let y = 222;
  doc
    .moveTo(40, y - 4)
    .lineTo(40 + width, y - 4)
    .stroke();
  for (const [i, h] of ['#', label('item'), label('qty'), label('unitPrice'), label('amount')].entries()) {
    text(h, cols[i].x, y, { width: cols[i].w, align: i >= 2 ? 'right' : 'left', bold: true, size: 9 });
  }
  y += 18;
  doc
    .moveTo(40, y - 4)
    .lineTo(40 + width, y - 4)
    .stroke();
  d.lines.forEach((l, i) => {
    const rowHeight = Math.max(
      16,
      doc
        .font(CJK.test(l.description) && needsCjk ? 'cjk' : 'thai')
        .fontSize(10)
        .heightOfString(l.description, { width: cols[1].w }) + 4,
    );
    text(String(i + 1), cols[0].x, y, { width: cols[0].w });
    text(l.description, cols[1].x, y, { width: cols[1].w });
    text(String(l.quantity), cols[2].x, y, { width: cols[2].w, align: 'right' });
    text(baht(l.unitPrice), cols[3].x, y, { width: cols[3].w, align: 'right' });
    text(baht(l.amount), cols[4].x, y, { width: cols[4].w, align: 'right' });
    y += rowHeight;
  });
  doc
    .moveTo(40, y)
    .lineTo(40 + width, y)
    .stroke();
  y += 8;

  const total = (key: string, amount: number, bold = false, suffix = '') => {
    text(label(key) + suffix, 230, y, { width: 230, align: 'right', bold });
    text(`${baht(amount)} ${d.currency === 'THB' ? 'บาท' : d.currency}`, 465, y, { width: 90, align: 'right', bold });
    y += 18;
  };
  if (d.kind === 'tax_invoice' && d.vat !== null && d.totalBeforeVat !== null) {
    total('beforeVat', d.totalBeforeVat);
    total('vat', d.vat, false, ` ${(d.vatRateBp ?? 0) / 100}%`);
  }
  total('total', d.total, true);
  text(`(${d.totalInWords})`, 40, y + 4, { width, align: 'right' });
  if (d.kind === 'receipt') text(label('notVat'), 40, y + 28, { width, size: 9 });
  doc.end();
  return done;
}
