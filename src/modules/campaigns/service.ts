// Campaigns and vouchers as their owners manage them: a shop creates flash-sale campaigns, shop
// vouchers and its free-shipping threshold; operators create platform vouchers. Buyers see the
// campaign prices in force (storefront) and a quote of their cart with vouchers (checkout).
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Actor, isOperator } from '../../platform/actor.ts';
import type { Config } from '../../platform/config.ts';
import { type Db, type Executor, queryRows, uuidArray } from '../../platform/db.ts';
import { AppError, type FieldError, forbidden, unauthenticated } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../platform/idempotency.ts';
import { newId } from '../../platform/ids.ts';
import { cartLines, cartOwnerKey, cartVariantIds, shopShipping } from '../cart/index.ts';
import { getVariantsForSale, sellersOfVariants } from '../catalog/index.ts';
import { requireSellerAccess, sellerFacts } from '../sellers/index.ts';
import { readBook } from './book.ts';
import { priceCart } from './pricing.ts';
import { campaignItems, campaigns, shopFreeShipping, vouchers } from './schema.ts';
import './messages.ts';

type Text = { th: string; zh?: string | null; en?: string | null };

export interface CampaignInput {
  name: Text;
  startsAt: string;
  endsAt: string;
  items: { variantId: string; priceSatang: number; stockLimit: number; perBuyerLimit: number }[];
}

const windowErrors = (startsAt: string, endsAt: string): FieldError[] =>
  new Date(endsAt) > new Date(startsAt) ? [] : [{ field: 'endsAt', code: 'window_invalid' }];

export async function createCampaign(db: Db, actor: Actor, sellerId: string, input: CampaignInput) {
  await requireSellerAccess(db, actor, sellerId);
  const errors = windowErrors(input.startsAt, input.endsAt);
  const variants = new Map(
    (
      await getVariantsForSale(
        db,
        input.items.map((i) => i.variantId),
      )
    ).map((v) => [v.variantId, v]),
  );
  input.items.forEach((item, k) => {
    const v = variants.get(item.variantId);
    if (!v || v.sellerId !== sellerId) errors.push({ field: `items.${k}.variantId`, code: 'not_your_variant' });
    else if (item.priceSatang >= v.priceSatang)
      errors.push({ field: `items.${k}.priceSatang`, code: 'campaign_price_not_lower' });
  });
  if (new Set(input.items.map((i) => i.variantId)).size !== input.items.length)
    errors.push({ field: 'items', code: 'duplicate' });
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
  const id = newId();
  await db.transaction(async (tx) => {
    // One campaign per variant at a time: the shop's campaigns are serialized on the shop's row lock.
    await tx.execute(sql`select 1 from campaigns where seller_id = ${sellerId} order by id for update`);
    const [overlap] = await queryRows(
      tx,
      sql`
      select 1 from campaign_items ci join campaigns c on c.id = ci.campaign_id
      where ci.variant_id = any(${uuidArray(input.items.map((i) => i.variantId))}::uuid[]) and c.cancelled_at is null
        and c.starts_at < ${input.endsAt}::timestamptz and c.ends_at > ${input.startsAt}::timestamptz limit 1`,
    );
    if (overlap) throw new AppError(409, 'campaign_overlaps');
    await tx.insert(campaigns).values({
      id,
      sellerId,
      name: input.name,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
    });
    await tx.insert(campaignItems).values(
      input.items.map((i) => ({
        id: newId(),
        campaignId: id,
        sellerId,
        productId: variants.get(i.variantId)!.productId,
        variantId: i.variantId,
        priceSatang: i.priceSatang,
        stockLimit: i.stockLimit,
        perBuyerLimit: i.perBuyerLimit,
      })),
    );
  });
  return (await listCampaigns(db, actor, sellerId)).find((c) => c.id === id)!;
}

export async function listCampaigns(db: Executor, actor: Actor, sellerId: string) {
  await requireSellerAccess(db, actor, sellerId);
  const rows = await db
    .select()
    .from(campaigns)
    .where(eq(campaigns.sellerId, sellerId))
    .orderBy(desc(campaigns.startsAt));
  const items = rows.length
    ? await db
        .select()
        .from(campaignItems)
        .where(sql`${campaignItems.campaignId} = any(${uuidArray(rows.map((r) => r.id))}::uuid[])`)
    : [];
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    cancelled: c.cancelledAt !== null,
    items: items
      .filter((i) => i.campaignId === c.id)
      .map((i) => ({
        variantId: i.variantId,
        productId: i.productId,
        priceSatang: i.priceSatang,
        stockLimit: i.stockLimit,
        perBuyerLimit: i.perBuyerLimit,
        sold: i.sold,
      })),
  }));
}

