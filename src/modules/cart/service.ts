// Carts: a signed-in user's or a guest's (by cookie), holding items from several shops.
// Prices are not stored in the cart: it always shows, and checkout always charges, today's price.
import { cartOwnerKey } from './owner.ts';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pickText, type Locale } from '../../platform/i18n.ts';
import { createBatcher } from '../../platform/batcher.ts';
import { queryRows, uuidArray, type Db, type Executor } from '../../platform/db.ts';
import type { Config } from '../../platform/config.ts';
import { getVariantsForSale, type VariantForSale } from '../catalog/index.ts';
import { sellerFacts } from '../sellers/index.ts';
import { availability } from '../inventory/index.ts';
import { carts, cartItems } from './schema.ts';
import './messages.ts';

export const MAX_LINE_QUANTITY = 999;

export interface CartAdd {
  ownerKey: string;
  variantId: string;
  quantity: number;
}
export interface CartAddResult {
  cartId: string;
  variantId: string;
  quantity: number;
}

/**
 * Adds many items to many carts in one transaction: one read of the variants and their stock,
 * one upsert of the carts, one upsert of the items. Each add succeeds or fails on its own.
 */
export async function addToCarts(tx: Executor, adds: CartAdd[]): Promise<(CartAddResult | AppError)[]> {
  const ids = [...new Set(adds.map((a) => a.variantId))];
  const [variants, stock] = await Promise.all([getVariantsForSale(tx, ids), availability(tx, ids, 'either')]);
  const byId = new Map(variants.map((v) => [v.variantId, v]));
  const verdicts = adds.map((a): AppError | null => {
    const v = byId.get(a.variantId);
    if (!v) return new AppError(404, 'variant_not_found', {}, [{ field: 'variantId', code: 'invalid' }]);
    if (!v.saleable) return new AppError(409, 'item_unavailable');
    const available = stock.get(a.variantId) ?? 0;
    if (a.quantity > available)
      return new AppError(409, 'not_enough_stock', { available }, [
        { field: 'quantity', code: 'too_large', params: { max: available } },
      ]);
    return null;
  });
  const accepted = adds.filter((_, i) => !verdicts[i]);
  const results = new Map<string, CartAddResult>();
  const cartOf = new Map<string, string>();
  if (accepted.length) {
    const owners = [...new Set(accepted.map((a) => a.ownerKey))];
    const sums = new Map<string, { k: string; v: string; q: number }>();
    for (const a of accepted) {
      const key = `${a.ownerKey}|${a.variantId}`;
      const cur = sums.get(key) ?? { k: a.ownerKey, v: a.variantId, q: 0 };
      cur.q = Math.min(cur.q + a.quantity, MAX_LINE_QUANTITY);
      sums.set(key, cur);
    }
    // One statement: upsert the carts, then their items (atomic without an explicit transaction).
    const itemRows = await queryRows<{ cart_id: string; variant_id: string; quantity: number; owner_key: string }>(
      tx,
      sql`
      with c as (
        insert into carts (id, owner_key) select id, k from jsonb_to_recordset(${JSON.stringify(owners.map((k) => ({ id: newId(), k })))}::jsonb) as x(id uuid, k text)
        on conflict (owner_key) do update set updated_at = now() returning id, owner_key
      ), i as (
        insert into cart_items (cart_id, variant_id, quantity)
        select c.id, x.v, x.q from jsonb_to_recordset(${JSON.stringify([...sums.values()])}::jsonb) as x(k text, v uuid, q int) join c on c.owner_key = x.k
        on conflict (cart_id, variant_id) do update set quantity = least(cart_items.quantity + excluded.quantity, ${MAX_LINE_QUANTITY})
        returning cart_id, variant_id, quantity
      )
      select i.cart_id, i.variant_id, i.quantity, c.owner_key from i join c on c.id = i.cart_id`,
    );
    for (const r of itemRows) {
      cartOf.set(r.owner_key, r.cart_id);
      results.set(`${r.cart_id}|${r.variant_id}`, { cartId: r.cart_id, variantId: r.variant_id, quantity: r.quantity });
    }
  }
  return adds.map((a, i) => verdicts[i] ?? results.get(`${cartOf.get(a.ownerKey)}|${a.variantId}`)!);
}

