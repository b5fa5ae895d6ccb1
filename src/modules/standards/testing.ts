// Test fixtures for product standards: a multipart certificate upload as a browser sends it, small
// documents of each accepted type, numbers that are valid and different on every call, the
// operator's verification, and a hub order packed from a named lot (for trace QR codes and recalls).
import type { FastifyInstance } from 'fastify';
import { drainOutbox } from '../../../test/db.ts';
import { PDF, multipart } from '../../../test/uploads.ts';
export { multipart, PDF, PNG } from '../../../test/uploads.ts';
import { HUB_LOCATIONS } from '../inventory/index.ts';
import { addDays, hubWorker, paidOrder } from '../hub/testing.ts';

let counter = 0;
/** A well-formed FDA food number of Phetchabun (67), made in a provincially licensed premises, unique per call. */
export function fdaNumber(): string {
  const seq = String(((Date.now() + ++counter) % 9000) + 1000);
  return `67-2-00358-2-${seq === '0000' || seq === '9999' ? '1234' : seq}`;
}

const days = (n: number) => addDays(n);

/** Uploads a certificate for a shop; the document defaults to a small PDF. */
export function uploadCertificate(
  app: FastifyInstance,
  shop: { sellerId: string; cookie: string },
  certificate: Record<string, unknown>,
  opts: { document?: Buffer; filename?: string; lang?: string } = {},
) {
  const body = multipart([
    { name: 'certificate', value: JSON.stringify({ issuedOn: days(-100), expiresOn: days(600), ...certificate }) },
    {
      name: 'document',
      filename: opts.filename ?? 'certificate.pdf',
      type: 'application/pdf',
      data: opts.document ?? PDF,
    },
  ]);
  return app.inject({
    method: 'POST',
    url: `/api/sellers/${shop.sellerId}/certificates`,
    headers: { cookie: shop.cookie, 'accept-language': opts.lang ?? 'th', ...body.headers },
    payload: body.payload,
  });
}

/** The operator verifies a certificate; the outbox is delivered (search follows). */
export async function verify(app: FastifyInstance, operatorCookie: string, certificateId: string) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/operator/standards/certificates/${certificateId}/verify`,
    headers: { cookie: operatorCookie },
  });
  if (res.statusCode !== 200) throw new Error(`not verified: ${res.statusCode} ${res.body}`);
  await drainOutbox(app);
  return res.json();
}

/** A certificate uploaded and verified in one go; returns its view. */
export async function verifiedCertificate(
  app: FastifyInstance,
  shop: { sellerId: string; cookie: string },
  operatorCookie: string,
  certificate: Record<string, unknown>,
) {
  const res = await uploadCertificate(app, shop, certificate);
  if (res.statusCode !== 201) throw new Error(`not uploaded: ${res.statusCode} ${res.body}`);
  return verify(app, operatorCookie, res.json().id);
}

/**
 * The shop's units of `lotNumber` received at the fulfilment centre and put away, a buyer's paid
 * order of `quantity` picked from them and packed: returns the outbound order, its staff and buyer.
 */
export async function packedFromLot(
  app: FastifyInstance,
  shop: { sellerId: string; cookie: string },
  variantId: string,
  lotNumber: string,
  quantity = 2,
): Promise<{ outboundId: string; orderId: string; staffCookie: string; buyerCookie: string }> {
  const FC = HUB_LOCATIONS.domesticFulfilment.id;
  const staff = await hubWorker(app.db, FC);
  const call = async (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => {
    const res = await app.inject({ method, url, headers: { cookie }, payload });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const asn = await call('POST', `/api/sellers/${shop.sellerId}/inbound`, shop.cookie, {
    locationId: FC,
    cartons: 1,
    lines: [{ variantId, quantity: 10, lotNumber, productionDate: days(-5), expiryDate: days(300) }],
  });
  await call('POST', `/api/inbound/${asn.id}/receipts`, staff.cookie, { code: lotNumber, quantity: 10 });
  await call('POST', `/api/inbound/${asn.id}/close`, staff.cookie);
  for (const item of (await call('GET', `/api/hubs/${FC}/dock`, staff.cookie)).items)
    await call('POST', `/api/hubs/${FC}/moves`, staff.cookie, {
      lotId: item.lotId,
      fromBin: item.binCode,
      toBin: item.suggestedBin,
      quantity: item.quantity,
    });
  const { orderId, buyerCookie } = await paidOrder(app, variantId, quantity);
  const ob = (await call('GET', `/api/hubs/${FC}/outbound`, staff.cookie)).items.find(
    (o: any) => o.orderId === orderId,
  );
  await call('POST', `/api/hubs/${FC}/release-work`, staff.cookie, {});
  for (const wave of (await call('GET', `/api/hubs/${FC}/waves`, staff.cookie)).items)
    for (const p of (await call('GET', `/api/waves/${wave.id}/picks`, staff.cookie)).items)
      await call('POST', `/api/picks/${p.id}/confirm`, staff.cookie, { binCode: p.binCode, code: p.lotNumber });
  await call('POST', `/api/outbound/${ob.id}/pack`, staff.cookie, {
    parcels: [{ weightGrams: 5200, lengthMm: 400, widthMm: 300, heightMm: 200 }],
  });
  return { outboundId: ob.id, orderId, staffCookie: staff.cookie, buyerCookie };
}

export * from './index.ts';
export { sweepCertificates } from './review.ts';
export { REFERENCE_GIS } from './gis.ts';
