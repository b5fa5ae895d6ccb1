// The export papers of a trade order as PDFs: the pro-forma invoice (what the buyer pays the deposit
// against), the commercial invoice and the packing list (for customs and the carrier, once shipped).
// Titles print in Thai, Chinese and English; labels in the reader's language beside English; text
// people typed as they typed it. Dates in the reader's calendar (Buddhist era in Thai).
import PDFDocument from 'pdfkit';
import type { Locale } from '../../platform/i18n.ts';
import { formatMoney } from '../../platform/money.ts';
import { finishPdf, PdfText, printable } from '../../platform/pdf-text.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import type { TradeOrderView } from './trade-orders.ts';

export const TRADE_DOCUMENTS = ['proforma-invoice', 'commercial-invoice', 'packing-list'] as const;
export type TradeDocument = (typeof TRADE_DOCUMENTS)[number];

const TITLE: Record<TradeDocument, Record<Locale, string>> = {
  'proforma-invoice': { th: 'ใบแจ้งหนี้ล่วงหน้า', zh: '形式发票', en: 'Pro-forma invoice' },
  'commercial-invoice': { th: 'ใบกำกับสินค้า', zh: '商业发票', en: 'Commercial invoice' },
  'packing-list': { th: 'บัญชีรายการบรรจุหีบห่อ', zh: '装箱单', en: 'Packing list' },
};

const L = {
  number: { th: 'เลขที่', zh: '编号', en: 'No.' },
  date: { th: 'วันที่', zh: '日期', en: 'Date' },
  seller: { th: 'ผู้ขาย', zh: '卖方', en: 'Seller' },
  buyer: { th: 'ผู้ซื้อ', zh: '买方', en: 'Buyer' },
  terms: {
    th: 'เงื่อนไขการส่งมอบ (Incoterms® 2020)',
    zh: '贸易术语（Incoterms® 2020）',
    en: 'Delivery terms (Incoterms® 2020)',
  },
  goods: { th: 'สินค้า', zh: '货物', en: 'Goods' },
  quantity: { th: 'จำนวน', zh: '数量', en: 'Quantity' },
  unitPrice: { th: 'ราคาต่อหน่วย', zh: '单价', en: 'Unit price' },
  total: { th: 'รวม', zh: '合计', en: 'Total' },
  payment: { th: 'การชำระเงิน', zh: '付款', en: 'Payment' },
  deposit: { th: 'มัดจำก่อนผลิต', zh: '生产前定金', en: 'Deposit before production' },
  balance: { th: 'ยอดคงเหลือก่อนส่งออก', zh: '发货前尾款', en: 'Balance before shipment' },
  sample: { th: 'ชำระเต็มจำนวน', zh: '全额付款', en: 'Paid in full' },
  transport: { th: 'เอกสารขนส่ง', zh: '运输单据', en: 'Transport document' },
  bl: { th: 'ใบตราส่งสินค้าทางทะเล (B/L)', zh: '海运提单 (B/L)', en: 'Bill of lading' },
  awb: { th: 'ใบตราส่งสินค้าทางอากาศ (AWB)', zh: '航空运单 (AWB)', en: 'Air waybill' },
  packages: { th: 'จำนวนหีบห่อ', zh: '件数', en: 'Packages' },
  gross: { th: 'น้ำหนักรวม (กก.)', zh: '毛重（公斤）', en: 'Gross weight (kg)' },
  origin: { th: 'ประเทศกำเนิดสินค้า: ไทย', zh: '原产国：泰国', en: 'Country of origin: Thailand' },
  proformaNote: {
    th: 'ใบแจ้งหนี้ล่วงหน้านี้ไม่ใช่ใบกำกับภาษี',
    zh: '本形式发票不是税务发票',
    en: 'This pro-forma invoice is not a tax invoice',
  },
} satisfies Record<string, Record<Locale, string>>;

const both = (label: Record<Locale, string>, locale: Locale) =>
  locale === 'en' ? label.en : `${label[locale]} / ${label.en}`;

const dateText = (d: Date, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'th' ? 'th-TH-u-ca-buddhist' : locale === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Asia/Bangkok',
  }).format(d);

export interface Parties {
  seller: { name: string; provinceCode: string | null };
  buyer: { companyName: string; country: string; registrationNumber: string };
}

