// Tax invoices and receipts as PDF (pdfkit), in Thai as the Revenue Code requires, labels carrying
// a second language (Chinese or English) when the reader asked for one. Text goes through the
// platform's PDF writer (platform/pdf-text.ts): fonts per character (Sarabun, Noto Sans SC, emoji
// and symbol fallbacks), lines broken at Thai and Chinese word boundaries, and a text layer that
// extracts as written (pdftotext finds "ใบกำกับภาษี").
import PDFDocument from 'pdfkit';
import type { Locale } from '../../platform/i18n.ts';
import { finishPdf, PdfText, type TextStyle } from '../../platform/pdf-text.ts';
import { branchLabel, thaiDate, type InvoiceData, type Party } from './invoice.ts';

type Label = { th: string; zh: string; en: string };
const LABELS = {
  tax_invoice: { th: 'ใบกำกับภาษี', zh: '税务发票', en: 'Tax invoice' },
  receipt: { th: 'ใบเสร็จรับเงิน', zh: '收据', en: 'Receipt' },
  number: { th: 'เลขที่', zh: '编号', en: 'No.' },
  date: { th: 'วันที่', zh: '日期', en: 'Date' },
  paidOn: { th: 'ชำระเงินเมื่อ', zh: '付款日期', en: 'Paid on' },
  order: { th: 'คำสั่งซื้อ', zh: '订单', en: 'Order' },
  seller: { th: 'ผู้ขาย', zh: '卖方', en: 'Seller' },
  buyer: { th: 'ผู้ซื้อ', zh: '买方', en: 'Buyer' },
  sellerTaxId: { th: 'เลขประจำตัวผู้เสียภาษีของผู้ขาย', zh: '卖方纳税人识别号', en: "Seller's tax ID" },
  buyerTaxId: { th: 'เลขประจำตัวผู้เสียภาษีของผู้ซื้อ', zh: '买方纳税人识别号', en: "Buyer's tax ID" },
  chinaAddress: { th: 'ที่อยู่ในประเทศจีน', zh: '中国地址', en: 'Address in China' },
  china: { th: 'ประเทศจีน', zh: '中华人民共和国', en: "People's Republic of China" },
  consignee: { th: 'ผู้รับสินค้า', zh: '收件人', en: 'Consignee' },
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
  zeroRated: {
    th: 'การส่งออกสินค้า ภาษีมูลค่าเพิ่มอัตราร้อยละ 0 ตามประมวลรัษฎากร มาตรา 80/1 (1)',
    zh: '出口货物，增值税税率 0%（泰国税法典第 80/1 (1) 条）',
    en: 'Export of goods: VAT at 0% under Revenue Code s.80/1 (1)',
  },
  exportReceipt: {
    th: 'การส่งออกสินค้าไปยังผู้ซื้อในประเทศจีน',
    zh: '向中国买方出口的货物',
    en: 'Goods exported to a buyer in China',
  },
  paidCny: { th: 'ผู้ซื้อชำระเป็นเงินหยวน', zh: '买方以人民币支付', en: 'The buyer paid in CNY' },
  goodsFreight: { th: 'สินค้าและค่าขนส่ง', zh: '货物及运费', en: 'goods and freight' },
  importTax: {
    th: 'ภาษีนำเข้าจีนที่ตลาดเก็บแทนศุลกากรจีน (ไม่ใช่มูลค่าขาย)',
    zh: '平台代中国海关收取的跨境进口税（不属于销售额）',
    en: 'China import tax collected for China customs (not part of the sale)',
  },
  paid: { th: 'รวมที่ชำระ', zh: '实付合计', en: 'total paid' },
  rate: { th: 'อัตราแลกเปลี่ยน', zh: '汇率', en: 'Exchange rate' },
  rateNote: {
    th: 'จำนวนเงินบาททุกรายการแปลงจากเงินหยวนที่อัตรานี้ ปัดเศษครึ่งขึ้น',
    zh: '各泰铢金额均按此汇率由人民币折算，四舍五入',
    en: 'every THB amount is the CNY one at this rate, half up',
  },
} satisfies Record<string, Label>;
type Key = keyof typeof LABELS;

const amount = (minor: number) =>
  `${Math.floor(minor / 100).toLocaleString('en-US')}.${String(minor % 100).padStart(2, '0')}`;
const bangkokDay = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Asia/Bangkok' });