/** The add-to-cart group committer of one running app. */
export function createCartWriter(db: Db, config: Config) {
  const batcher = createBatcher<CartAdd, CartAddResult | AppError>({
    maxSize: config.checkoutBatchMax,
    concurrency: 4,
    run: (adds) => addToCarts(db, adds),
    runOne: async (add) => (await addToCarts(db, [add]))[0],
  });
  return async (add: CartAdd): Promise<CartAddResult> => {
    if (!Number.isInteger(add.quantity) || add.quantity < 1 || add.quantity > MAX_LINE_QUANTITY) {
      throw new AppError(422, 'validation_failed', {}, [
        { field: 'quantity', code: 'too_large', params: { max: MAX_LINE_QUANTITY } },
      ]);
    }
    const result = await batcher.submit(add);
    if (result instanceof AppError) throw result;
    return result;
  };
}

/** A guest who signs in keeps what they put in the cart: the guest cart is folded into theirs. */
export async function adoptGuestCart(db: Db, actor: Actor): Promise<void> {
  if (actor.kind !== 'user' || !actor.guestTokenHash) return;
  const guestKey = `g:${actor.guestTokenHash}`;
  const [guest] = await db.select({ id: carts.id }).from(carts).where(eq(carts.ownerKey, guestKey));
  if (!guest) return;
  await db.transaction(async (tx) => {
    const userKey = `u:${actor.userId}`;
    await tx.insert(carts).values({ id: newId(), ownerKey: userKey }).onConflictDoNothing();
    const [mine] = await tx.select({ id: carts.id }).from(carts).where(eq(carts.ownerKey, userKey));
    await tx.execute(sql`
      insert into cart_items (cart_id, variant_id, quantity)
      select ${mine.id}::uuid, variant_id, quantity from cart_items where cart_id = ${guest.id}::uuid
      on conflict (cart_id, variant_id) do update set quantity = least(cart_items.quantity + excluded.quantity, ${MAX_LINE_QUANTITY})`);
    await tx.delete(carts).where(eq(carts.id, guest.id));
  });
}

export interface CartLine {
  variantId: string;
  quantity: number;
}

/** What is in the carts of these owners, keyed by owner. */
export async function cartLines(
  tx: Executor,
  ownerKeys: string[],
): Promise<Map<string, { cartId: string; lines: CartLine[] }>> {
  const out = new Map<string, { cartId: string; lines: CartLine[] }>();
  if (!ownerKeys.length) return out;
  const rows = await queryRows<{ id: string; owner_key: string; variant_id: string; quantity: number }>(
    tx,
    sql`
    select c.id, c.owner_key, i.variant_id, i.quantity from carts c join cart_items i on i.cart_id = c.id
    where c.owner_key = any(${textArray(ownerKeys)}::text[])
    order by c.owner_key, i.added_at, i.variant_id`,
  );
  for (const r of rows) {
    const entry = out.get(r.owner_key) ?? { cartId: r.id, lines: [] };
    entry.lines.push({ variantId: r.variant_id, quantity: r.quantity });
    out.set(r.owner_key, entry);
  }
  return out;
}

/**
 * Locks carts for checkout (in one global order, so batches cannot deadlock): a second checkout
 * of the same cart waits, then reads it emptied. Statements after this one see fresh data.
 */
export async function lockCarts(tx: Executor, ownerKeys: string[]): Promise<void> {
  if (ownerKeys.length)
    await tx.execute(
      sql`select 1 from carts where owner_key = any(${textArray(ownerKeys)}::text[]) order by owner_key for update`,
    );
}

/** A subquery selecting the variants in these owners' carts (for reads pipelined with cartLines). */
export function cartVariantIds(ownerKeys: string[]): SQL {
  return sql`select i.variant_id from carts c join cart_items i on i.cart_id = c.id where c.owner_key = any(${textArray(ownerKeys)}::text[])`;
}

/** Owner keys are "u:<uuid>" or "g:<base64url>", safe inside a quoted array literal. */
const textArray = (keys: string[]) => `{${keys.map((k) => `"${k}"`).join(',')}}`;

/** Empties carts after a successful checkout. */
export async function clearCarts(tx: Executor, cartIds: string[]): Promise<void> {
  if (cartIds.length) await tx.execute(sql`delete from cart_items where cart_id = any(${uuidArray(cartIds)}::uuid[])`);
}

