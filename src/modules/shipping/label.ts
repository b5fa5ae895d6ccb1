// The shipping label (A6, one page per parcel): a Code 128 barcode of the tracking number (bars
// drawn from bwip-js's encoding, as vectors), a QR code of the tracking page, sender and receiver
// (Thai script for domestic parcels, Chinese for cross-border ones, in the bundled fonts), parcel n
// of N and its weight. Parcels the carrier sandbox carries say so on the label.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { createRequire } from 'node:module';
import { systemActor } from '../../platform/actor.ts';
import { pickText } from '../../platform/i18n.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import type { Executor } from '../../platform/db.ts';
import { font, NOTO_SC, SARABUN, SARABUN_BOLD } from '../../platform/pdf-fonts.ts';
import { addressLine, getTaxProfile } from '../documents/index.ts';
import { hubLocations } from '../inventory/index.ts';
import { sellerFacts } from '../sellers/index.ts';
import { getOrder, shippingAddressOf } from '../orders/index.ts';
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

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;
const kg = (g: number) => `${(g / 1000).toFixed(g % 1000 === 0 ? 0 : g % 100 === 0 ? 1 : 2)} kg`;

export async function labelData(
  db: Executor,
  s: typeof shipments.$inferSelect,
  config: ShippingConfig,
): Promise<LabelData> {
  const actor = systemActor('shipping');
  const [order, shops, hubs, tax] = await Promise.all([
    getOrder(db, actor, s.orderId, 'th'),
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
        name: s.consignee.name,
        phone: s.consignee.phone,
        address: `${s.consignee.address} (${s.consignee.districtCode})`,
      }
    : { name: a.name, phone: a.phone, address: addressLine(a) };
  return {
    carrier: s.carrier as CarrierCode,
    trackingNumber: s.trackingNumber,
    trackingUrl: `${config.publicUrl}/track/${s.trackingNumber}`,
    orderNumber: order.number,
    sandbox: config.sandbox && CARRIERS[s.carrier as CarrierCode].sandboxTracked,
    crossBorder,
    sender: { name: hub ? `${shopName} (${hub.code})` : shopName, address: from },
    receiver,
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
  doc.registerFont('thai', font(SARABUN));
  doc.registerFont('thai-bold', font(SARABUN_BOLD));
  const cjk =
    d.crossBorder || [d.sender.name, d.sender.address, d.receiver.name, d.receiver.address].some((t) => CJK.test(t));
  if (cjk) doc.registerFont('cjk', font(NOTO_SC));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const fontFor = (t: string, bold = false) => (CJK.test(t) && cjk ? 'cjk' : bold ? 'thai-bold' : 'thai');
  /** Writes a line in fonts that have its glyphs: Chinese runs in Noto Sans SC, the rest in Sarabun. */
  const write = (
    t: string,
    x: number,
    y: number,
    size: number,
    opts: PDFKit.Mixins.TextOptions & { bold?: boolean } = {},
  ) => {
    const { bold, ...rest } = opts;
    const runs = cjk
      ? (t.match(/[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+|[^\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+/g) ?? [t])
      : [t];
    runs.forEach((run, i) => {
      doc.font(fontFor(run, bold)).fontSize(size);
      const continued = i < runs.length - 1;
      if (i === 0) doc.text(run, x, y, { ...rest, continued });
      else doc.text(run, { continued });
    });
  };
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
    write(carrierName, M, y, d.crossBorder ? 9 : 11, { width: W - 2 * M - 40, lineBreak: false, bold: true });
    doc
      .font('thai-bold')
      .fontSize(11)
      .text(`${i + 1}/${d.parcels.length}`, W - M - 36, y, { width: 36, align: 'right' });
    y += 18;
    if (d.sandbox) {
      doc.rect(M, y, W - 2 * M, 14).fill('#000');
      doc.fillColor('#fff');
      write(d.crossBorder ? 'SANDBOX · 测试 非真实包裹 · ทดสอบ' : 'SANDBOX · ทดสอบ ไม่ใช่พัสดุจริง', M + 6, y + 2, 8, {
        lineBreak: false,
        bold: true,
      });
      doc.fillColor('#000');
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
    doc
      .font('thai-bold')
      .fontSize(12)
      .text(d.trackingNumber, M, y, { width: W - 2 * M, align: 'center', characterSpacing: 1 });
    y += 20;
    doc
      .moveTo(M, y)
      .lineTo(W - M, y)
      .lineWidth(0.5)
      .stroke();
    y += 4;
    const block = (title: string, name: string, lines: string[]) => {
      write(title, M, y, 8, { width: W - 2 * M - 76 });
      y = doc.y;
      write(name, M, y, 11, { width: W - 2 * M - (y < 200 ? 76 : 0), bold: true });
      y = doc.y;
      for (const l of lines) {
        write(l, M, y, 9, { width: W - 2 * M - (y < 200 ? 76 : 0) });
        y = doc.y;
      }
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
    y += 4;
    block(tr('ผู้รับ', '收件人'), d.receiver.name, [d.receiver.address, `${tr('โทร', '电话')} ${d.receiver.phone}`]);
    doc
      .moveTo(M, y)
      .lineTo(W - M, y)
      .stroke();
    y += 4;
    const facts = `${tr('คำสั่งซื้อ', '订单')} ${d.orderNumber} · ${tr('น้ำหนัก', '重量')} ${kg(p.weightGrams)} · ${p.lengthMm / 10}×${p.widthMm / 10}×${p.heightMm / 10} cm`;
    write(facts, M, y, 8, { width: W - 2 * M });
    // Trace codes of the lots inside (at most two), at the foot: 48 pt squares, the lot number beside.
    (d.trace ?? []).slice(0, 2).forEach((t, k) => {
      const size = 48,
        top = doc.page.height - M - size,
        left = M + k * ((W - 2 * M) / 2);
      const code = QRCode.create(t.url, { errorCorrectionLevel: 'M' });
      const c = size / code.modules.size;
      for (let r = 0; r < code.modules.size; r++)
        for (let col = 0; col < code.modules.size; col++)
          if (code.modules.get(r, col)) doc.rect(left + col * c, top + r * c, c, c).fill('#000');
      write(tr('สแกนดูที่มาของสินค้า', '扫码溯源'), left + size + 4, top + 8, 7, { width: (W - 2 * M) / 2 - size - 6 });
      write(t.lotNumber, left + size + 4, top + 22, 7, { width: (W - 2 * M) / 2 - size - 6, bold: true });
    });
  });
  doc.end();
  return done;
}
