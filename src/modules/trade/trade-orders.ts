// Orders from a quote: a sample order (paid in full), then the bulk order under the agreed Incoterm
// at the quantity tier's price, paid in two milestones — the deposit before production and the
// balance before shipment (e.g. 30/70). Each milestone is a service order of the orders module, so
// it is paid through payments (Alipay in the sandbox, or a bank transfer whose reference an operator
// matches on the statement), posted in the ledger and paid out to the shop like any other sale.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { type Actor, isOperator, systemActor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError, forbidden, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { completeServiceOrder, markGroupPaid, placeServiceOrder } from '../orders/index.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { awbProblem, blProblem, type TransportMode } from './codes.ts';
import { tradeMilestones, tradeOrders, tradeQuotes, tradeRfqs } from './schema.ts';
import { buyerOfActor } from './service.ts';

const trade = systemActor('trade');
const DAY = 86_400_000;
/** Days the buyer has to pay a sample or a deposit, and the balance once the goods are ready. */
export const PAY_DAYS = { sample: 7, deposit: 7, balance: 14 } as const;
/** The largest order a milestone can carry (the orders module keeps satang in 32-bit integers). */
const MAX_TOTAL_SATANG = 2_000_000_000;

export type TradeOrderRow = typeof tradeOrders.$inferSelect;
type Milestone = typeof tradeMilestones.$inferSelect;
type MilestoneKind = 'sample' | 'deposit' | 'balance';

/** The quote's price for a quantity: the highest tier reached, else its unit price. */
export function tierPrice(
  q: { unitPriceSatang: number; tiers: { minQuantity: number; unitPriceSatang: number }[] },
  quantity: number,
): number {
  let price = q.unitPriceSatang;
  for (const t of q.tiers) if (quantity >= t.minQuantity) price = t.unitPriceSatang;
  return price;
}

/** A deposit of `percent` of `total`, rounded half up to the satang; the balance is the rest, so they add up. */
export const splitDeposit = (total: number, percent: number) => {
  const deposit = Math.floor((total * percent + 50) / 100);
  return { deposit, balance: total - deposit };
};

const MILESTONE_TITLE: Record<MilestoneKind, { th: string; zh: string; en: string }> = {
  sample: { th: 'สินค้าตัวอย่าง', zh: '样品', en: 'Sample' },
  deposit: { th: 'เงินมัดจำ', zh: '定金', en: 'Deposit' },
  balance: { th: 'ยอดคงเหลือ', zh: '尾款', en: 'Balance' },
};

async function placeMilestone(
  tx: Executor,
  order: TradeOrderRow,
  kind: MilestoneKind,
  percent: number,
  amount: number,
) {
  const id = newId();
  const t = MILESTONE_TITLE[kind];
  const share = kind === 'sample' ? '' : ` ${percent}%`;
  const placed = await placeServiceOrder(tx, trade, {
    buyer: { kind: 'user', userId: order.placedBy },
    sellerId: order.sellerId,
    paymentDueAt: new Date(Date.now() + PAY_DAYS[kind] * DAY),
    lines: [
      {
        reference: `trade.milestone:${id}`,
        sku: `${order.number}-${kind.toUpperCase()}`,
        title: {
          th: `${t.th}${share} ${order.number}`,
          zh: `${t.zh}${share} ${order.number}`,
          en: `${t.en}${share} ${order.number}`,
        },
        detail: [{ th: order.product, zh: order.product, en: order.product }],
        unitPriceSatang: amount,
        quantity: 1,
      },
    ],
  });
  await tx.insert(tradeMilestones).values({
    id,
    tradeOrderId: order.id,
    sellerId: order.sellerId,
    kind,
    percent,
    amountSatang: amount,
    orderId: placed.orderId,
    orderNumber: placed.number,
    groupId: placed.groupId,
    status: 'due',
  });
}

export interface PlaceInput {
  kind: 'sample' | 'bulk';
  quantity?: number;
}

