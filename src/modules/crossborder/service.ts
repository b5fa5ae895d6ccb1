// Crossborder: selling to China under the bonded (1210) model — markets, product terms, CNY landed
// prices, the cross-border tax and limits, and the buyer's identity. Other modules call these.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { Config } from '../../platform/config.ts';
import type { Executor } from '../../platform/db.ts';
import { decryptPersonal } from '../../platform/personal-data.ts';
import { pickText, type Locale } from '../../platform/i18n.ts';
import { getVariantsForSale } from '../catalog/index.ts';
import { bondedAvailability } from '../inventory/index.ts';
import { requireOrder } from '../orders/index.ts';
import type { ExportSale } from '../documents/index.ts';
import { chineseAddress, districtPath } from './districts.ts';
import { cbecOrders, type CbecLine } from './schema.ts';
import { productTerms } from './terms.ts';
import { quoteOrder, sellingRate, CNY_ROUNDING } from './pricing.ts';
import { cbecRatePercent, ORDER_LIMIT_FEN, YEARLY_LIMIT_FEN } from './rules.ts';
import './messages.ts';

export { setProductTerms, getProductTerms, productTerms, CUSTOMS_UNITS, type ProductTerms } from './terms.ts';
export {
  crossBorderCheckout,
  quoteCart,
  markCbecStatus,
  markCbecPaid,
  recordCbecRefund,
  yearlyUsage,
  checkOrderLimit,
} from './checkout.ts';
export { sellingRate, quoteOrder, CNY_ROUNDING } from './pricing.ts';
export { districtChildren, districtPath } from './districts.ts';

/** The markets a buyer can pick; more later. */
export const MARKETS = [
  { code: 'TH', currency: 'THB', crossBorder: false },
  { code: 'CN', currency: 'CNY', crossBorder: true },
] as const;

export interface VariantLanded {
  variantId: string;
  sku: string;
  title: string;
  eligible: boolean;
  bondedAvailable: number;
  unitPriceFen: number;
  freightFen: number;
  taxFen: number;
  totalFen: number;
  taxRatePercent: number | null;
}

/** Landed prices of one unit of each variant, as the product page shows them for market CN. */
export async function landedForVariants(db: Executor, config: Config, variantIds: string[], locale: Locale) {
  const variants = await getVariantsForSale(db, variantIds);
  const [terms, stock, rate] = await Promise.all([
    productTerms(
      db,
      variants.map((v) => v.productId),
    ),
    bondedAvailability(
      db,
      variants.map((v) => v.variantId),
    ),
    sellingRate(db, config),
  ]);
  const items: VariantLanded[] = variants.map((v) => {
    const t = terms.get(v.productId);
    const base = {
      variantId: v.variantId,
      sku: v.sku,
      title: pickText(v.title, locale),
      bondedAvailable: stock.get(v.variantId) ?? 0,
    };
    if (!t?.eligible)
      return { ...base, eligible: false, unitPriceFen: 0, freightFen: 0, taxFen: 0, totalFen: 0, taxRatePercent: null };
    const q = quoteOrder(config, rate, v.sellerId, [{ v, quantity: 1, terms: t }]);
    return {
      ...base,
      eligible: v.saleable,
      unitPriceFen: q.landed.goodsFen,
      freightFen: q.landed.freightFen,
      taxFen: q.landed.taxFen,
      totalFen: q.landed.totalFen,
      taxRatePercent: cbecRatePercent(t),
    };
  });
  return {
    currency: 'CNY' as const,
    fx: { rate: rate.rate, source: rate.source, validFrom: rate.validFrom, rounding: CNY_ROUNDING },
    limits: { orderFen: ORDER_LIMIT_FEN, yearlyFen: YEARLY_LIMIT_FEN },
    items,
  };
}

type CbecRow = typeof cbecOrders.$inferSelect;

export interface CbecOrderView {
  orderId: string;
  groupId: string;
  orderNo: string;
  currency: 'CNY';
  goodsFen: number;
  freightFen: number;
  taxFen: number;
  totalFen: number;
  refundedFen: number;
  fx: { rate: string; source: string; validFrom: string };
  buyer: { name: string; idMasked: string; phone: string };
  consignee: { name: string; phone: string; address: string; districtCode: string };
  lines: CbecLine[];
}

const toView = (r: CbecRow): CbecOrderView => ({
  orderId: r.orderId,
  groupId: r.groupId,
  orderNo: r.orderNo,
  currency: 'CNY',
  goodsFen: r.goodsFen,
  freightFen: r.freightFen,
  taxFen: r.taxFen,
  totalFen: r.totalFen,
  refundedFen: r.refundedFen,
  fx: { rate: r.fxRate, source: r.fxSource, validFrom: r.fxValidFrom.toISOString() },
  buyer: { name: r.buyerName, idMasked: r.idMasked, phone: r.buyerPhone },
  consignee: {
    name: r.consigneeName,
    phone: r.consigneePhone,
    address: r.consigneeAddress,
    districtCode: r.districtCode,
  },
  lines: r.lines,
});

