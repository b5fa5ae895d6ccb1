// What the hub calls: book a carrier for an order's parcels, print the label, hand the parcels over.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import jsQRModule from 'jsqr';
import { BitArray, Code128Reader } from '@zxing/library';
import { systemActor } from '../../platform/actor.ts';
import type { AppError } from '../../platform/errors.ts';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { shopWithOwner } from '../catalog/testing.ts';
import { HUB_LOCATIONS } from '../inventory/index.ts';
import { sellerLocation } from '../inventory/index.ts';
import { paidOrder, sandboxShipping } from './testing.ts';
import {
  bookShipment,
  handOverShipment,
  shipmentLabelPdf,
  shipmentsOfOrder,
  type BookShipmentInput,
} from './service.ts';
import { advanceCarrierSandbox, runCarrierSandbox } from './sandbox.ts';
import { sandboxSchedule } from './schema.ts';
import { labelData, renderLabel } from './label.ts';
import { shipments } from './schema.ts';
import { s10Problem } from './s10.ts';

// jsqr is CommonJS typed as an ES default export: under NodeNext the default import is the module.
const jsQR = ((jsQRModule as any).default ?? jsQRModule) as typeof jsQRModule.default;
const t = useTestApp();
const hub = systemActor('hub');
const parcel = (weightGrams = 5200) => ({ weightGrams, lengthMm: 400, widthMm: 300, heightMm: 250 });
const book = (input: BookShipmentInput) => t.database.db.transaction((tx) => bookShipment(tx, hub, input));
const handOver = (id: string) => t.database.db.transaction((tx) => handOverShipment(tx, hub, id, sandboxShipping));
const failure = async (p: Promise<unknown>) => {
  try {
    await p;
    return null;
  } catch (e) {
    return { status: (e as AppError).status, code: (e as AppError).code };
  }
};

/** The filled rectangles of an uncompressed PDF's pages: what pdfkit drew bars and QR cells with. */
function rects(pdf: Buffer): { x: number; y: number; w: number; h: number }[] {
  return [...pdf.toString('latin1').matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((m) => ({
    x: +m[1],
    y: +m[2],
    w: +m[3],
    h: +m[4],
  }));
}

/** Reads the first page's Code 128 barcode back from its bars, with ZXing's reader. */
function decodeBarcode(pdf: Buffer): string {
  const bars = rects(pdf).filter((r) => r.h === 48);
  const firstPageBars = bars.slice(0, bars.findIndex((b, i) => i > 0 && b.x < bars[i - 1].x) >>> 0 || bars.length);
  const module = Math.min(...firstPageBars.map((b) => b.w));
  const start = firstPageBars[0].x;
  const end = firstPageBars.at(-1)!.x + firstPageBars.at(-1)!.w;
  const width = Math.round((end - start) / module) + 20;
  const row = new BitArray(width);
  for (const b of firstPageBars) {
    const from = 10 + Math.round((b.x - start) / module);
    for (let i = 0; i < Math.round(b.w / module); i++) row.set(from + i);
  }
  return new Code128Reader().decodeRow(0, row, new Map()).getText();
}

/** Reads the first page's QR code back from its cells, with jsQR. */
function decodeQr(pdf: Buffer): string | null {
  const cells = rects(pdf).filter((r) => r.w === r.h && r.w < 5);
  const cell = cells[0].w;
  const x0 = Math.min(...cells.map((c) => c.x)),
    y0 = Math.min(...cells.map((c) => c.y));
  const n = Math.round((Math.max(...cells.map((c) => c.x)) - x0) / cell) + 1;
  const scale = 4,
    size = (n + 8) * scale;
  const img = new Uint8ClampedArray(size * size * 4).fill(255);
  for (const c of cells) {
    const cx = Math.round((c.x - x0) / cell) + 4,
      cy = Math.round((c.y - y0) / cell) + 4;
    if (cx - 4 >= n || cy - 4 >= n) continue; // the next page's cells start over
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < scale; dx++) {
        const p = ((cy * scale + dy) * size + cx * scale + dx) * 4;
        img[p] = img[p + 1] = img[p + 2] = 0;
      }
  }
  return jsQR(img, size, size)?.data ?? null;
}

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