export function invoicePdf(d: InvoiceData, lang: Locale = 'th', opts: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    compress: opts.compress ?? true,
    lang: 'th-TH',
    info: { Title: `${LABELS[d.kind].th} ${d.number}`, Author: d.seller.name, Subject: d.orderNumber },
  });
  const t = new PdfText(doc);
  const label = (key: Key) => (lang === 'th' ? LABELS[key].th : `${LABELS[key].th} / ${LABELS[key][lang]}`);
  const x = d.export;
  const width = doc.page.width - 80;
  const bottom = doc.page.height - 60;

  t.write(LABELS[d.kind].th, 40, 36, { bold: true, size: 20 });
  if (lang !== 'th') t.write(LABELS[d.kind][lang], 40, 66, { size: 11 });
  const right: TextStyle = { width: 245, align: 'right' };
  let ry = t.write(`${label('number')}: ${d.number}`, 310, 44, right);
  ry = t.write(`${label('date')}: ${thaiDate(d.issuedAt)}`, 310, ry, right);
  if (d.paidAt && bangkokDay(d.paidAt) !== bangkokDay(d.issuedAt))
    ry = t.write(`${label('paidOn')}: ${thaiDate(d.paidAt)}`, 310, ry, right);
  t.write(`${label('order')}: ${d.orderNumber}`, 310, ry, right);

  /** A party's block, flowing down from y; returns where it ends. */
  const partyBlock = (title: Key, taxIdKey: Key, p: Party, px: number): number => {
    const w = { width: 245 };
    let y = t.write(label(title), px, 104, { ...w, bold: true });
    y = t.write(p.name, px, y, w);
    if (p.country === 'CN' && p.addressParts) {
      // As China writes an address: province, city, district, then the street; not in Thai fields.
      const a = p.addressParts;
      y = t.write(label('chinaAddress'), px, y, { ...w, size: 8, color: '#444' });
      y = t.write([a.province, a.city === a.province ? '' : a.city, a.district].filter(Boolean).join(' '), px, y, w);
      y = t.write(a.street, px, y, w);
      y = t.write(`${LABELS.china.zh} (${LABELS.china.th}) ${a.districtCode}`, px, y, w);
      if (p.consignee) y = t.write(`${label('consignee')}: ${p.consignee}`, px, y, w);
    } else {
      y = t.write(p.address, px, y, w);
    }
    if (p.taxId) y = t.write(`${label(taxIdKey)}: ${p.taxId} (${branchLabel(p.branch)})`, px, y + 2, w);
    return y;
  };
  let y =
    Math.max(
      partyBlock('seller', 'sellerTaxId', d.seller, 40),
      partyBlock('buyer', 'buyerTaxId', d.buyer, 310),
      lang === 'th' ? 0 : 120,
    ) + 14;

  // The lines: an export shows each amount in CNY as paid and in THB.
  const cur = (c: string) => (lang === 'th' ? c : c === 'บาท' ? (lang === 'zh' ? '泰铢' : 'THB') : c);
  const cols = x
    ? [
        { x: 40, w: 22, head: '#' },
        { x: 62, w: 190, head: label('item') },
        { x: 252, w: 48, head: label('qty') },
        { x: 300, w: 85, head: `${label('unitPrice')} (CNY)` },
        { x: 385, w: 85, head: `${label('amount')} (CNY)` },
        { x: 470, w: 85, head: `${label('amount')} (${cur('บาท')})` },
      ]
    : [
        { x: 40, w: 25, head: '#' },
        { x: 65, w: 250, head: label('item') },
        { x: 315, w: 60, head: label('qty') },
        { x: 375, w: 90, head: label('unitPrice') },
        { x: 465, w: 90, head: label('amount') },
      ];
  const rule = (at: number) =>
    doc
      .moveTo(40, at)
      .lineTo(40 + width, at)
      .lineWidth(0.5)
      .stroke();
  const header = () => {
    rule(y - 4);
    const h = Math.max(
      ...cols.map((c, i) => t.height(c.head, { width: c.w, size: 9, bold: true, align: i >= 2 ? 'right' : 'left' })),
    );
    for (const [i, c] of cols.entries())
      t.write(c.head, c.x, y, { width: c.w, size: 9, bold: true, align: i >= 2 ? 'right' : 'left' });
    y += h + 2;
    rule(y - 2);
    y += 2;
  };
  header();
  d.lines.forEach((l, i) => {
    const fen = x?.lines[i];
    const cells = x
      ? [
          String(i + 1),
          l.description,
          String(l.quantity),
          amount(fen?.unitPrice ?? 0),
          amount(fen?.amount ?? 0),
          amount(l.amount),
        ]
      : [String(i + 1), l.description, String(l.quantity), amount(l.unitPrice), amount(l.amount)];
    const h = t.height(l.description, { width: cols[1].w });
    if (y + h > bottom) {
      doc.addPage();
      y = 48;
      header();
    }
    for (const [k, c] of cells.entries())
      t.write(c, cols[k].x, y, { width: cols[k].w, align: k >= 2 ? 'right' : 'left' });
    y += h + 2;
  });
  rule(y);
  y += 6;
  if (y > bottom - 160) {
    doc.addPage();
    y = 48;
  }

  const total = (key: Key, minor: number, bold = false, suffix = '') => {
    const h = t.write(label(key) + suffix, 180, y, { width: 280, align: 'right', bold });
    t.write(`${amount(minor)} ${cur('บาท')}`, 465, y, { width: 90, align: 'right', bold });
    y = h;
  };
  if (d.kind === 'tax_invoice' && d.vat !== null && d.totalBeforeVat !== null) {
    total('beforeVat', d.totalBeforeVat);
    total('vat', d.vat, false, ` ${(d.vatRateBp ?? 0) / 100}%`);
  }
  total('total', d.total, true);
  y = t.write(`(${d.totalInWords})`, 40, y + 2, { width, align: 'right' }) + 8;
  if (x) {
    const small: TextStyle = { width, size: 9 };
    y = t.write(label(d.kind === 'tax_invoice' ? 'zeroRated' : 'exportReceipt'), 40, y, { ...small, bold: true });
    y = t.write(
      `${label('paidCny')}: ${label('goodsFreight')} ${amount(x.total)} CNY · ${label('importTax')} ${amount(x.importTax)} CNY · ${label('paid')} ${amount(x.paid)} CNY`,
      40,
      y,
      small,
    );
    y = t.write(
      `${label('rate')}: 1 THB = ${x.fx.rate} CNY (${x.fx.source}, ${x.fx.validFrom.slice(0, 10)}) · ${label('rateNote')}`,
      40,
      y,
      small,
    );
  }
  if (d.kind === 'receipt') t.write(label('notVat'), 40, y + 4, { width, size: 9 });
  return finishPdf(doc);
}