/** The buyer accepts a quote on its own request with a sample order or the bulk order. */
export async function placeTradeOrder(db: Db, actor: Actor, quoteId: string, input: PlaceInput) {
  const { buyer } = await buyerOfActor(db, actor);
  if (actor.kind !== 'user') throw unauthenticated();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ q: tradeQuotes, r: tradeRfqs })
      .from(tradeQuotes)
      .innerJoin(tradeRfqs, eq(tradeRfqs.id, tradeQuotes.rfqId))
      .where(and(eq(tradeQuotes.id, quoteId), eq(tradeRfqs.buyerId, buyer.id)))
      .for('update', { of: tradeQuotes });
    if (!row) throw notFound('quote');
    const { q, r } = row;
    if (q.validUntil < new Date().toISOString().slice(0, 10)) throw new AppError(409, 'quote_expired');
    const existing = await tx.select().from(tradeOrders).where(eq(tradeOrders.quoteId, q.id));
    if (existing.some((o) => o.kind === input.kind && o.status !== 'cancelled'))
      throw new AppError(409, 'trade_order_exists');
    let quantity: number;
    let unitPrice: number;
    if (input.kind === 'sample') {
      if (q.samplePriceSatang === null) throw new AppError(409, 'trade_no_sample');
      quantity = 1;
      unitPrice = q.samplePriceSatang;
    } else {
      quantity = input.quantity ?? r.quantity;
      if (!Number.isSafeInteger(quantity) || quantity < 1) throw invalid('quantity', 'invalid');
      if (quantity < q.moq) throw invalid('quantity', 'below_moq', { moq: q.moq, unit: r.unit });
      const sample = existing.find((o) => o.kind === 'sample' && o.status !== 'cancelled');
      if (r.sampleWanted && q.samplePriceSatang !== null && sample?.status !== 'received')
        throw new AppError(409, 'trade_sample_first');
      unitPrice = tierPrice(q, quantity);
    }
    const total = unitPrice * quantity;
    if (total > MAX_TOTAL_SATANG) throw invalid('quantity', 'order_too_large');
    const id = newId();
    const values = {
      id,
      number: `TR-${id.replace(/-/g, '').slice(-10).toUpperCase()}`,
      rfqId: r.id,
      quoteId: q.id,
      sellerId: q.sellerId,
      buyerId: buyer.id,
      placedBy: actor.userId,
      kind: input.kind,
      incoterm: r.incoterm,
      transportMode: r.transportMode,
      place: r.place,
      product: r.product,
      quantity,
      unit: input.kind === 'sample' ? 'lot' : r.unit,
      unitPriceSatang: unitPrice,
      totalSatang: total,
      depositPercent: input.kind === 'sample' ? 100 : q.depositPercent,
      status: 'awaiting_payment',
    };
    await tx.insert(tradeOrders).values(values);
    const [order] = await tx.select().from(tradeOrders).where(eq(tradeOrders.id, id));
    if (input.kind === 'sample') await placeMilestone(tx, order, 'sample', 100, total);
    else await placeMilestone(tx, order, 'deposit', q.depositPercent, splitDeposit(total, q.depositPercent).deposit);
    if (input.kind === 'bulk') await tx.update(tradeQuotes).set({ status: 'accepted' }).where(eq(tradeQuotes.id, q.id));
    return orderView(tx, order);
  });
}

async function milestonesOf(db: Executor, orderId: string): Promise<Milestone[]> {
  return db
    .select()
    .from(tradeMilestones)
    .where(eq(tradeMilestones.tradeOrderId, orderId))
    .orderBy(asc(tradeMilestones.createdAt));
}

export async function orderView(db: Executor, o: TradeOrderRow) {
  const milestones = await milestonesOf(db, o.id);
  const { deposit, balance } = splitDeposit(o.totalSatang, o.depositPercent);
  return {
    id: o.id,
    number: o.number,
    rfqId: o.rfqId,
    quoteId: o.quoteId,
    sellerId: o.sellerId,
    kind: o.kind as 'sample' | 'bulk',
    incoterm: o.incoterm,
    transportMode: o.transportMode,
    place: o.place,
    product: o.product,
    quantity: o.quantity,
    unit: o.unit,
    unitPriceSatang: o.unitPriceSatang,
    totalSatang: o.totalSatang,
    depositPercent: o.depositPercent,
    plan:
      o.kind === 'sample'
        ? [{ kind: 'sample', amountSatang: o.totalSatang }]
        : [
            { kind: 'deposit', amountSatang: deposit },
            { kind: 'balance', amountSatang: balance },
          ],
    status: o.status,
    shipment: o.transportNumber
      ? {
          document: o.transportDocument as 'bl' | 'awb',
          number: o.transportNumber,
          carrier: o.carrier,
          packages: o.packages,
          grossWeightKg: o.grossWeightKg,
          shippedAt: o.shippedAt?.toISOString() ?? null,
        }
      : null,
    receivedAt: o.receivedAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
    milestones: milestones.map((m) => ({
      id: m.id,
      kind: m.kind as MilestoneKind,
      percent: m.percent,
      amountSatang: m.amountSatang,
      orderId: m.orderId,
      orderNumber: m.orderNumber,
      groupId: m.groupId,
      status: m.status,
      bankReference: m.bankReference,
      paidAt: m.paidAt?.toISOString() ?? null,
    })),
  };
}
export type TradeOrderView = Awaited<ReturnType<typeof orderView>>;

