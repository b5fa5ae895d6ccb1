// Shop A's world for the tenant matrix (test/tenant-matrix.test.ts): one real object of every kind
// the route table names, made through each module's own API and test helpers, all owned by shop A
// (or, where a person owns it, by A's owner or a buyer of A's who is none of the matrix's actors).
// The matrix finds most ids itself by table name; `known` pins the row where the fixture knows it
// (a session's public id, not its hash), `params` holds the values of parameters that are not ids of
// a table (a course of the catalogue in code, an ASN's number).
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { drainOutbox } from './db.ts';
import { PNG, multipart } from './uploads.ts';
import type { Market } from './e2e/market.ts';
import { systemActor } from '../src/platform/actor.ts';
import { queryRows } from '../src/platform/db.ts';
import { newId } from '../src/platform/ids.ts';
import { operatorSession, signUp } from '../src/modules/identity/testing.ts';
import { paidCrossBorderOrder, paidOrder } from '../src/modules/hub/testing.ts';
import { bondedProduct } from '../src/modules/crossborder/testing.ts';
import { receiveReceipt } from '../src/modules/customs/testing.ts';
import { advanceOrderByCarrier, markGroupPaid } from '../src/modules/orders/index.ts';
import { DEMO_COURSE_ID } from '../src/modules/academy/index.ts';
import { certifyAsTrainer, openTestCohort, openTestSession } from '../src/modules/academy/testing.ts';
import { experienceWithSlots } from '../src/modules/tourism/testing.ts';
import { applyFor, giveConsent, sandboxLender } from '../src/modules/finance/testing.ts';
import { fdaNumber, packedFromLot, uploadCertificate } from '../src/modules/standards/testing.ts';

type Inject = Awaited<ReturnType<FastifyInstance['inject']>>;

export interface VictimWorld {
  /** Ids by table name, where the fixture knows the row better than "any row of A's". */
  known: Record<string, string>;
  /** Values of route parameters that name no table row: by the path up to it (`/api/…/payments/:id`), `segment/:param` or parameter name (`courseId`). */
  params: Record<string, string>;
  /** Fixtures that could not be made, with the answer (shown by the matrix, never silently dropped). */
  failed: string[];
}

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

