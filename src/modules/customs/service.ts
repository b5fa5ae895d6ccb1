// Customs: when a cross-border order is paid, declare it — CEB311 (the platform), CEB411 (the
// payment company), CEB511 (the line-haul carrier, with its waybill number) and CEB621 (the bonded
// hub, trade mode 1210) — each validated before it is signed and sent through the gateway. Receipts
// come back asynchronously and are applied once each; the order is released when all four passed,
// and a rejection goes to the operator's queue. Both outcomes are outbox events for the hub.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Config } from '../../platform/config.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { emit, type Payload } from '../../events.ts';
import { encryptPersonal } from '../../platform/personal-data.ts';
import { pickText, type Locale } from '../../platform/i18n.ts';
import { sellerFacts } from '../sellers/index.ts';
import { requireOrder } from '../orders/index.ts';
import { captureOf } from '../payments/index.ts';
import { declarationFacts, isCrossBorderOrder, type DeclarationFacts } from '../crossborder/index.ts';
import { cebXml, RECEIPT_OF, type CebMessage, type CebType } from './ceb.ts';
import { buildDeclaration } from './build.ts';
import { validateDeclaration, type CebProblem } from './validate.ts';
import { customsGateway, sandboxSigner, sandboxTransport, type CustomsGateway } from './gateway.ts';
import { lineHaulCarrier, type LineHaulCarrier } from './carrier.ts';
import { type Receipt, runCustomsSandbox } from './sandbox.ts';
import { reason, renderReasons, type RenderedReason, type StoredReason } from './reasons.ts';
import { customsDeclarations, customsMessages, customsReceipts, customsRejections } from './schema.ts';
import './messages.ts';

export interface CustomsRuntime {
  config: Config;
  gateway: CustomsGateway;
  carrier: LineHaulCarrier;
}

/** The sandbox gateway and carrier (the only ones this build has: the real ones need a customs-issued key). */
export function customsRuntime(config: Config): CustomsRuntime {
  return {
    config,
    gateway: customsGateway(sandboxSigner(config.personalDataKey), sandboxTransport(config.personalDataKey)),
    carrier: lineHaulCarrier(config.customs.logisticsCode),
  };
}

const ALL: CebType[] = ['CEB311', 'CEB411', 'CEB511', 'CEB621'];

/** order.paid -> declare (idempotent: an order is declared once). Domestic orders are not customs' business. */
export async function declareOrder(
  tx: Executor,
  rt: CustomsRuntime,
  orderId: string,
  now = new Date(),
): Promise<'declared' | 'invalid' | 'skipped'> {
  if (!(await isCrossBorderOrder(tx, orderId))) return 'skipped';
  const [existing] = await tx
    .select({ id: customsDeclarations.orderId })
    .from(customsDeclarations)
    .where(eq(customsDeclarations.orderId, orderId));
  if (existing) return 'skipped';
  const facts = await declarationFacts(tx, systemActor('customs'), rt.config, orderId);
  const capture = await captureOf(tx, facts.groupId);
  if (!capture) throw new AppError(409, 'customs_not_paid');
  const shop = (await sellerFacts(tx, [facts.sellerId])).get(facts.sellerId);
  const waybillNo = await rt.carrier.assignWaybill(tx);
  const docs = buildDeclaration({
    facts,
    settings: rt.config.customs,
    shopName: shop ? shop.shopName.zh || shop.shopName.th : facts.sellerId,
    waybillNo,
    now,
    payment: { transactionId: capture.providerRef ?? capture.reference, paidAt: capture.succeededAt ?? now },
  });
  const messages: CebMessage[] = [docs.ceb311, docs.ceb411, docs.ceb511, docs.ceb621];
  const problems = validateDeclaration(docs);
  await tx.insert(customsDeclarations).values({
    orderId,
    groupId: facts.groupId,
    sellerId: facts.sellerId,
    orderNo: facts.orderNo,
    waybillNo,
    status: problems.length ? 'invalid' : 'declared',
    ...(problems.length ? { rejectedAt: now } : {}),
  });
  if (problems.length) {
    await reject(
      tx,
      facts,
      'local_validation',
      problems.map((p) => p.reason),
    );
    return 'invalid';
  }
  for (const m of messages) {
    const xml = cebXml(m);
    await tx
      .insert(customsMessages)
      .values({ guid: m.head.guid, orderId, type: m.type, xmlSealed: encryptPersonal(rt.config.personalDataKey, xml) });
    await rt.gateway.submit(tx, { guid: m.head.guid, type: m.type, orderNo: facts.orderNo, xml });
  }
  return 'declared';
}