/** The trade order as its buyer (any team member) sees it; 404 for anyone else. */
export async function buyersOrder(db: Executor, actor: Actor, id: string): Promise<TradeOrderRow> {
  const { buyer } = await buyerOfActor(db, actor);
  const [o] = await db
    .select()
    .from(tradeOrders)
    .where(and(eq(tradeOrders.id, id), eq(tradeOrders.buyerId, buyer.id)));
  if (!o) throw notFound('trade_order');
  return o;
}

/** The trade order as its shop sees it. */
export async function shopsOrder(db: Executor, actor: Actor, sellerId: string, id: string): Promise<TradeOrderRow> {
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  const [o] = await db
    .select()
    .from(tradeOrders)
    .where(and(eq(tradeOrders.id, id), eq(tradeOrders.sellerId, sellerId)));
  if (!o) throw notFound('trade_order');
  return o;
}

export async function buyersOrders(db: Executor, actor: Actor) {
  const { buyer } = await buyerOfActor(db, actor);
  const rows = await db
    .select()
    .from(tradeOrders)
    .where(eq(tradeOrders.buyerId, buyer.id))
    .orderBy(desc(tradeOrders.createdAt));
  return Promise.all(rows.map((o) => orderView(db, o)));
}

export async function shopsOrders(db: Executor, actor: Actor, sellerId: string) {
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  const rows = await db
    .select()
    .from(tradeOrders)
    .where(eq(tradeOrders.sellerId, sellerId))
    .orderBy(desc(tradeOrders.createdAt));
  return Promise.all(rows.map((o) => orderView(db, o)));
}

/** The buyer says it sent a bank transfer for a milestone, with the bank's reference. */
export async function declareBankTransfer(db: Db, actor: Actor, id: string, milestoneId: string, reference: string) {
  const order = await buyersOrder(db, actor, id);
  const ref = reference.trim().toUpperCase();
  if (!/^[A-Z0-9/-]{6,35}$/.test(ref)) throw invalid('reference', 'bank_reference');
  const done = await db
    .update(tradeMilestones)
    .set({ status: 'transfer_declared', bankReference: ref })
    .where(
      and(
        eq(tradeMilestones.id, milestoneId),
        eq(tradeMilestones.tradeOrderId, order.id),
        inArray(tradeMilestones.status, ['due', 'transfer_declared']),
      ),
    )
    .returning({ id: tradeMilestones.id });
  if (!done.length) throw new AppError(409, 'milestone_not_due');
  return orderView(db, order);
}

/**
 * An operator found the transfer on the platform's bank statement: the milestone's service order is
 * paid (orders emits `order.paid`; the ledger posts it; this module hears it and moves the order on).
 */
export async function confirmBankTransfer(db: Db, actor: Actor, milestoneId: string) {
  if (!isOperator(actor)) throw actor.kind === 'guest' ? unauthenticated() : forbidden();
  const [m] = await db.select().from(tradeMilestones).where(eq(tradeMilestones.id, milestoneId));
  if (!m) throw notFound('milestone');
  if (m.status !== 'transfer_declared') throw new AppError(409, 'milestone_not_declared');
  await markGroupPaid(db, systemActor('trade-bank-transfer'), m.groupId);
  const [o] = await db.select().from(tradeOrders).where(eq(tradeOrders.id, m.tradeOrderId));
  return orderView(db, o);
}

const AFTER_PAID: Record<MilestoneKind, string> = {
  sample: 'ready_to_ship',
  deposit: 'in_production',
  balance: 'ready_to_ship',
};

/** order.paid: the milestone it pays is paid, and the order moves on (idempotent). */
export async function milestonePaid(db: Db, serviceOrderId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [m] = await tx
      .update(tradeMilestones)
      .set({ status: 'paid', paidAt: new Date() })
      .where(
        and(eq(tradeMilestones.orderId, serviceOrderId), inArray(tradeMilestones.status, ['due', 'transfer_declared'])),
      )
      .returning();
    if (!m) return;
    await tx
      .update(tradeOrders)
      .set({ status: AFTER_PAID[m.kind as MilestoneKind] })
      .where(eq(tradeOrders.id, m.tradeOrderId));
  });
}

/** order.cancelled (not paid in time): the milestone lapses; a lapsed sample or deposit cancels the order. */
export async function milestoneLapsed(db: Db, serviceOrderId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [m] = await tx
      .update(tradeMilestones)
      .set({ status: 'cancelled' })
      .where(
        and(eq(tradeMilestones.orderId, serviceOrderId), inArray(tradeMilestones.status, ['due', 'transfer_declared'])),
      )
      .returning();
    if (!m) return;
    await tx
      .update(tradeOrders)
      .set({ status: m.kind === 'balance' ? 'balance_overdue' : 'cancelled' })
      .where(eq(tradeOrders.id, m.tradeOrderId));
  });
}

