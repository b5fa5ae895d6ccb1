// The shipping label (A6, one page per parcel): a Code 128 barcode of the tracking number (bars
// drawn from bwip-js's encoding, as vectors), a QR code of the tracking page, sender and receiver
// (Thai script for domestic parcels, Chinese for cross-border ones, in the bundled fonts), parcel n
// of N and its weight. Parcels the carrier sandbox carries say so on the label. Text goes through
// the platform's PDF writer (platform/pdf-text.ts): fonts per character with emoji and symbol
// fallbacks, and a text layer that extracts as written (pdftotext reads "ผู้รับ").
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { createRequire } from 'node:module';
import { systemActor } from '../../platform/actor.ts';
import { pickText } from '../../platform/i18n.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import type { Executor } from '../../platform/db.ts';
import { finishPdf, PdfText, printable } from '../../platform/pdf-text.ts';
import { thaiAddressLine } from '../../platform/thai.ts';
import { getTaxProfile } from '../documents/index.ts';
import { hubLocations } from '../inventory/index.ts';
import { sellerFacts } from '../sellers/index.ts';
import { orderFacts, shippingAddressOf } from '../orders/index.ts';
import { CARRIERS, type CarrierCode } from './carriers.ts';
import type { ShippingConfig } from './config.ts';
import type { shipments } from './schema.ts';

export interface LabelData {
  carrier: CarrierCode;
  trackingNumber: string;
  trackingUrl: string;
  orderNumber: string;
  sandbox: boolean;
  crossBorder: boolean;
  sender: { name: string; address: string };
  receiver: { name: string; phone: string; address: string };
  parcels: { weightGrams: number; lengthMm: number; widthMm: number; heightMm: number }[];
  /** Trace pages of the lots in the parcel (their QR codes go at the foot of the label). */
  trace?: TraceQr[];
}

/** A QR code to a lot's public trace page, with the lot number printed beside it. */
export interface TraceQr {
  lotNumber: string;
  url: string;
}

/** What the caller adds to a label (the hub: the trace codes of the lots it packed). */
export interface LabelExtras {
  trace?: TraceQr[];
}

// bwip-js's ES module build exports the "raw" symbology under the name of its raw() encoder, so the
// encoder is taken from its CommonJS build.
const bwipjs = createRequire(import.meta.url)('bwip-js/node') as typeof import('bwip-js/node');

/** Code 128 as bar and space widths in modules, starting with a bar (bwip-js's encoder). */
export function code128Widths(text: string): number[] {
  const [symbol] = bwipjs.raw('code128', text, '') as { sbs: number[] }[];
  return symbol.sbs;
}

const kg = (g: number) => `${(g / 1000).toFixed(g % 1000 === 0 ? 0 : g % 100 === 0 ? 1 : 2)} kg`;

export async function labelData(
  db: Executor,
  s: typeof shipments.$inferSelect,
  config: ShippingConfig,
): Promise<LabelData> {
  const actor = systemActor('shipping');
  const [order, shops, hubs, tax] = await Promise.all([
    orderFacts(db, s.orderId),
    sellerFacts(db, [s.sellerId]),
    hubLocations(db),
    getTaxProfile(db, actor, s.sellerId),
  ]);
  const shop = shops.get(s.sellerId)!;
  const crossBorder = !!s.consignee;
  const hub = hubs.find((h) => h.id === s.fromLocationId);
  const province = (code: string) => provinceByCode(code);
  const shopName = crossBorder ? pickText(shop.shopName, 'zh') : shop.shopName.th;
  const from = hub
    ? `${hub.names[crossBorder ? 'zh' : 'th']}, ${crossBorder ? (province(hub.provinceCode)?.zh ?? '') : (province(hub.provinceCode)?.th ?? '')}`
    : (tax?.registeredAddress ??
      (crossBorder ? province(shop.provinceCode)?.zh : `จ.${province(shop.provinceCode)?.th}`) ??
      '');
  const a = shippingAddressOf(order);
  const receiver = s.consignee
    ? {
        name: printable(s.consignee.name),
        phone: printable(s.consignee.phone),
        address: `${printable(s.consignee.address)} (${s.consignee.districtCode})`,
      }
    : { name: printable(a.name), phone: printable(a.phone), address: thaiAddressLine(a) };
  const shopEnd = { name: printable(hub ? `${shopName} (${hub.code})` : shopName), address: printable(from) };
  // A return parcel goes the other way: from the buyer back to the shop (or the hub).
  const isReturn = s.fulfilment === 'return';
  return {
    carrier: s.carrier as CarrierCode,
    trackingNumber: s.trackingNumber,
    trackingUrl: `${config.publicUrl}/track/${s.trackingNumber}`,
    orderNumber: order.number,
    sandbox: config.sandbox && CARRIERS[s.carrier as CarrierCode].sandboxTracked,
    crossBorder,
    sender: isReturn ? { name: receiver.name, address: `${receiver.address} · ${receiver.phone}` } : shopEnd,
    receiver: isReturn ? { ...shopEnd, phone: '-' } : receiver,
    parcels: s.parcels,
  };
}

export async function shipmentLabel(
  db: Executor,
  s: typeof shipments.$inferSelect,
  config: ShippingConfig,
  extras: LabelExtras = {},
): Promise<Buffer> {
  return renderLabel({ ...(await labelData(db, s, config)), trace: extras.trace });
}

