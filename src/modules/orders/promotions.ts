// The checkout's joint for promotions (campaign prices, vouchers, free shipping). Orders comes
// before the module that owns them (campaigns), so it declares what it needs as a hook point and the
// campaigns module fills it in. Without it, checkout charges catalog prices as before.
//
// A checkout batch calls `read` in its first round trip (with the carts locked), prices every cart
// in arrival order from that one book (so carts of one batch share a campaign's stock and a
// voucher's uses), and after its own writes calls `commit` for the checkouts it placed. `commit`
// counts the uses with conditional UPDATEs and throws `PromotionConflict` when another batch took
// them first; the batch is then run again with the promotions' rows locked up front (`lock`).
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import type { AppError } from '../../platform/errors.ts';
import { hookPoint } from '../../platform/module.ts';

/** One discount on an order as the order keeps it: what it was, how much, and who pays for it. */
export interface OrderDiscount {
  kind: 'shop_voucher' | 'platform_voucher' | 'free_shipping';
  /** The voucher's id (none for free shipping). */
  id: string | null;
  code: string | null;
  amountSatang: number;
  fundedBy: 'shop' | 'platform';
}

export interface PromotionCartLine {
  productId: string;
  variantId: string;
  quantity: number;
  /** The catalog's price now. */
  listPriceSatang: number;
}

/** A cart about to be checked out, one entry per shop. */
export interface PromotionCart {
  buyerKey: string;
  voucherCodes: string[];
  orders: { sellerId: string; shippingSatang: number; lines: PromotionCartLine[] }[];
}

export interface PricedLine {
  unitPriceSatang: number;
  /** Set when a campaign price replaced the catalog's: the catalog price and the campaign. */
  listUnitPriceSatang: number | null;
  campaignId: string | null;
}

export interface PricedShopOrder {
  sellerId: string;
  lines: PricedLine[];
  /** Voucher and free-shipping discounts on this shop's order (campaign prices are in the lines). */
  discountSatang: number;
  discounts: OrderDiscount[];
}

/** What a priced cart takes from the promotions' limits, counted when its checkout is placed. */
export interface PromotionUses {
  campaignItems: { itemId: string; variantId: string; quantity: number }[];
  vouchers: string[];
}

export type PromotionOutcome =
  | { ok: true; orders: PricedShopOrder[]; uses: PromotionUses }
  | { ok: false; error: AppError };

export interface PlacedPromotion {
  outcome: PromotionOutcome & { ok: true };
  buyerKey: string;
  groupId: string;
  /** The order id of each shop's order in the group. */
  orderIdOf: Map<string, string>;
}

export interface PromotionBook {
  /** Prices one cart, taking campaign units and voucher uses from the book (call in arrival order). */
  price(cart: PromotionCart): PromotionOutcome;
  /** Records the uses of the placed checkouts; throws PromotionConflict when a limit was reached meanwhile. */
  commit(tx: Executor, placed: PlacedPromotion[]): Promise<void>;
}

export interface CheckoutPromotions {
  read(
    tx: Executor,
    q: { variantIds: SQL; sellerIds: SQL; buyerKeys: string[]; codes: string[]; lock: boolean; now: Date },
  ): Promise<PromotionBook>;
}

/** Another batch used a campaign's units or a voucher's uses first: run the batch again, rows locked. */
export class PromotionConflict extends Error {}

export const checkoutPromotionsHook = hookPoint<CheckoutPromotions>('orders.checkoutPromotions');