/** A cross-border order's customs facts, to its buyer, its shop or an operator (the ID shown masked); null for a domestic order. */
export async function cbecOrderOf(
  db: Executor,
  actor: Actor,
  orderId: string,
  locale: Locale,
): Promise<CbecOrderView | null> {
  await requireOrder(db, actor, orderId); // authorizes, or not found
  const [row] = await db.select().from(cbecOrders).where(eq(cbecOrders.orderId, orderId));
  return row ? toView(row) : null;
}

/** A cross-border order as its buyer's order list shows it: the landed amounts, in CNY, as paid. */
export interface CbecOrderSummary {
  orderId: string;
  groupId: string;
  orderNo: string;
  currency: 'CNY';
  goodsFen: number;
  freightFen: number;
  taxFen: number;
  totalFen: number;
  refundedFen: number;
  createdAt: string;
}

/**
 * The signed-in buyer's own cross-border orders (those ids only, when given), newest first: the
 * orders module keeps baht totals and knows nothing of yuan, so the order list asks here.
 */
export async function buyerCbecOrders(
  db: Executor,
  actor: Actor,
  orderIds: string[] | undefined,
  limit = 50,
): Promise<CbecOrderSummary[]> {
  if (actor.kind !== 'user') return [];
  const rows = await db
    .select()
    .from(cbecOrders)
    .where(
      and(
        eq(cbecOrders.buyerUserId, actor.userId),
        orderIds?.length ? inArray(cbecOrders.orderId, orderIds) : undefined,
      ),
    )
    .orderBy(desc(cbecOrders.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    orderId: r.orderId,
    groupId: r.groupId,
    orderNo: r.orderNo,
    currency: 'CNY',
    goodsFen: r.goodsFen,
    freightFen: r.freightFen,
    taxFen: r.taxFen,
    totalFen: r.totalFen,
    refundedFen: r.refundedFen,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function cbecOrdersOfGroup(db: Executor, groupId: string): Promise<CbecRow[]> {
  return db.select().from(cbecOrders).where(eq(cbecOrders.groupId, groupId));
}

/**
 * Everything customs declares for one order, with the buyer's ID number unsealed — for the customs
 * module's message builders only (a system actor). Never log it.
 */
export async function declarationFacts(db: Executor, actor: Actor, config: Config, orderId: string) {
  if (actor.kind !== 'system') throw forbidden();
  const [row] = await db.select().from(cbecOrders).where(eq(cbecOrders.orderId, orderId));
  if (!row) throw notFound('cross-border order');
  return {
    ...toView(row),
    sellerId: row.sellerId,
    buyerUserId: row.buyerUserId,
    goodsSatang: row.goodsSatang,
    createdAt: row.createdAt,
    buyerIdNumber: decryptPersonal(config.personalDataKey, row.idSealed),
  };
}
export type DeclarationFacts = Awaited<ReturnType<typeof declarationFacts>>;

/** Whether an order is a cross-border one (customs' handlers skip the rest). */
export async function isCrossBorderOrder(db: Executor, orderId: string): Promise<boolean> {
  const [row] = await db.select({ id: cbecOrders.orderId }).from(cbecOrders).where(eq(cbecOrders.orderId, orderId));
  return !!row;
}

/**
 * What the order's tax document needs (documents' exportSaleHook): the CNY amounts as paid, the
 * order's rate snapshot and the consignee's address in its Chinese parts. Null for a domestic order.
 */
export async function exportSaleOf(db: Executor, orderId: string): Promise<ExportSale | null> {
  const [row] = await db.select().from(cbecOrders).where(eq(cbecOrders.orderId, orderId));
  if (!row) return null;
  const p = districtPath(row.districtCode);
  // Municipalities (北京市) list their districts under a "city" that only says 市辖区.
  const city =
    !p || ['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'].includes(p.city)
      ? (p?.province ?? '')
      : p.city;
  const prefix = chineseAddress(row.districtCode, '');
  const street =
    prefix && row.consigneeAddress.startsWith(prefix)
      ? row.consigneeAddress.slice(prefix.length)
      : row.consigneeAddress;
  return {
    market: 'CN',
    currency: 'CNY',
    fx: { rate: row.fxRate, source: row.fxSource, validFrom: row.fxValidFrom.toISOString() },
    lines: row.lines.map((l) => ({
      variantId: l.variantId,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      goodsFen: l.goodsFen,
    })),
    freightFen: row.freightFen,
    importTaxFen: row.taxFen,
    totalFen: row.totalFen,
    buyer: { name: row.buyerName },
    consignee: {
      name: row.consigneeName,
      province: p?.province ?? '',
      city,
      district: p?.county ?? '',
      street,
      districtCode: row.districtCode,
    },
  };
}