async function reject(
  tx: Executor,
  f: { orderId: string; groupId: string; sellerId: string; orderNo: string },
  receiptCode: string,
  reasons: StoredReason[],
): Promise<void> {
  // A resubmitted order rejected again with the same code reopens its queue item.
  const [row] = await tx
    .insert(customsRejections)
    .values({ id: newId(), orderId: f.orderId, sellerId: f.sellerId, orderNo: f.orderNo, receiptCode, reasons })
    .onConflictDoUpdate({
      target: [customsRejections.orderId, customsRejections.receiptCode],
      set: { status: 'open', reasons, resolution: null, resolvedBy: null, resolvedAt: null, createdAt: sql`now()` },
      setWhere: sql`${customsRejections.status} = 'resolved' and ${customsRejections.resolution} = 'resubmitted'`,
    })
    .returning({ id: customsRejections.id });
  if (!row) return;
  await emit(tx, {
    topic: 'customs.order_rejected',
    aggregateId: f.orderId,
    payload: { orderId: f.orderId, groupId: f.groupId, sellerId: f.sellerId, receiptCode, reasons },
  });
}

/** A receipt from customs (or the sandbox): applied once, by its receipt id. */
export async function receiveReceipt(
  tx: Executor,
  config: Config,
  r: Receipt,
): Promise<'applied' | 'duplicate' | 'unknown'> {
  const [msg] = await tx.select().from(customsMessages).where(eq(customsMessages.guid, r.messageGuid));
  if (!msg) return 'unknown';
  const [fresh] = await tx
    .insert(customsReceipts)
    .values({
      receiptId: r.receiptId,
      orderId: msg.orderId,
      messageGuid: r.messageGuid,
      code: r.code,
      passed: r.passed,
      returnStatus: r.returnStatus,
      reasons: r.reasons,
    })
    .onConflictDoNothing()
    .returning({ id: customsReceipts.receiptId });
  if (!fresh) return 'duplicate';
  await tx
    .update(customsMessages)
    .set({ status: r.passed ? 'passed' : 'rejected' })
    .where(eq(customsMessages.guid, msg.guid));
  const [decl] = await tx
    .select()
    .from(customsDeclarations)
    .where(eq(customsDeclarations.orderId, msg.orderId))
    .for('update');
  if (!decl || decl.status === 'released') return 'applied';
  if (!r.passed) {
    await tx
      .update(customsDeclarations)
      .set({ status: 'rejected', rejectedAt: sql`now()` })
      .where(eq(customsDeclarations.orderId, decl.orderId));
    await reject(tx, decl, r.code, r.reasons.length ? r.reasons : [reason('no_reason_given')]);
    return 'applied';
  }
  const passed = await tx
    .select({ type: customsMessages.type })
    .from(customsMessages)
    .where(and(eq(customsMessages.orderId, decl.orderId), eq(customsMessages.status, 'passed')));
  if (decl.status === 'declared' && ALL.every((t) => passed.some((p) => p.type === t))) await release(tx, config, decl);
  return 'applied';
}

/** Every receipt passed: released, and the hub hears it with what it needs to ship and to declare the export. */
async function release(tx: Executor, config: Config, decl: typeof customsDeclarations.$inferSelect): Promise<void> {
  await tx
    .update(customsDeclarations)
    .set({ status: 'released', releasedAt: sql`now()` })
    .where(eq(customsDeclarations.orderId, decl.orderId));
  const f = await declarationFacts(tx, systemActor('customs'), config, decl.orderId);
  await emit(tx, {
    topic: 'customs.order_released',
    aggregateId: decl.orderId,
    payload: releasedPayload(f, decl.waybillNo, config.customs.logisticsCode),
  });
}

/** What the hub and shipping learn of a release (see the event catalogue): never the ID number. */
export type OrderReleased = Payload<'customs.order_released'>;