export async function setCartQuantity(db: Db, actor: Actor, variantId: string, quantity: number): Promise<void> {
  const ownerKey = cartOwnerKey(actor);
  if (!ownerKey) return;
  const [cart] = await db.select({ id: carts.id }).from(carts).where(eq(carts.ownerKey, ownerKey));
  if (!cart) return;
  if (quantity === 0) {
    await db.delete(cartItems).where(and(eq(cartItems.cartId, cart.id), eq(cartItems.variantId, variantId)));
    return;
  }
  const stock = await availability(db, [variantId], 'either');
  const available = stock.get(variantId) ?? 0;
  if (quantity > available)
    throw new AppError(409, 'not_enough_stock', { available }, [
      { field: 'quantity', code: 'too_large', params: { max: available } },
    ]);
  const updated = await db
    .update(cartItems)
    .set({ quantity })
    .where(and(eq(cartItems.cartId, cart.id), eq(cartItems.variantId, variantId)))
    .returning({ v: cartItems.variantId });
  if (!updated.length) throw new AppError(404, 'not_found', { what: 'cart item' });
}

export interface CartView {
  cartId: string | null;
  itemCount: number;
  shops: {
    sellerId: string;
    shopSlug: string;
    shopName: string;
    items: {
      variantId: string;
      productId: string;
      sku: string;
      title: string;
      titleText: VariantForSale['title'];
      optionValues: string[];
      unitPriceSatang: number;
      quantity: number;
      lineTotalSatang: number;
      available: number;
      saleable: boolean;
    }[];
    subtotalSatang: number;
    shippingSatang: number;
  }[];
  subtotalSatang: number;
  shippingSatang: number;
  totalSatang: number;
  /** False when an item is no longer for sale or has less stock than the cart asks for. */
  readyForCheckout: boolean;
}

/** Shipping for one shop's part of an order: the shop's flat rate, else the platform default. */
export const shopShipping = (rate: number | null | undefined, config: Config): number =>
  rate ?? config.shippingFlatSatang;

export async function viewCart(db: Db, actor: Actor, locale: Locale, config: Config): Promise<CartView> {
  await adoptGuestCart(db, actor);
  const ownerKey = cartOwnerKey(actor);
  const entry = ownerKey ? (await cartLines(db, [ownerKey])).get(ownerKey) : undefined;
  const lines = entry?.lines ?? [];
  const ids = lines.map((l) => l.variantId);
  const variants = new Map((await getVariantsForSale(db, ids)).map((v) => [v.variantId, v]));
  const stock = await availability(db, ids);
  const facts = await sellerFacts(db, [...new Set([...variants.values()].map((v) => v.sellerId))]);
  const shops = new Map<string, CartView['shops'][number]>();
  let ready = lines.length > 0;
  for (const line of lines) {
    const v = variants.get(line.variantId);
    if (!v) {
      ready = false;
      continue;
    }
    const fact = facts.get(v.sellerId);
    const shop = shops.get(v.sellerId) ?? {
      sellerId: v.sellerId,
      shopSlug: fact?.slug ?? '',
      shopName: fact ? pickText(fact.shopName, locale) : '',
      items: [],
      subtotalSatang: 0,
      shippingSatang: shopShipping(fact?.shippingFlatSatang, config),
    };
    const available = stock.get(v.variantId) ?? 0;
    if (!v.saleable || available < line.quantity) ready = false;
    shop.items.push({
      variantId: v.variantId,
      productId: v.productId,
      sku: v.sku,
      title: pickText(v.title, locale),
      titleText: v.title,
      optionValues: v.optionValues.map((o) => pickText(o, locale)),
      unitPriceSatang: v.priceSatang,
      quantity: line.quantity,
      lineTotalSatang: v.priceSatang * line.quantity,
      available,
      saleable: v.saleable,
    });
    shop.subtotalSatang += v.priceSatang * line.quantity;
    shops.set(v.sellerId, shop);
  }
  const list = [...shops.values()];
  const subtotal = list.reduce((s, x) => s + x.subtotalSatang, 0);
  const shipping = list.reduce((s, x) => s + x.shippingSatang, 0);
  return {
    cartId: entry?.cartId ?? null,
    itemCount: lines.reduce((s, l) => s + l.quantity, 0),
    shops: list,
    subtotalSatang: subtotal,
    shippingSatang: shipping,
    totalSatang: subtotal + shipping,
    readyForCheckout: ready,
  };
}