/** Writes one of the order's papers; the commercial invoice and packing list need the shipment recorded. */
export async function tradeDocumentPdf(
  o: TradeOrderView,
  parties: Parties,
  kind: TradeDocument,
  locale: Locale,
  issuedAt = new Date(),
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `${TITLE[kind].en} ${o.number}` } });
  const t = new PdfText(doc);
  const W = doc.page.width - 96;
  const x = 48;
  let y = 48;
  y = t.write(`${TITLE[kind].th} · ${TITLE[kind].zh} · ${TITLE[kind].en}`, x, y, { size: 18, bold: true, width: W });
  y = t.write(`${both(L.number, locale)}: ${o.number}`, x, y + 6, { size: 10 });
  y = t.write(`${both(L.date, locale)}: ${dateText(issuedAt, locale)}`, x, y, { size: 10 });

  const province = parties.seller.provinceCode ? provinceByCode(parties.seller.provinceCode) : undefined;
  const half = W / 2 - 8;
  const top = y + 12;
  let ly = t.write(both(L.seller, locale), x, top, { bold: true, width: half });
  ly = t.write(printable(parties.seller.name), x, ly, { width: half });
  ly = t.write(province ? `${province.th}, Thailand` : 'Thailand', x, ly, { width: half });
  let ry = t.write(both(L.buyer, locale), x + half + 16, top, { bold: true, width: half });
  ry = t.write(printable(parties.buyer.companyName), x + half + 16, ry, { width: half });
  ry = t.write(`${parties.buyer.country} · ${parties.buyer.registrationNumber}`, x + half + 16, ry, { width: half });
  y = Math.max(ly, ry) + 12;

  y = t.write(`${both(L.terms, locale)}: ${o.incoterm} ${printable(o.place)}`, x, y, { width: W });
  y += 8;
  const priced = kind !== 'packing-list';
  const cols = priced ? [0, 0.5, 0.68, 0.84] : [0, 0.6, 0.8];
  const heads = priced ? [L.goods, L.quantity, L.unitPrice, L.total] : [L.goods, L.quantity, L.packages];
  heads.forEach((h, i) => {
    t.write(h[locale], x + cols[i] * W, y, { bold: true, width: (cols[i + 1] ?? 1) * W - cols[i] * W - 4 });
  });
  y += t.lineHeight() + 4;
  doc
    .moveTo(x, y)
    .lineTo(x + W, y)
    .stroke('#888');
  y += 4;
  const cells = priced
    ? [
        printable(o.product),
        `${o.quantity.toLocaleString('en')} ${o.unit}`,
        formatMoney(o.unitPriceSatang, 'THB', locale),
        formatMoney(o.totalSatang, 'THB', locale),
      ]
    : [printable(o.product), `${o.quantity.toLocaleString('en')} ${o.unit}`, String(o.shipment?.packages ?? '')];
  let rowEnd = y;
  cells.forEach((c, i) => {
    rowEnd = Math.max(rowEnd, t.write(c, x + cols[i] * W, y, { width: (cols[i + 1] ?? 1) * W - cols[i] * W - 4 }));
  });
  y = rowEnd + 12;

  if (priced) {
    y = t.write(`${both(L.total, locale)}: ${formatMoney(o.totalSatang, 'THB', locale)}`, x, y, { bold: true });
    y = t.write(both(L.payment, locale), x, y + 8, { bold: true });
    for (const step of o.plan) {
      const label = step.kind === 'deposit' ? L.deposit : step.kind === 'balance' ? L.balance : L.sample;
      const pct =
        step.kind === 'deposit'
          ? ` ${o.depositPercent}%`
          : step.kind === 'balance'
            ? ` ${100 - o.depositPercent}%`
            : '';
      y = t.write(`${label[locale]}${pct}: ${formatMoney(step.amountSatang, 'THB', locale)}`, x + 12, y);
    }
  }
  if (kind !== 'proforma-invoice' && o.shipment) {
    y += 8;
    const docLabel = o.shipment.document === 'awb' ? L.awb : L.bl;
    y = t.write(`${both(L.transport, locale)}: ${docLabel[locale]} ${o.shipment.number}`, x, y, { width: W });
    if (o.shipment.carrier) y = t.write(printable(o.shipment.carrier), x + 12, y, { width: W });
    y = t.write(`${both(L.packages, locale)}: ${o.shipment.packages ?? ''}`, x, y);
    y = t.write(`${both(L.gross, locale)}: ${(o.shipment.grossWeightKg ?? 0).toLocaleString('en')}`, x, y);
  }
  y += 8;
  y = t.write(both(L.origin, locale), x, y, { width: W });
  if (kind === 'proforma-invoice') t.write(both(L.proformaNote, locale), x, y + 8, { size: 9, width: W });
  return finishPdf(doc);
}