/** The contract with the hub and shipping (see README): never the ID number. */
export function releasedPayload(f: DeclarationFacts, waybillNo: string, logisticsCode: string): OrderReleased {
  const lines = f.lines.map((l) => ({
    variantId: l.variantId,
    hsCode: l.hsCode.slice(0, 6),
    description: l.itemNameZh,
    quantity: l.quantity,
    fobSatang: l.unitPriceSatang * l.quantity,
    netWeightGrams: l.netWeightGrams * l.quantity,
  }));
  return {
    orderId: f.orderId,
    groupId: f.groupId,
    sellerId: f.sellerId,
    waybillNo,
    logisticsCode,
    consignee: {
      name: f.consignee.name,
      phone: f.consignee.phone,
      address: f.consignee.address,
      districtCode: f.consignee.districtCode,
    },
    exportDeclaration: {
      originCountry: 'TH',
      fobSatang: lines.reduce((s, l) => s + l.fobSatang, 0),
      netWeightGrams: lines.reduce((s, l) => s + l.netWeightGrams, 0),
      grossWeightGrams: f.lines.reduce((s, l) => s + l.grossWeightGrams * l.quantity, 0),
      lines,
    },
  };
}

export interface CustomsStatus {
  orderId: string;
  orderNo: string;
  status: string;
  waybillNo: string;
  sandbox: boolean;
  documents: { type: string; receiptCode: string; status: string }[];
  /** reasons: each with its code (null for plain text) and its text in the reader's language. */
  receipts: { code: string; passed: boolean; returnStatus: string; reasons: RenderedReason[]; receivedAt: string }[];
}

/** An order's customs status, to its buyer, its shop or an operator. Null before it is declared. */
export async function customsStatusOf(
  db: Executor,
  actor: Actor,
  config: Config,
  orderId: string,
  locale: Locale,
): Promise<CustomsStatus | null> {
  await requireOrder(db, actor, orderId);
  const [decl] = await db.select().from(customsDeclarations).where(eq(customsDeclarations.orderId, orderId));
  if (!decl) return null;
  const [msgs, receipts] = await Promise.all([
    db
      .select({ type: customsMessages.type, status: customsMessages.status })
      .from(customsMessages)
      .where(eq(customsMessages.orderId, orderId)),
    db.select().from(customsReceipts).where(eq(customsReceipts.orderId, orderId)).orderBy(customsReceipts.receivedAt),
  ]);
  return {
    orderId,
    orderNo: decl.orderNo,
    status: decl.status,
    waybillNo: decl.waybillNo,
    sandbox: config.customsSandbox,
    documents: ALL.map((t) => ({
      type: t,
      receiptCode: RECEIPT_OF[t],
      status: msgs.find((m) => m.type === t)?.status ?? 'not_sent',
    })),
    receipts: receipts.map((r) => ({
      code: r.code,
      passed: r.passed,
      returnStatus: r.returnStatus,
      reasons: renderReasons(r.reasons, locale),
      receivedAt: r.receivedAt.toISOString(),
    })),
  };
}

const requireOperator = (actor: Actor) => {
  if (!(actor.kind === 'user' && actor.isOperator)) throw forbidden();
};

/** The operator's rejection queue: open first, newest first; the reasons in the reader's language. */
export async function rejectionQueue(db: Executor, actor: Actor, locale: Locale, status: 'open' | 'resolved' = 'open') {
  requireOperator(actor);
  const rows = await db
    .select()
    .from(customsRejections)
    .where(eq(customsRejections.status, status))
    .orderBy(desc(customsRejections.createdAt))
    .limit(100);
  const shops = await sellerFacts(db, [...new Set(rows.map((r) => r.sellerId))]);
  return {
    items: rows.map((r) => ({
      ...r,
      reasons: renderReasons(r.reasons, locale),
      shopName: shops.get(r.sellerId) ? pickText(shops.get(r.sellerId)!.shopName, locale) : '',
      createdAt: r.createdAt.toISOString(),
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
    })),
  };
}

export async function resolveRejection(db: Executor, actor: Actor, id: string, resolution: string) {
  requireOperator(actor);
  const [row] = await db
    .update(customsRejections)
    .set({
      status: 'resolved',
      resolution,
      resolvedBy: actor.kind === 'user' ? actor.userId : null,
      resolvedAt: sql`now()`,
    })
    .where(and(eq(customsRejections.id, id), eq(customsRejections.status, 'open')))
    .returning();
  if (!row) throw notFound('rejection');
  return { id: row.id, status: row.status };
}

export type { CebProblem };

/** Lets the customs sandbox answer the messages waiting for it, applying each receipt once. */
export const runSandboxOnce = (db: Db, rt: CustomsRuntime) =>
  runCustomsSandbox(db, rt.config.personalDataKey, (tx, r) => receiveReceipt(tx, rt.config, r).then(() => undefined));
