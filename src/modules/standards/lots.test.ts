// Lots from the farm to the buyer: recorded with their place and dates, linked to the hub's lot of
// the same number, traced on a public page (no buyer data) whose QR code the hub's label carries,
// and recalled in one action (the product stops selling, the hub blocks the units, buyers listed).
import { inflateSync } from 'node:zlib';
import jsQRModule from 'jsqr';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { categoryIdBySlug, productOnSale, seedCategories } from '../catalog/testing.ts';
import { operatorSession, type TestAccount } from '../identity/testing.ts';
import { approvedSeller, type TestSeller } from '../sellers/testing.ts';
import { addDays } from '../hub/testing.ts';
import { packedFromLot, REFERENCE_GIS, verifiedCertificate } from './testing.ts';

// jsqr is CommonJS typed as an ES default export: under NodeNext the default import is the module.
const jsQR = ((jsQRModule as any).default ?? jsQRModule) as typeof jsQRModule.default;
const t = useTestApp({ DATA_DIR: `/tmp/talad-lots-test-${process.pid}` });
let operator: TestAccount;
let coop: TestSeller;
let other: TestSeller;
let rice: { productId: string; variantIds: string[] };
let giCert: { id: string };

const call = (method: 'GET' | 'POST', url: string, cookie: string | null, payload?: object, lang = 'th') =>
  t.app.inject({ method, url, headers: { ...(cookie ? { cookie } : {}), 'accept-language': lang }, payload });
const lotBody = (overrides: Record<string, unknown> = {}) => ({
  productId: rice.productId,
  lotNumber: `TKR-${Date.now().toString(36).toUpperCase()}`,
  producerName: 'สมาชิกสหกรณ์ แปลงที่ 12',
  plot: 'นาแปลงที่ 12',
  areaCode: '450209',
  harvestedOn: addDays(-30),
  processedOn: addDays(-10),
  certificateIds: [giCert.id],
  ...overrides,
});

/** The page contents of a PDF whose streams pdfkit compressed (Flate). */
function pageContents(pdf: Buffer): string {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', at);
    if (start < 0) break;
    const end = pdf.indexOf('\nendstream', start);
    const body = pdf.subarray(start + 7, end);
    try {
      out.push(inflateSync(body).toString('latin1'));
    } catch {
      // a font or an image, not drawing
    }
    at = end + 10;
  }
  return out.join('\n');
}

/** The QR codes drawn as cells of one size on a label (pdfkit rectangles), read with jsQR. */
function qrCodesOf(pdf: Buffer): string[] {
  const rects = [...pageContents(pdf).matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((m) => ({
    x: +m[1],
    y: +m[2],
    w: +m[3],
    h: +m[4],
  }));
  const sizes = [...new Set(rects.filter((r) => r.w === r.h && r.w < 5).map((r) => r.w))];
  return sizes.flatMap((cell) => {
    const cells = rects.filter((r) => r.w === cell && r.h === cell);
    const x0 = Math.min(...cells.map((c) => c.x));
    const y0 = Math.min(...cells.map((c) => c.y));
    const n = Math.round((Math.max(...cells.map((c) => c.x)) - x0) / cell) + 1;
    const scale = 4;
    const size = (n + 8) * scale;
    const img = new Uint8ClampedArray(size * size * 4).fill(255);
    for (const c of cells) {
      const cx = Math.round((c.x - x0) / cell) + 4;
      const cy = Math.round((c.y - y0) / cell) + 4;
      if (cx - 4 >= n || cy - 4 >= n) continue;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const p = ((cy * scale + dy) * size + cx * scale + dx) * 4;
          img[p] = img[p + 1] = img[p + 2] = 0;
        }
    }
    const read = jsQR(img, size, size)?.data;
    return read ? [read] : [];
  });
}