/** The shop has made the goods of a bulk order: the balance falls due. */
export async function goodsReady(db: Db, actor: Actor, sellerId: string, id: string) {
  await shopsOrder(db, actor, sellerId, id);
  return db.transaction(async (tx) => {
    const [o] = await tx.select().from(tradeOrders).where(eq(tradeOrders.id, id)).for('update');
    if (o.kind !== 'bulk' || (o.status !== 'in_production' && o.status !== 'balance_overdue'))
      throw new AppError(409, 'trade_order_state', { status: o.status });
    await tx
      .delete(tradeMilestones)
      .where(
        and(
          eq(tradeMilestones.tradeOrderId, id),
          eq(tradeMilestones.kind, 'balance'),
          eq(tradeMilestones.status, 'cancelled'),
        ),
      );
    const { balance } = splitDeposit(o.totalSatang, o.depositPercent);
    await placeMilestone(tx, o, 'balance', 100 - o.depositPercent, balance);
    await tx.update(tradeOrders).set({ status: 'awaiting_balance' }).where(eq(tradeOrders.id, id));
    return orderView(tx, (await tx.select().from(tradeOrders).where(eq(tradeOrders.id, id)))[0]);
  });
}

export interface ShipmentInput {
  document: 'bl' | 'awb';
  number: string;
  carrier: string;
  packages: number;
  grossWeightKg: number;
}

/** The shop records the shipment with its bill of lading (sea) or air waybill (air), once everything is paid. */
export async function recordShipment(db: Db, actor: Actor, sellerId: string, id: string, input: ShipmentInput) {
  const order = await shopsOrder(db, actor, sellerId, id);
  const mode = order.transportMode as TransportMode;
  if (input.document === 'awb') {
    if (mode !== 'air') throw invalid('document', 'awb_not_air');
    const problem = awbProblem(input.number);
    if (problem) throw invalid('number', problem);
  } else {
    if (mode === 'air') throw invalid('document', 'bl_for_air');
    const problem = blProblem(input.number);
    if (problem) throw invalid('number', problem);
  }
  if (!Number.isSafeInteger(input.packages) || input.packages < 1) throw invalid('packages', 'invalid');
  if (!Number.isSafeInteger(input.grossWeightKg) || input.grossWeightKg < 1) throw invalid('grossWeightKg', 'invalid');
  const number =
    input.document === 'awb'
      ? (() => {
          const d = input.number.replace(/[\s-]/g, '');
          return `${d.slice(0, 3)}-${d.slice(3)}`;
        })()
      : input.number.replace(/\s+/g, ' ').trim().toUpperCase();
  const done = await db
    .update(tradeOrders)
    .set({
      status: 'shipped',
      transportDocument: input.document,
      transportNumber: number,
      carrier: input.carrier.trim(),
      packages: input.packages,
      grossWeightKg: input.grossWeightKg,
      shippedAt: new Date(),
    })
    .where(and(eq(tradeOrders.id, id), eq(tradeOrders.status, 'ready_to_ship')))
    .returning();
  if (!done.length) throw new AppError(409, 'trade_order_state', { status: order.status });
  return orderView(db, done[0]);
}

/** The buyer received the goods: the milestones' service orders are complete (the payout hold starts). */
export async function confirmReceipt(db: Db, actor: Actor, id: string, now = new Date()) {
  await buyersOrder(db, actor, id);
  return db.transaction(async (tx) => {
    const [o] = await tx
      .update(tradeOrders)
      .set({ status: 'received', receivedAt: now })
      .where(and(eq(tradeOrders.id, id), eq(tradeOrders.status, 'shipped')))
      .returning();
    if (!o) throw new AppError(409, 'trade_order_state');
    for (const m of await milestonesOf(tx, id))
      if (m.status === 'paid') await completeServiceOrder(tx, trade, m.orderId);
    return orderView(tx, o);
  });
}

/** The operator's list of bank transfers buyers declared, to match on the statement. */
export async function declaredTransfers(db: Executor, actor: Actor) {
  if (!isOperator(actor)) throw actor.kind === 'guest' ? unauthenticated() : forbidden();
  const rows = await db
    .select({ m: tradeMilestones, o: tradeOrders })
    .from(tradeMilestones)
    .innerJoin(tradeOrders, eq(tradeOrders.id, tradeMilestones.tradeOrderId))
    .where(eq(tradeMilestones.status, 'transfer_declared'))
    .orderBy(asc(tradeMilestones.createdAt))
    .limit(200);
  return rows.map(({ m, o }) => ({
    id: m.id,
    kind: m.kind,
    amountSatang: m.amountSatang,
    bankReference: m.bankReference,
    orderNumber: m.orderNumber,
    tradeOrderNumber: o.number,
    product: o.product,
  }));
}