describe('the hub books, labels and hands over', () => {
  it('books Thailand Post from the fulfilment centre with a valid S10 number, once per order and parcels', async () => {
    const o = await paidOrder(t.app, t.database.db);
    const input = {
      orderId: o.orderId,
      fromLocationId: HUB_LOCATIONS.domesticFulfilment.id,
      parcels: [parcel(), parcel(800)],
    };
    const s = await book(input);
    expect(s).toMatchObject({
      orderId: o.orderId,
      sellerId: o.shop.sellerId,
      carrier: 'thailand-post',
      status: 'booked',
      parcels: input.parcels,
    });
    expect(s10Problem(s.trackingNumber)).toBeNull();
    expect(s.trackingNumber).toMatch(/^EB\d{9}TH$/);
    expect(await book(input)).toEqual(s);
    // Repacked into one parcel: a new booking replaces the first, which was not handed over.
    const repacked = await book({ ...input, parcels: [parcel(6000)] });
    expect(repacked.id).not.toBe(s.id);
    expect((await shipmentsOfOrder(t.database.db, hub, o.orderId)).map((x) => x.id)).toEqual([repacked.id]);
  });

  it('refuses orders not paid, unknown places, and domestic parcels from the bonded hub', async () => {
    const unpaid = await paidOrder(t.app, t.database.db, { paid: false });
    expect(
      await failure(
        book({ orderId: unpaid.orderId, fromLocationId: HUB_LOCATIONS.domesticFulfilment.id, parcels: [parcel()] }),
      ),
    ).toEqual({ status: 409, code: 'order_not_ready_to_ship' });
    const o = await paidOrder(t.app, t.database.db);
    expect(
      await failure(book({ orderId: o.orderId, fromLocationId: HUB_LOCATIONS.eecBonded.id, parcels: [parcel()] })),
    ).toEqual({ status: 422, code: 'bonded_hub_domestic_parcel' });
    const otherShop = await shopWithOwner(t.database.db);
    const theirs = await sellerLocation(t.database.db, otherShop.sellerId);
    expect(await failure(book({ orderId: o.orderId, fromLocationId: theirs, parcels: [parcel()] }))).toEqual({
      status: 422,
      code: 'unknown_ship_from_location',
    });
    expect(
      await failure(
        book({
          orderId: o.orderId,
          fromLocationId: HUB_LOCATIONS.domesticFulfilment.id,
          parcels: [{ ...parcel(), weightGrams: 0 }],
        }),
      ),
    ).toEqual({ status: 422, code: 'validation_failed' });
    expect(
      await failure(
        book({
          orderId: '01930000-0000-7000-8000-000000000bad',
          fromLocationId: HUB_LOCATIONS.domesticFulfilment.id,
          parcels: [parcel()],
        }),
      ),
    ).toEqual({ status: 404, code: 'not_found' });
    // Nothing was written by the refusals.
    expect(await t.database.db.select().from(shipments).where(eq(shipments.orderId, o.orderId))).toEqual([]);
  });

  it('prints a label per parcel whose barcode and QR code read back, in Thai fonts', async () => {
    const o = await paidOrder(t.app, t.database.db);
    const s = await book({
      orderId: o.orderId,
      fromLocationId: HUB_LOCATIONS.domesticFulfilment.id,
      parcels: [parcel(), parcel(1500), parcel(300)],
    });
    const pdf = await shipmentLabelPdf(t.database.db, hub, s.id, sandboxShipping);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [row] = await t.database.db.select().from(shipments).where(eq(shipments.id, s.id));
    const data = await labelData(t.database.db, row, sandboxShipping);
    expect(data.receiver).toMatchObject({
      name: 'สมศรี ใจดี',
      address: expect.stringContaining('แขวงคลองจั่น เขตบางกะปิ กรุงเทพมหานคร 10240'),
    });
    expect(data.sender.name).toContain('BKK-FC');
    expect(data.sender.address).toContain(HUB_LOCATIONS.domesticFulfilment.names.th);
    expect(data.sandbox).toBe(true);
    const plain = await renderLabel(data, { compress: false });
    expect(pages(plain)).toBe(3);
    expect(decodeBarcode(plain)).toBe(s.trackingNumber);
    expect(decodeQr(plain)).toMatch(new RegExp(`/track/${s.trackingNumber}$`));
    expect(plain.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+Sarabun/);
    expect(plain.toString('latin1')).not.toMatch(/NotoSansSC/);

    // The shop can fetch its label over HTTP; another shop cannot.
    const mine = await t.app.inject({ url: `/api/shipments/${s.id}/label`, headers: { cookie: o.shop.cookie } });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    const other = await shopWithOwner(t.database.db);
    expect(
      (await t.app.inject({ url: `/api/shipments/${s.id}/label`, headers: { cookie: other.cookie } })).statusCode,
    ).toBe(404);
  });

  it('hands over: the order is shipped with the tracking number, and the sandbox takes it to delivered', async () => {
    const o = await paidOrder(t.app, t.database.db);
    const s = await book({
      orderId: o.orderId,
      fromLocationId: HUB_LOCATIONS.domesticFulfilment.id,
      parcels: [parcel()],
    });
    const handed = await handOver(s.id);
    expect(handed.status).toBe('handed_over');
    expect(await handOver(s.id)).toEqual(handed);
    const order = await t.app.inject({ url: `/api/orders/${o.orderId}`, headers: { cookie: o.buyer.cookie } });
    expect(order.json()).toMatchObject({ status: 'shipped', trackingNumber: s.trackingNumber });
    expect(
      await failure(
        book({ orderId: o.orderId, fromLocationId: HUB_LOCATIONS.domesticFulfilment.id, parcels: [parcel(100)] }),
      ),
    ).toEqual({ status: 409, code: 'order_already_handed_over' });
    // The carrier's schedule is in the database (a restarted process carries on from it), due in carrier hours.
    const schedule = await t.database.db.select().from(sandboxSchedule).where(eq(sandboxSchedule.shipmentId, s.id));
    expect(schedule.map((r) => r.code)).toContain('delivered');
    const lastDue = Math.max(...schedule.map((r) => r.dueAt.getTime()));
    expect(lastDue).toBeGreaterThan(Date.now() + 20 * 60_000); // 26+ carrier hours of 60 s each
    expect(await runCarrierSandbox(t.database.db, new Date(lastDue - 1))).toBe(schedule.length - 1);
    expect(
      (await t.app.inject({ url: `/api/orders/${o.orderId}`, headers: { cookie: o.buyer.cookie } })).json().status,
    ).toBe('shipped');
    expect(await runCarrierSandbox(t.database.db, new Date(lastDue))).toBe(1);
    expect(
      (await t.app.inject({ url: `/api/orders/${o.orderId}`, headers: { cookie: o.buyer.cookie } })).json().status,
    ).toBe('delivered');
  });

  it('calls off a booking not handed over when its order is cancelled', async () => {
    const o = await paidOrder(t.app, t.database.db);
    const s = await book({
      orderId: o.orderId,
      fromLocationId: HUB_LOCATIONS.domesticFulfilment.id,
      parcels: [parcel()],
    });
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${o.orderId}/transitions`,
      headers: { cookie: o.shop.cookie },
      payload: { to: 'cancelled', reason: 'ลูกค้าขอยกเลิก' },
    });
    expect(cancel.statusCode).toBe(200);
    await drainOutbox(t.app);
    expect(await shipmentsOfOrder(t.database.db, hub, o.orderId)).toEqual([]);
    expect(await failure(handOver(s.id))).toEqual({ status: 409, code: 'shipment_cancelled' });
  });

  it('books a cross-border parcel under its customs waybill, labels it in Chinese, and tracks it through the border', async () => {
    const o = await paidOrder(t.app, t.database.db);
    const consignee = {
      name: '王小明',
      phone: '13800138000',
      address: '云南省昆明市五华区人民中路 88 号',
      districtCode: '530102',
    };
    const s = await book({
      orderId: o.orderId,
      fromLocationId: HUB_LOCATIONS.eecBonded.id,
      parcels: [parcel()],
      crossBorder: { waybillNo: 'LH2026112200017', consignee },
    });
    expect(s).toMatchObject({ carrier: 'linehaul-cn', trackingNumber: 'LH2026112200017' });
    const [row] = await t.database.db.select().from(shipments).where(eq(shipments.id, s.id));
    const data = await labelData(t.database.db, row, sandboxShipping);
    expect(data.receiver).toEqual({
      name: '王小明',
      phone: '13800138000',
      address: '云南省昆明市五华区人民中路 88 号 (530102)',
    });
    const plain = await renderLabel(data, { compress: false });
    expect(plain.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(plain.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+Sarabun-Regular/); // Thai labels beside the Chinese
    expect(decodeBarcode(plain)).toBe('LH2026112200017');
    expect(
      await failure(
        book({
          orderId: o.orderId,
          fromLocationId: HUB_LOCATIONS.eecBonded.id,
          parcels: [parcel()],
          crossBorder: { waybillNo: 'x', consignee: { ...consignee, districtCode: '53' } },
        }),
      ),
    ).toEqual({ status: 422, code: 'validation_failed' });

    await handOver(s.id);
    await advanceCarrierSandbox(t.database.db, hub, { hours: 40, shipmentId: s.id }, sandboxShipping);
    const res = await t.app.inject({ url: `/api/tracking/${s.trackingNumber}`, headers: { 'accept-language': 'zh' } });
    const [line] = res.json();
    expect(line.events.map((e: any) => e.code)).toEqual([
      'customs_cleared',
      'at_border',
      'in_transit',
      'accepted',
      'booked',
    ]);
    expect(line.events[1]).toMatchObject({ label: '到达口岸，等待海关放行', place: '云南磨憨口岸' });
    expect(res.body).not.toContain('王小明'); // the public page shows no names or addresses
  });
});