beforeAll(async () => {
  await seedCategories(t.app.db);
  operator = await operatorSession(t.app);
  coop = await approvedSeller(t.app, { application: { businessType: 'cooperative', provinceCode: '45' } });
  other = await approvedSeller(t.app);
  rice = await productOnSale(t.app, coop, await categoryIdBySlug(t.app.db, 'jasmine-rice'));
  const gi = (await call('POST', '/api/operator/standards/sweep', operator.cookie)).statusCode; // the job runs for operators
  expect(gi).toBe(200);
  await t.app.inject({
    method: 'PUT',
    url: '/api/operator/standards/gis',
    headers: { cookie: operator.cookie },
    payload: REFERENCE_GIS[0],
  });
  const tkr = (await call('GET', '/api/standards/gis', null)).json().items[0];
  giCert = await verifiedCertificate(t.app, coop, operator.cookie, {
    kind: 'gi',
    productId: rice.productId,
    number: 'GI-TKR 0451/2567',
    giId: tkr.id,
    originAreaCode: '4502',
  });
});

describe('a traceable lot', () => {
  it('is recorded with its place and dates, checked against the GI it claims, and found by its trace code only', async () => {
    const bad = await call(
      'POST',
      `/api/sellers/${coop.sellerId}/lots`,
      coop.cookie,
      lotBody({ areaCode: '45', processedOn: addDays(-40) }),
      'en',
    );
    expect(bad.json().errors.map((e: any) => `${e.field}:${e.code}`)).toEqual([
      'areaCode:lot_area_needs_district',
      'processedOn:processed_before_harvest',
    ]);
    const outside = await call(
      'POST',
      `/api/sellers/${coop.sellerId}/lots`,
      coop.cookie,
      lotBody({ areaCode: '450101' }),
      'en',
    );
    expect(outside.json().errors).toEqual([expect.objectContaining({ field: 'areaCode', code: 'gi_outside_area' })]);
    const foreign = await call('POST', `/api/sellers/${other.sellerId}/lots`, other.cookie, lotBody());
    expect(foreign.json().errors.map((e: any) => e.code)).toEqual(['not_product_of_shop', 'not_certificate_of_shop']);
    const created = await call('POST', `/api/sellers/${coop.sellerId}/lots`, coop.cookie, lotBody());
    expect(created.statusCode, created.body).toBe(201);
    const lot = created.json();
    expect(lot).toMatchObject({ area: { label: 'ต.กู่กาสิงห์ อ.เกษตรวิสัย จ.ร้อยเอ็ด' }, status: 'active', hubLots: [] });
    expect(lot.traceCode).toMatch(/^[a-z2-9]{12}$/);
    expect(lot.traceUrl).toMatch(new RegExp(`/trace/${lot.traceCode}$`));
    const again = await call(
      'POST',
      `/api/sellers/${coop.sellerId}/lots`,
      coop.cookie,
      lotBody({ lotNumber: lot.lotNumber }),
    );
    expect(again.json().code).toBe('lot_number_taken');
    expect((await call('GET', '/api/trace/notacode123', null)).statusCode).toBe(404);
  });

  it('is linked to the hub’s lot, put on the label as a QR code, traced in Chinese without buyer data, and recalled in one action', async () => {
    const lot = (
      await call('POST', `/api/sellers/${coop.sellerId}/lots`, coop.cookie, lotBody({ lotNumber: 'TKR-HUB-01' }))
    ).json();
    const packed = await packedFromLot(t.app, coop, rice.variantIds[0], 'TKR-HUB-01', 2);

    // The hub's label carries the tracking QR code and the lot's trace QR code.
    const label = await call('GET', `/api/outbound/${packed.outboundId}/label.pdf`, packed.staffCookie);
    expect(label.headers['content-type']).toBe('application/pdf');
    const codes = qrCodesOf(label.rawPayload);
    expect(codes).toContain(lot.traceUrl);
    expect(codes.some((c) => /\/track\//.test(c))).toBe(true);

    // The public trace page, in Chinese: origin, cooperative, marks, dates, route through the hub.
    const trace = (
      await call('GET', new URL(lot.traceUrl).pathname.replace('/trace/', '/api/trace/'), null, undefined, 'zh')
    ).json();
    expect(trace).toMatchObject({
      lotNumber: 'TKR-HUB-01',
      status: 'active',
      producer: { area: 'ต.กู่กาสิงห์ อ.เกษตรวิสัย จ.ร้อยเอ็ด', province: '黎逸' },
      harvestedOn: addDays(-30),
    });
    expect(trace.marks.map((m: any) => [m.kind, m.label])).toEqual([['gi', '地理标志 (GI)']]);
    expect(trace.route.map((s: any) => s.code)).toEqual(['farm', 'processing', 'hub', 'buyer']);
    expect(trace.route[2].title).toBe('Talad 配送中心');
    expect(trace.map.provinces.map((p: any) => [p.code, p.role])).toEqual([
      ['45', 'farm'],
      ['11', 'hub'],
    ]);
    const map = await call('GET', trace.map.url, null);
    expect(map.headers['content-type']).toContain('image/svg+xml');
    expect(map.body).toContain('<title>府地图：黎逸, 北榄</title>');
    // No buyer data: neither the buyer's name, phone, address nor the order.
    const order = (await call('GET', `/api/orders/${packed.orderId}`, packed.buyerCookie)).json();
    const page = JSON.stringify(trace);
    for (const secret of [
      order.shippingAddress.name,
      order.shippingAddress.phone,
      order.shippingAddress.houseNumber,
      String(order.number),
      packed.orderId,
    ])
      expect(page).not.toContain(secret);

    // The shop sees the hub's lot beside its own; another shop sees nothing.
    const detail = (await call('GET', `/api/lots/${lot.id}`, coop.cookie)).json();
    expect(detail.hubLots).toEqual([expect.objectContaining({ lotNumber: 'TKR-HUB-01', units: 8, blocked: false })]);
    expect((await call('GET', `/api/lots/${lot.id}`, other.cookie)).statusCode).toBe(404);
    expect((await call('POST', `/api/lots/${lot.id}/recall`, other.cookie, { reason: 'x' })).statusCode).toBe(404);

    // Recall: one action. The product stops selling, the hub blocks the units, the buyers are listed.
    const recalled = await call('POST', `/api/lots/${lot.id}/recall`, coop.cookie, { reason: 'พบความชื้นเกินมาตรฐาน' });
    expect(recalled.statusCode, recalled.body).toBe(200);
    expect(recalled.json()).toMatchObject({ status: 'recalled', recallReason: 'พบความชื้นเกินมาตรฐาน' });
    expect(recalled.json().buyers).toEqual([
      expect.objectContaining({
        orderId: packed.orderId,
        certainty: 'picked',
        quantity: 2,
        buyerName: order.shippingAddress.name,
      }),
    ]);
    expect((await t.app.inject({ url: `/api/products/${rice.productId}` })).statusCode).toBe(404);
    await drainOutbox(t.app);
    const [hubLot] = await queryRows<{ block_reason: string }>(
      t.app.db,
      sql`select block_reason from hub_lots where lot_number = 'TKR-HUB-01'`,
    );
    expect(hubLot.block_reason).toBe('recalled');
    // The operator sees the same list; the trace page warns whoever scans a pack.
    const asOperator = (await call('GET', `/api/lots/${lot.id}`, operator.cookie)).json();
    expect(asOperator.buyers.map((b: any) => b.orderId)).toEqual([packed.orderId]);
    const warned = (await call('GET', `/api/trace/${lot.traceCode}`, null, undefined, 'en')).json();
    expect(warned).toMatchObject({ status: 'recalled', recallReason: 'พบความชื้นเกินมาตรฐาน' });
    expect(JSON.stringify(warned)).not.toContain(order.shippingAddress.name);
  });
});
