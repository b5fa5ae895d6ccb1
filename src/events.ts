// The event catalogue: every topic of the outbox, the module that produces it and its payload.
// `emit` and `on` are typed from it, and the outbox worker checks each payload against its schema
// before any handler sees it (a payload that misses a field is never delivered; it waits with its
// error). A module that makes a change others must see adds its topic here and emits it in the
// transaction of the change; later modules subscribe with `on(topic, handler)` in their manifest.
import { type Static, type TSchema, Type } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Db, Executor } from './platform/db.ts';
import { coalescing, emitRaw, type OutboxHandler } from './platform/outbox.ts';
import type { Subscription } from './platform/module.ts';

const Id = Type.String({ format: 'uuid' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const OrderStatus = Type.Union([
  Type.Literal('pending_payment'),
  Type.Literal('paid'),
  Type.Literal('processing'),
  Type.Literal('shipped'),
  Type.Literal('delivered'),
  Type.Literal('cancelled'),
]);

const event = <P extends TSchema>(producer: string, payload: P, description: string) => ({
  producer,
  payload,
  description,
});

/** An order changed status (one topic per status it reached). */
const OrderTransition = Type.Object({
  orderId: Id,
  groupId: Id,
  sellerId: Id,
  from: OrderStatus,
  to: OrderStatus,
  totalSatang: Type.Integer(),
  reason: Nullable(Type.String()),
  /** When it happened (for delivered: the carrier's event or the shop's proof, which starts the payout hold). */
  occurredAt: Type.Optional(Type.String()),
});

const Shipment = {
  shipmentId: Id,
  orderId: Id,
  sellerId: Id,
  carrier: Type.String(),
  trackingNumber: Type.String(),
};

const Loan = {
  loanId: Id,
  sellerId: Id,
  lenderId: Id,
};

const SellerChange = {
  sellerId: Id,
  slug: Type.String(),
};

export const catalogue = {
  'seller.applied': event(
    'sellers',
    Type.Object({ ...SellerChange, ownerId: Nullable(Id), reapplied: Type.Boolean() }),
    'A shop applied, or applied again after a rejection',
  ),
  'seller.approved': event(
    'sellers',
    Type.Object({ ...SellerChange, reviewedBy: Nullable(Type.String()) }),
    'An operator approved a shop: it may publish',
  ),
  'seller.rejected': event(
    'sellers',
    Type.Object({ ...SellerChange, reviewedBy: Nullable(Type.String()), reason: Type.String() }),
    'An operator rejected an application, saying why',
  ),
  'seller.flagship_changed': event(
    'sellers',
    Type.Object({ ...SellerChange, flagship: Type.Boolean(), by: Nullable(Type.String()) }),
    'A shop became a flagship store, or stopped being one',
  ),
  'seller.suspended': event(
    'sellers',
    Type.Object({ ...SellerChange, reason: Type.String(), by: Nullable(Type.String()) }),
    'An operator suspended a shop: its products stop selling',
  ),
  'seller.reinstated': event(
    'sellers',
    Type.Object({ ...SellerChange, by: Nullable(Type.String()) }),
    'An operator lifted a suspension',
  ),
  'product.updated': event(
    'catalog',
    Type.Object({ productId: Id, sellerId: Id, change: Type.String() }),
    'A product, its texts, variants, prices, images or status changed',
  ),
  'review.posted': event(
    'reviews',
    Type.Object({
      reviewId: Id,
      orderId: Id,
      productId: Id,
      sellerId: Id,
      rating: Type.Integer(),
      language: Type.String(),
    }),
    'A buyer reviewed a line of a delivered order',
  ),
  'review.rating_changed': event(
    'reviews',
    Type.Object({ reviewId: Id, productId: Id, sellerId: Id }),
    "A review was published, hidden or restored: the product's and the shop's ratings changed",
  ),
  'stock.changed': event(
    'inventory',
    Type.Object({ sellerId: Id, variantId: Id, locationId: Id, onHand: Type.Integer() }),
    'A shop set the units on hand of a variant at a location',
  ),
  'order.placed': event(
    'orders',
    Type.Object({
      orderId: Id,
      groupId: Id,
      sellerId: Id,
      productIds: Type.Array(Id),
      totalSatang: Type.Integer(),
      market: Type.Union([Type.Literal('TH'), Type.Literal('CN')]),
      kind: Type.Union([Type.Literal('goods'), Type.Literal('service')]),
    }),
    'A checkout placed an order (goods: stock reserved), awaiting payment',
  ),
  'order.paid': event('orders', OrderTransition, 'The payment of its group was captured'),
  'order.processing': event('orders', OrderTransition, 'The shop or the hub started on the order'),
  'order.shipped': event('orders', OrderTransition, 'A carrier has the parcel'),
  'order.delivered': event('orders', OrderTransition, 'The buyer has the parcel'),
  'order.cancelled': event('orders', OrderTransition, 'Cancelled (by the shop, an operator or the payment timeout)'),
  'payment.succeeded': event(
    'payments',
    Type.Object({
      intentId: Id,
      groupId: Id,
      method: Type.String(),
      amount: Type.Integer(),
      currency: Type.String(),
      groupAmount: Type.Integer(),
      groupCurrency: Type.String(),
      fxRate: Nullable(Type.String()),
      fxSource: Nullable(Type.String()),
      fxRounding: Nullable(Type.String()),
    }),
    'A gateway confirmed a payment that paid its group',
  ),
  'payment.unallocated': event(
    'payments',
    Type.Object({
      intentId: Id,
      groupId: Id,
      refundId: Id,
      amount: Type.Integer(),
      currency: Type.String(),
      providerAmount: Type.Integer(),
      providerCurrency: Type.String(),
      reason: Type.String(),
    }),
    'Money arrived that pays nothing (group already paid or expired): refunded automatically',
  ),
  'payment.refunded': event(
    'payments',
    Type.Object({
      refundId: Id,
      intentId: Id,
      groupId: Id,
      orderId: Nullable(Id),
      sellerId: Nullable(Id),
      amount: Type.Integer(),
      currency: Type.String(),
      providerAmount: Type.Integer(),
      providerCurrency: Type.String(),
      reason: Type.String(),
    }),
    'The gateway has paid a refund back',
  ),
  'crossborder.tax_collected': event(
    'crossborder',
    Type.Object({
      orderId: Id,
      groupId: Id,
      sellerId: Id,
      taxFen: Type.Integer(),
      currency: Type.Literal('CNY'),
      fxRate: Type.String(),
      fxSource: Type.String(),
    }),
    'A cross-border order was paid: the platform holds its import tax for customs',
  ),
  'customs.order_rejected': event(
    'customs',
    Type.Object({
      orderId: Id,
      groupId: Id,
      sellerId: Id,
      receiptCode: Type.String(),
      reasons: Type.Array(
        Type.Union([
          Type.Object({ code: Type.String(), params: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }),
          Type.String(),
        ]),
      ),
    }),
    'Customs refused one of the documents of an order',
  ),
  'customs.order_released': event(
    'customs',
    Type.Object({
      orderId: Id,
      groupId: Id,
      sellerId: Id,
      waybillNo: Type.String(),
      logisticsCode: Type.String(),
      consignee: Type.Object({
        name: Type.String(),
        phone: Type.String(),
        address: Type.String(),
        districtCode: Type.String(),
      }),
      exportDeclaration: Type.Object({
        originCountry: Type.Literal('TH'),
        fobSatang: Type.Integer(),
        netWeightGrams: Type.Integer(),
        grossWeightGrams: Type.Integer(),
        lines: Type.Array(
          Type.Object({
            variantId: Id,
            hsCode: Type.String(),
            description: Type.String(),
            quantity: Type.Integer(),
            fobSatang: Type.Integer(),
            netWeightGrams: Type.Integer(),
          }),
        ),
      }),
    }),
    'Customs passed all four documents: the bonded hub may ship (never carries the ID number)',
  ),
  'standards.mark_changed': event(
    'standards',
    Type.Object({
      certificateId: Id,
      sellerId: Id,
      productId: Nullable(Id),
      kind: Type.String(),
      status: Type.Union([
        Type.Literal('pending'),
        Type.Literal('verified'),
        Type.Literal('rejected'),
        Type.Literal('expired'),
        Type.Literal('revoked'),
      ]),
      reason: Nullable(Type.String()),
    }),
    'A certificate was verified, rejected, revoked or expired: the badges and search facets of its product follow',
  ),
  'standards.lot_recalled': event(
    'standards',
    Type.Object({ lotId: Id, sellerId: Id, productId: Id, lotNumber: Type.String(), reason: Type.String() }),
    'A shop or an operator recalled a lot: its product stops selling and the hub blocks its units',
  ),
  'loan.disbursed': event(
    'finance',
    Type.Object({
      ...Loan,
      principalSatang: Type.Integer(),
      disbursedSatang: Type.Integer(),
      repayment: Type.Union([Type.Literal('revenue_share'), Type.Literal('instalments')]),
    }),
    "A shop accepted a lender's offer: the loan is made and its money put into the shop's balance",
  ),
  'loan.repaid': event(
    'finance',
    Type.Object({ ...Loan, repaidSatang: Type.Integer() }),
    'A loan was repaid in full (principal, interest, fees and any late fees)',
  ),
  'loan.late': event(
    'finance',
    Type.Object({
      ...Loan,
      /** The overdue instalment, or null for a revenue-based loan still owing after its last day. */
      instalment: Nullable(Type.Integer()),
      dueOn: Type.String(),
      lateFeeSatang: Type.Integer(),
      outstandingSatang: Type.Integer(),
    }),
    'A repayment is overdue past the grace days: the loan is late and the late fee charged once',
  ),
  'loan.settled': event(
    'finance',
    Type.Object({ ...Loan, settledSatang: Type.Integer(), settlementId: Id }),
    'Repayments collected for a lender were paid on to the lender',
  ),
  'shipment.booked': event(
    'shipping',
    Type.Object({ ...Shipment, parcels: Type.Integer() }),
    'A carrier was booked for an order',
  ),
  'shipment.handed_over': event(
    'shipping',
    Type.Object({
      ...Shipment,
      fulfilment: Type.Optional(Type.Literal('seller')),
      by: Type.Optional(Type.String()),
    }),
    'The carrier took the parcels (from the hub, or a shop shipping itself)',
  ),
  'shipment.tracking': event(
    'shipping',
    Type.Object({
      ...Shipment,
      code: Type.String(),
      occurredAt: Type.String(),
      place: Nullable(Type.Object({ th: Type.String(), zh: Type.String(), en: Type.String() })),
    }),
    'A tracking event from the carrier',
  ),
  'shipment.delivered': event(
    'shipping',
    Type.Object({ ...Shipment, deliveredAt: Type.String() }),
    'The carrier delivered the parcels',
  ),
  'shipment.returned': event(
    'shipping',
    Type.Object({ ...Shipment, deliveredAt: Type.String() }),
    "A buyer's return parcel reached the shop (or the hub) it was sent back to",
  ),
};

export type Topic = keyof typeof catalogue;
export type Payload<T extends Topic> = Static<(typeof catalogue)[T]['payload']>;
export interface EventOf<T extends Topic> {
  topic: T;
  aggregateId: string;
  payload: Payload<T>;
}
/** Any event of the catalogue: its payload type follows from its topic. */
export type AnyEvent = { [T in Topic]: EventOf<T> }[Topic];
export type Delivered<T extends Topic> = EventOf<T> & { id: number };

/** The topic an order reaching a status announces. */
export const ORDER_STATUS_TOPIC = {
  paid: 'order.paid',
  processing: 'order.processing',
  shipped: 'order.shipped',
  delivered: 'order.delivered',
  cancelled: 'order.cancelled',
} as const satisfies Record<string, Topic>;

/** Writes events to the outbox in the caller's transaction. */
export function emit(tx: Executor, events: AnyEvent | AnyEvent[]): Promise<void> {
  return emitRaw(tx, Array.isArray(events) ? events : [events]);
}

const checkers = new Map<Topic, ReturnType<typeof Compile>>();
function checker(topic: Topic) {
  let c = checkers.get(topic);
  if (!c) {
    c = Compile(catalogue[topic].payload);
    checkers.set(topic, c);
  }
  return c;
}

export class PayloadMismatch extends Error {}

/** Why a payload does not match its topic's schema, or null when it does. */
export function payloadProblems(topic: string, payload: unknown): string | null {
  if (!(topic in catalogue)) return `topic ${topic} is not in the event catalogue`;
  const c = checker(topic as Topic);
  if (c.Check(payload)) return null;
  return [...c.Errors(payload)]
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message}`)
    .join('; ');
}

/**
 * Subscribes a handler to a topic. The payload reaches it typed, and only once it matches the
 * catalogue. `coalesce` marks a handler that only brings something up to date: events with one key
 * in a delivery pass need one call.
 */
export function on<T extends Topic>(
  topic: T,
  handle: (db: Db, event: Delivered<T>) => Promise<unknown>,
  opts: { coalesce?: (event: EventOf<T>) => string | null } = {},
): Subscription {
  const handler: OutboxHandler = async (db, raw) => {
    const problem = payloadProblems(topic, raw.payload);
    if (problem) throw new PayloadMismatch(`${topic}: ${problem}`);
    await handle(db, raw as unknown as Delivered<T>);
  };
  const coalesce = opts.coalesce;
  return {
    topic,
    handler: coalesce ? coalescing((e) => coalesce(e as unknown as EventOf<T>), handler) : handler,
  };
}