export async function cancelCampaign(db: Db, actor: Actor, sellerId: string, id: string) {
  await requireSellerAccess(db, actor, sellerId);
  const [row] = await db
    .update(campaigns)
    .set({ cancelledAt: new Date() })
    .where(and(eq(campaigns.id, id), eq(campaigns.sellerId, sellerId), isNull(campaigns.cancelledAt)))
    .returning({ id: campaigns.id });
  if (!row) throw new AppError(404, 'not_found', { what: 'campaign' });
}

export interface VoucherInput {
  code: string;
  name: Text;
  kind: 'amount' | 'percent';
  amountSatang?: number;
  percent?: number;
  minSpendSatang?: number;
  capSatang?: number;
  perBuyerLimit: number;
  totalLimit: number;
  startsAt: string;
  endsAt: string;
}

function voucherErrors(v: VoucherInput): FieldError[] {
  const errors = windowErrors(v.startsAt, v.endsAt);
  if (v.kind === 'amount' ? !v.amountSatang : !v.percent || v.percent > 90)
    errors.push({ field: v.kind === 'amount' ? 'amountSatang' : 'percent', code: 'voucher_value' });
  return errors;
}

const normalizeCode = (code: string) => code.trim().toUpperCase();

async function insertVoucher(db: Db, sellerId: string | null, v: VoucherInput) {
  const errors = voucherErrors(v);
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
  const code = normalizeCode(v.code);
  const id = newId();
  try {
    await db.insert(vouchers).values({
      id,
      sellerId,
      code,
      name: v.name,
      kind: v.kind,
      amountSatang: v.kind === 'amount' ? v.amountSatang! : null,
      percent: v.kind === 'percent' ? v.percent! : null,
      minSpendSatang: v.minSpendSatang ?? 0,
      capSatang: v.capSatang ?? null,
      perBuyerLimit: v.perBuyerLimit,
      totalLimit: v.totalLimit,
      startsAt: new Date(v.startsAt),
      endsAt: new Date(v.endsAt),
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(409, 'voucher_code_taken', { code });
    throw err;
  }
  const [row] = await db.select().from(vouchers).where(eq(vouchers.id, id));
  return voucherView(row);
}

export function voucherView(v: typeof vouchers.$inferSelect) {
  return {
    id: v.id,
    sellerId: v.sellerId,
    code: v.code,
    name: v.name,
    kind: v.kind,
    amountSatang: v.amountSatang,
    percent: v.percent,
    minSpendSatang: v.minSpendSatang,
    capSatang: v.capSatang,
    perBuyerLimit: v.perBuyerLimit,
    totalLimit: v.totalLimit,
    used: v.used,
    startsAt: v.startsAt.toISOString(),
    endsAt: v.endsAt.toISOString(),
    fundedBy: v.sellerId ? ('shop' as const) : ('platform' as const),
  };
}

export async function createShopVoucher(db: Db, actor: Actor, sellerId: string, v: VoucherInput) {
  await requireSellerAccess(db, actor, sellerId);
  return insertVoucher(db, sellerId, v);
}

export async function listShopVouchers(db: Db, actor: Actor, sellerId: string) {
  await requireSellerAccess(db, actor, sellerId);
  const rows = await db
    .select()
    .from(vouchers)
    .where(eq(vouchers.sellerId, sellerId))
    .orderBy(desc(vouchers.createdAt));
  return rows.map(voucherView);
}

function requireOperator(actor: Actor) {
  if (actor.kind === 'guest') throw unauthenticated();
  if (!isOperator(actor)) throw forbidden();
}

export async function createPlatformVoucher(db: Db, actor: Actor, v: VoucherInput) {
  requireOperator(actor);
  return insertVoucher(db, null, v);
}

export async function listPlatformVouchers(db: Db, actor: Actor) {
  requireOperator(actor);
  const rows = await db.select().from(vouchers).where(isNull(vouchers.sellerId)).orderBy(desc(vouchers.createdAt));
  return rows.map(voucherView);
}

export async function setFreeShipping(db: Db, actor: Actor, sellerId: string, minSubtotalSatang: number | null) {
  await requireSellerAccess(db, actor, sellerId);
  if (minSubtotalSatang === null) await db.delete(shopFreeShipping).where(eq(shopFreeShipping.sellerId, sellerId));
  else
    await db
      .insert(shopFreeShipping)
      .values({ sellerId, minSubtotalSatang })
      .onConflictDoUpdate({ target: shopFreeShipping.sellerId, set: { minSubtotalSatang, updatedAt: new Date() } });
  return { minSubtotalSatang };
}

export async function freeShippingOf(db: Executor, sellerId: string): Promise<number | null> {
  const [row] = await db.select().from(shopFreeShipping).where(eq(shopFreeShipping.sellerId, sellerId));
  return row?.minSubtotalSatang ?? null;
}

/** Vouchers a buyer of these shops may choose now (the platform's and the shops'), for the checkout's picker. */
async function vouchersOnOffer(db: Executor, sellerIds: string[], now: Date) {
  const rows = await db
    .select()
    .from(vouchers)
    .where(
      sql`(${vouchers.sellerId} is null or ${vouchers.sellerId} = any(${uuidArray(sellerIds)}::uuid[]))
        and ${vouchers.startsAt} <= ${now.toISOString()}::timestamptz and ${vouchers.endsAt} > ${now.toISOString()}::timestamptz
        and ${vouchers.used} < ${vouchers.totalLimit}`,
    )
    .orderBy(vouchers.code)
    .limit(50);
  return rows.map(voucherView);
}

/**
 * The buyer's cart priced as the checkout will price it (campaign prices, the vouchers given,
 * free shipping), with the vouchers on offer. Read-only: nothing is held until the checkout.
 */
export async function quoteCart(db: Db, actor: Actor, config: Config, voucherCodes: string[], now = new Date()) {
  const key = cartOwnerKey(actor);
  const cart = key ? (await cartLines(db, [key])).get(key) : undefined;
  const codes = [...new Set(voucherCodes.map(normalizeCode))];
  const empty = { shops: [], subtotalSatang: 0, shippingSatang: 0, discountSatang: 0, totalSatang: 0, vouchers: [] };
  if (!key || !cart?.lines.length) return { ...empty, voucherCodes: codes, problem: null };
  const variants = new Map(
    (
      await getVariantsForSale(
        db,
        cart.lines.map((l) => l.variantId),
      )
    ).map((v) => [v.variantId, v]),
  );
  const lines = cart.lines.filter((l) => variants.get(l.variantId)?.saleable);
  const sellerIds = [...new Set(lines.map((l) => variants.get(l.variantId)!.sellerId))];
  const [facts, state, offered] = await Promise.all([
    sellerFacts(db, sellerIds),
    readBook(db, {
      variantIds: cartVariantIds([key]),
      sellerIds: sellersOfVariants(cartVariantIds([key])),
      buyerKeys: [key],
      codes,
      lock: false,
      now,
    }),
    vouchersOnOffer(db, sellerIds, now),
  ]);
  const shopOrders = sellerIds.map((sellerId) => ({
    sellerId,
    shippingSatang: shopShipping(facts.get(sellerId)?.shippingFlatSatang, config),
    lines: lines
      .filter((l) => variants.get(l.variantId)!.sellerId === sellerId)
      .map((l) => ({
        productId: variants.get(l.variantId)!.productId,
        variantId: l.variantId,
        quantity: l.quantity,
        listPriceSatang: variants.get(l.variantId)!.priceSatang,
      })),
  }));
  let outcome = priceCart(state, { buyerKey: key, voucherCodes: codes, orders: shopOrders });
  let problem: AppError | null = null;
  if (!outcome.ok) {
    // Show the cart without the vouchers, and say why they do not apply.
    problem = outcome.error;
    outcome = priceCart(state, { buyerKey: key, voucherCodes: [], orders: shopOrders });
  }
  if (!outcome.ok) throw outcome.error;
  const shops = shopOrders.map((o, k) => {
    const priced = outcome.orders[k];
    const items = o.lines.map((l, j) => ({
      variantId: l.variantId,
      quantity: l.quantity,
      unitPriceSatang: priced.lines[j].unitPriceSatang,
      listUnitPriceSatang: priced.lines[j].listUnitPriceSatang,
      campaignId: priced.lines[j].campaignId,
      lineTotalSatang: priced.lines[j].unitPriceSatang * l.quantity,
    }));
    const subtotalSatang = items.reduce((s, i) => s + i.lineTotalSatang, 0);
    return {
      sellerId: o.sellerId,
      items,
      subtotalSatang,
      shippingSatang: o.shippingSatang,
      discountSatang: priced.discountSatang,
      discounts: priced.discounts,
      freeShippingFromSatang: state.freeShipping.get(o.sellerId) ?? null,
      totalSatang: subtotalSatang + o.shippingSatang - priced.discountSatang,
    };
  });
  const sum = (f: (s: (typeof shops)[number]) => number) => shops.reduce((t, s) => t + f(s), 0);
  return {
    shops,
    subtotalSatang: sum((s) => s.subtotalSatang),
    shippingSatang: sum((s) => s.shippingSatang),
    discountSatang: sum((s) => s.discountSatang),
    totalSatang: sum((s) => s.totalSatang),
    voucherCodes: problem ? [] : codes,
    vouchers: offered,
    problem,
  };
}