export async function renderLabel(d: LabelData, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A6',
    margin: 14,
    autoFirstPage: false,
    compress: opts.compress ?? true,
    lang: d.crossBorder ? 'zh-CN' : 'th-TH',
    info: { Title: `${d.trackingNumber}`, Subject: d.orderNumber },
  });
  const t = new PdfText(doc);
  const carrier = CARRIERS[d.carrier];
  const widths = code128Widths(d.trackingNumber);
  const modules = widths.reduce((a, b) => a + b, 0);
  const qr = QRCode.create(d.trackingUrl, { errorCorrectionLevel: 'M' });
  const tr = (th: string, zh: string) => (d.crossBorder ? `${zh} / ${th}` : th);

  d.parcels.forEach((p, i) => {
    doc.addPage();
    const W = doc.page.width,
      M = 14;
    let y = M;
    const carrierName = d.crossBorder
      ? `${carrier.name.zh} · ${carrier.name.en}`
      : `${carrier.name.th} ${carrier.name.en}`;
    t.write(carrierName, M, y, { size: d.crossBorder ? 9 : 11, bold: true });
    t.write(`${i + 1}/${d.parcels.length}`, W - M - 36, y, { width: 36, align: 'right', size: 11, bold: true });
    y += 18;
    if (d.sandbox) {
      doc.rect(M, y, W - 2 * M, 14).fill('#000');
      t.write(d.crossBorder ? 'SANDBOX · 测试 非真实包裹 · ทดสอบ' : 'SANDBOX · ทดสอบ ไม่ใช่พัสดุจริง', M + 6, y + 1, {
        size: 8,
        bold: true,
        color: '#fff',
      });
      y += 18;
    }
    // Code 128: quiet zones of 10 modules either side, bars at least 0.9 pt wide.
    const module = Math.min((W - 2 * M) / (modules + 20), 1.6);
    let x = M + (W - 2 * M - modules * module) / 2;
    widths.forEach((w, k) => {
      if (k % 2 === 0) doc.rect(x, y, w * module, 48).fill('#000');
      x += w * module;
    });
    y += 52;
    t.write(d.trackingNumber, M, y, { width: W - 2 * M, align: 'center', size: 12, bold: true });
    y += 20;
    doc
      .moveTo(M, y)
      .lineTo(W - M, y)
      .lineWidth(0.5)
      .stroke();
    y += 6;
    const block = (title: string, name: string, lines: string[]) => {
      // Beside the QR code (the top 200 pt) the text leaves it room.
      const width = () => W - 2 * M - (y < 200 ? 76 : 0);
      y = t.write(title, M, y, { size: 8, width: width() });
      y = t.write(name, M, y, { size: 11, bold: true, width: width() });
      for (const l of lines) y = t.write(l, M, y, { size: 9, width: width() });
      y += 4;
    };
    // QR to the tracking page, beside the sender.
    const qrTop = y,
      cell = 68 / qr.modules.size;
    for (let r = 0; r < qr.modules.size; r++)
      for (let c = 0; c < qr.modules.size; c++) {
        if (qr.modules.get(r, c)) doc.rect(W - M - 68 + c * cell, qrTop + r * cell, cell, cell).fill('#000');
      }
    block(tr('ผู้ส่ง', '寄件人'), d.sender.name, [d.sender.address]);
    y = Math.max(y, qrTop + 72);
    doc
      .moveTo(M, y)
      .lineTo(W - M, y)
      .stroke();
    y += 6;
    block(tr('ผู้รับ', '收件人'), d.receiver.name, [d.receiver.address, `${tr('โทร', '电话')} ${d.receiver.phone}`]);
    doc
      .moveTo(M, y)
      .lineTo(W - M, y)
      .stroke();
    y += 4;
    const facts = `${tr('คำสั่งซื้อ', '订单')} ${d.orderNumber} · ${tr('น้ำหนัก', '重量')} ${kg(p.weightGrams)} · ${p.lengthMm / 10}×${p.widthMm / 10}×${p.heightMm / 10} cm`;
    t.write(facts, M, y, { size: 8, width: W - 2 * M });
    // Trace codes of the lots inside (at most two), at the foot: 48 pt squares, the lot number beside.
    (d.trace ?? []).slice(0, 2).forEach((lot, k) => {
      const size = 48,
        top = doc.page.height - M - size,
        left = M + k * ((W - 2 * M) / 2);
      const code = QRCode.create(lot.url, { errorCorrectionLevel: 'M' });
      const c = size / code.modules.size;
      for (let r = 0; r < code.modules.size; r++)
        for (let col = 0; col < code.modules.size; col++)
          if (code.modules.get(r, col)) doc.rect(left + col * c, top + r * c, c, c).fill('#000');
      t.write(tr('สแกนดูที่มาของสินค้า', '扫码溯源'), left + size + 4, top + 8, {
        size: 7,
        width: (W - 2 * M) / 2 - size - 6,
      });
      t.write(lot.lotNumber, left + size + 4, top + 22, { size: 7, width: (W - 2 * M) / 2 - size - 6, bold: true });
    });
  });
  return finishPdf(doc);
}