/** Makes shop A's objects for every module; a fixture that fails is collected (the matrix still runs, then fails on it). */
export async function victimWorld(app: FastifyInstance, market: Market): Promise<VictimWorld> {
  const a = market.durian.seller;
  const variantId = market.durian.variantIds[0];
  const known: Record<string, string> = {};
  const params: Record<string, string> = {};
  const failed: string[] = [];
  const call = async (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    cookie: string,
    payload?: object,
  ): Promise<Inject> => {
    const res = await app.inject({
      method,
      url,
      headers: { cookie, 'idempotency-key': newId() },
      ...(payload === undefined ? {} : { payload }),
    });
    if (res.statusCode >= 300) failed.push(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    return res;
  };
  const attempt = async (what: string, make: () => Promise<unknown>) => {
    try {
      await make();
    } catch (err) {
      failed.push(`${what}: ${(err as Error).message.slice(0, 200)}`);
    }
  };

  // Webhooks first, so that A's later paid orders leave deliveries in its endpoint's log.
  await call('POST', `/api/sellers/${a.sellerId}/webhook-endpoints`, a.cookie, {
    url: 'https://93.184.215.14/talad-hooks',
    topics: ['order.paid', 'order.refunded'],
  });

  // The hub: an ASN received and put away, a wave picked, an outbound order packed (standards' helper).
  await attempt('hub work', async () => {
    const packed = await packedFromLot(app, a, variantId, 'MATRIX-L1');
    known.hub_outbound_orders = packed.outboundId;
    const [asn] = await queryRows<{ id: string; number: string }>(
      app.db,
      sql`select id::text as id, number::text as number from hub_inbound_shipments where seller_id = ${a.sellerId}::uuid limit 1`,
    );
    if (asn) {
      known.hub_inbound_shipments = asn.id;
      params['inbound/:number'] = asn.number;
    }
  });

  // Standards: a certificate waiting for review, and a lot of A's durian.
  await attempt('certificate', async () => {
    const cert = await uploadCertificate(app, a, {
      kind: 'fda',
      productId: market.durian.productId,
      number: fdaNumber(),
    });
    if (cert.statusCode !== 201) throw new Error(`${cert.statusCode} ${cert.body}`);
    known.standards_certificates = cert.json().id;
  });
  await call('POST', `/api/sellers/${a.sellerId}/lots`, a.cookie, {
    productId: market.durian.productId,
    lotNumber: 'MATRIX-LOT-1',
    producerName: 'สวนนายสมชาย แปลงที่ 3',
    plot: 'แปลงที่ 3',
    areaCode: '220101',
    harvestedOn: day(-3).slice(0, 10),
    processedOn: day(-2).slice(0, 10),
    certificateIds: [],
  });

  // A delivered order of A's: its buyer reviews it and asks to return it with a photo; A accepts and
  // the buyer books the return label (a shipment of A's).
  await attempt('delivered order', async () => {
    const o = await paidOrder(app, variantId, 1);
    await app.db.transaction(async (tx) => {
      await advanceOrderByCarrier(tx, systemActor('shipping'), o.orderId, 'shipped', 'EB000000015TH');
      await advanceOrderByCarrier(tx, systemActor('shipping'), o.orderId, 'delivered');
    });
    await drainOutbox(app);
    const review = await call('POST', '/api/reviews', o.buyerCookie, {
      orderId: o.orderId,
      lineNo: 0,
      rating: 5,
      body: 'หวานมาก',
      language: 'th',
    });
    if (review.statusCode === 201) known.reviews = review.json().id;
    const ret = await call('POST', `/api/orders/${o.orderId}/returns`, o.buyerCookie, {
      lineNo: 0,
      kind: 'return',
      reason: 'damaged',
      quantity: 1,
      note: 'เปลือกแตก',
    });
    if (ret.statusCode !== 201) return;
    const returnId = ret.json().id as string;
    known.returns = returnId;
    const photo = multipart([{ name: 'file', filename: 'durian.png', type: 'image/png', data: PNG }]);
    const up = await app.inject({
      method: 'POST',
      url: `/api/returns/${returnId}/photos`,
      headers: { cookie: o.buyerCookie, ...photo.headers },
      payload: photo.payload,
    });
    if (up.statusCode !== 201) failed.push(`return photo → ${up.statusCode} ${up.body.slice(0, 200)}`);
    await call('POST', `/api/returns/${returnId}/decision`, a.cookie, { decision: 'accept' });
    await call('POST', `/api/returns/${returnId}/label`, o.buyerCookie);
  });

  // Campaigns: a flash sale of A's durian from tomorrow (so no fixture's order is priced by it), a voucher.
  await call('POST', `/api/sellers/${a.sellerId}/campaigns`, a.cookie, {
    name: { th: 'ทุเรียนราคาพิเศษ', zh: '榴莲特卖', en: 'Durian flash sale' },
    startsAt: day(1),
    endsAt: day(2),
    items: [{ variantId, priceSatang: 99_000, stockLimit: 10, perBuyerLimit: 1 }],
  });
  await call('POST', `/api/sellers/${a.sellerId}/vouchers`, a.cookie, {
    code: 'MATRIXA',
    name: { th: 'ส่วนลด', en: 'Discount' },
    kind: 'amount',
    amountSatang: 5_000,
    perBuyerLimit: 1,
    totalLimit: 100,
    startsAt: day(1),
    endsAt: day(2),
  });

  // Tourism: A's experience with slots, and a visitor's paid booking of it.
  await attempt('tourism', async () => {
    const ex = await experienceWithSlots(app, { shop: a, capacity: 10, days: 2 });
    known.tourism_experiences = ex.experienceId;
    known.tourism_slots = ex.slots[0].id;
    const visitor = await signUp(app, { displayName: 'นักท่องเที่ยว' });
    const booking = await call('POST', '/api/tourism/bookings', visitor.cookie, {
      slotId: ex.slots[0].id,
      units: { adult: 2 },
    });
    if (booking.statusCode !== 201) return;
    known.tourism_bookings = booking.json().bookingId;
    await markGroupPaid(app.db, systemActor('payments'), booking.json().groupId);
    await drainOutbox(app);
  });

  // Academy: A's owner passes the course quizzes (attempts, credentials), so is a trainer, and opens
  // a cohort with a session running.
  await attempt('academy', async () => {
    await certifyAsTrainer(app, a.cookie);
    const course = (await app.inject({ url: `/api/academy/courses/${DEMO_COURSE_ID}` })).json();
    params.courseId = DEMO_COURSE_ID;
    const lessonId = course.modules?.[0]?.lessons?.[0]?.id;
    if (lessonId) params.lessonId = lessonId;
    known.users = a.userId;
    const [attempt] = await queryRows<{ id: string; credential: string | null }>(
      app.db,
      sql`select a.id::text as id, (select c.id::text from academy_credentials c where c.user_id = a.user_id limit 1) as credential
          from academy_attempts a where a.user_id = ${a.userId}::uuid limit 1`,
    );
    if (attempt) known.academy_attempts = attempt.id;
    if (attempt?.credential) known.academy_credentials = attempt.credential;
    const cohort = await openTestCohort(app, a.cookie);
    known.academy_cohorts = cohort.id;
    known.academy_sessions = (await openTestSession(app, a.cookie, cohort.id)).id;
  });

  // Finance: a sandbox lender, A's consent to it and A's application (its lender is nobody in the matrix).
  await attempt('finance', async () => {
    const lender = await sandboxLender(app);
    known.finance_lenders = lender.lenderId;
    const consent = await giveConsent(app, a, lender.lenderId);
    if (consent.statusCode === 201) known.finance_consents = consent.json().id;
    else failed.push(`consent → ${consent.statusCode} ${consent.body.slice(0, 200)}`);
    const applied = await applyFor(app, a, { productId: lender.revenueProductId, amount: 1_000_000, tenorMonths: 6 });
    if (applied.statusCode === 201) known.finance_applications = applied.json().id;
    else failed.push(`application → ${applied.statusCode} ${applied.body.slice(0, 200)}`);
  });

  // Customs: a cross-border order of A's bonded rice, paid by a Chinese buyer, its payment rejected by customs.
  await attempt('customs rejection', async () => {
    const rice = await bondedProduct(app.db, a.sellerId, { stock: 10 });
    const placed = await paidCrossBorderOrder(app, app.config, rice.variantId, 1);
    const [msg] = await queryRows<{ guid: string }>(
      app.db,
      sql`select guid from customs_messages where order_id = ${placed.orderId}::uuid and type = 'CEB411'`,
    );
    if (!msg) throw new Error('no payment declaration');
    // The sandbox wallet's payment behind it (the stand-in for Alipay's own page).
    const [charge] = await queryRows<{ id: string }>(
      app.db,
      sql`select id from sandbox_gateway_charges where gateway = 'alipay' order by created_at desc limit 1`,
    );
    if (charge) params['/api/sandbox-gateway/alipay/payments/:id'] = charge.id;
    await app.db.transaction((tx) =>
      receiveReceipt(tx, app.config, {
        receiptId: `MATRIX-412-${msg.guid}`,
        messageGuid: msg.guid,
        messageType: 'CEB411',
        orderNo: placed.orderNo,
        code: '412',
        passed: false,
        returnStatus: '100',
        reasons: [{ code: 'payer_not_buyer' }],
      }),
    );
  });

  // Catalogue: a picture of A's durian.
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 200, g: 160, b: 40 } } })
    .png()
    .toBuffer();
  const picture = multipart([{ name: 'file', filename: 'durian.png', type: 'image/png', data: png }]);
  const image = await app.inject({
    method: 'POST',
    url: `/api/sellers/${a.sellerId}/products/${market.durian.productId}/images`,
    headers: { cookie: a.cookie, ...picture.headers },
    payload: picture.payload,
  });
  if (image.statusCode !== 201) failed.push(`product image → ${image.statusCode} ${image.body.slice(0, 200)}`);

  // Operators' objects around A: a payout batch paying A's delivered order, a tourism reseller.
  const operator = await operatorSession(app);
  await call('POST', '/api/operator/payout-batches', operator.cookie, { minimumAmount: 0, holdDays: 0 });
  await call('POST', '/api/operator/tourism/resellers', operator.cookie, { name: 'Fliggy (test)' });

  // Identity: the public id of one of A's owner's sessions.
  const sessions = await app.inject({ url: '/api/auth/sessions', headers: { cookie: a.cookie } });
  const mine = (sessions.json() as { id: string; current: boolean }[]).find((s) => !s.current) ?? sessions.json()[0];
  if (mine) known.sessions = mine.id;
  return { known, params, failed };
}
