// The price of a cart under the promotions in force, pure: campaign prices per line, then one shop
// voucher per shop, then one platform voucher for the whole checkout, then free shipping per shop.
// The book is shared by the carts of one checkout batch, priced in arrival order, so they share a
// campaign's units and a voucher's uses; a cart takes from it only when it is priced whole.
//
// Stacking rules (README, "Campaigns and vouchers"):
// - a campaign price replaces the catalog price of a line when the line's whole quantity fits both
//   the campaign's units left and the buyer's limit; otherwise the line is at the catalog price;
// - at most one shop voucher per shop (on that shop's goods at campaign prices) and one platform
//   voucher per checkout (on the goods less the shop vouchers, shared among the shops pro rata);
// - free shipping when the shop's goods at campaign prices reach its threshold; it stacks with both.
import { AppError } from '../../platform/errors.ts';
import type { OrderDiscount, PricedShopOrder, PromotionCart, PromotionOutcome } from '../orders/index.ts';

export interface CampaignOffer {
  itemId: string;
  campaignId: string;
  variantId: string;
  priceSatang: number;
  left: number;
  perBuyerLimit: number;
  /** Units each buyer (by cart owner key) bought at this price so far. */
  boughtBy: Map<string, number>;
}

export interface VoucherTerms {
  id: string;
  sellerId: string | null;
  code: string;
  kind: 'amount' | 'percent';
  amountSatang: number | null;
  percent: number | null;
  minSpendSatang: number;
  capSatang: number | null;
  perBuyerLimit: number;
  left: number;
  startsAt: Date;
  endsAt: Date;
  /** Checkouts of each buyer that used it so far. */
  usedBy: Map<string, number>;
}

export interface PromotionState {
  now: Date;
  offers: Map<string, CampaignOffer>;
  vouchers: Map<string, VoucherTerms>;
  freeShipping: Map<string, number>;
}

/** What a voucher takes off `base` satang of goods. */
export function voucherDiscount(
  v: Pick<VoucherTerms, 'kind' | 'amountSatang' | 'percent' | 'capSatang'>,
  base: number,
) {
  const raw = v.kind === 'amount' ? v.amountSatang! : Math.floor((base * v.percent!) / 100);
  return Math.max(0, Math.min(raw, v.capSatang ?? raw, base));
}

const baht = (satang: number) => (satang / 100).toFixed(2);

/** Checks a voucher for this buyer and base; an error is the buyer's to see. */
function voucherRefusal(v: VoucherTerms, buyerKey: string, base: number, now: Date): AppError | null {
  if (now < v.startsAt || now >= v.endsAt) return new AppError(409, 'voucher_not_active', { code: v.code });
  if (base < v.minSpendSatang)
    return new AppError(409, 'voucher_min_spend', { code: v.code, minimum: baht(v.minSpendSatang) });
  if ((v.usedBy.get(buyerKey) ?? 0) >= v.perBuyerLimit)
    return new AppError(409, 'voucher_buyer_limit', { code: v.code });
  if (v.left <= 0) return new AppError(409, 'voucher_used_up', { code: v.code });
  return null;
}

/** Splits `amount` over `bases` in proportion, largest remainders first, summing exactly. */
export function splitProRata(amount: number, bases: number[]): number[] {
  const total = bases.reduce((s, b) => s + b, 0);
  if (!total) return bases.map(() => 0);
  const exact = bases.map((b) => (amount * b) / total);
  const parts = exact.map(Math.floor);
  let rest = amount - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((e, k) => ({ k, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.k - b.k);
  for (const { k } of order) {
    if (rest <= 0) break;
    parts[k] += 1;
    rest -= 1;
  }
  return parts;
}

export function priceCart(state: PromotionState, cart: PromotionCart): PromotionOutcome {
  const { buyerKey } = cart;
  const campaignUses: { offer: CampaignOffer; quantity: number }[] = [];
  const orders: PricedShopOrder[] = cart.orders.map((o) => ({
    sellerId: o.sellerId,
    lines: o.lines.map((l) => {
      const offer = state.offers.get(l.variantId);
      const fits =
        offer &&
        offer.priceSatang < l.listPriceSatang &&
        l.quantity <= offer.left &&
        (offer.boughtBy.get(buyerKey) ?? 0) + l.quantity <= offer.perBuyerLimit;
      if (!fits) return { unitPriceSatang: l.listPriceSatang, listUnitPriceSatang: null, campaignId: null };
      campaignUses.push({ offer, quantity: l.quantity });
      return {
        unitPriceSatang: offer.priceSatang,
        listUnitPriceSatang: l.listPriceSatang,
        campaignId: offer.campaignId,
      };
    }),
    discountSatang: 0,
    discounts: [],
  }));
  const goods = orders.map((o, k) =>
    o.lines.reduce((s, l, j) => s + l.unitPriceSatang * cart.orders[k].lines[j].quantity, 0),
  );

  // Vouchers: known codes only, at most one per shop and one of the platform's.
  const chosen: VoucherTerms[] = [];
  for (const code of cart.voucherCodes) {
    const v = state.vouchers.get(code);
    if (!v) return { ok: false, error: new AppError(404, 'voucher_not_found', { code }) };
    if (chosen.some((c) => c.sellerId === v.sellerId))
      return { ok: false, error: new AppError(409, 'voucher_not_stackable', { code }) };
    chosen.push(v);
  }
  const discountsOf = orders.map(() => [] as OrderDiscount[]);
  const shopVoucherOff = orders.map(() => 0);
  for (const v of chosen.filter((c) => c.sellerId !== null)) {
    const k = orders.findIndex((o) => o.sellerId === v.sellerId);
    if (k < 0) return { ok: false, error: new AppError(409, 'voucher_not_for_cart', { code: v.code }) };
    const refusal = voucherRefusal(v, buyerKey, goods[k], state.now);
    if (refusal) return { ok: false, error: refusal };
    shopVoucherOff[k] = voucherDiscount(v, goods[k]);
    discountsOf[k].push({
      kind: 'shop_voucher',
      id: v.id,
      code: v.code,
      amountSatang: shopVoucherOff[k],
      fundedBy: 'shop',
    });
  }
  const platform = chosen.find((c) => c.sellerId === null);
  if (platform) {
    const bases = goods.map((g, k) => g - shopVoucherOff[k]);
    const base = bases.reduce((s, b) => s + b, 0);
    const refusal = voucherRefusal(platform, buyerKey, base, state.now);
    if (refusal) return { ok: false, error: refusal };
    splitProRata(voucherDiscount(platform, base), bases).forEach((amount, k) => {
      if (amount > 0)
        discountsOf[k].push({
          kind: 'platform_voucher',
          id: platform.id,
          code: platform.code,
          amountSatang: amount,
          fundedBy: 'platform',
        });
    });
  }
  cart.orders.forEach((o, k) => {
    const threshold = state.freeShipping.get(o.sellerId);
    if (threshold !== undefined && o.shippingSatang > 0 && goods[k] >= threshold)
      discountsOf[k].push({
        kind: 'free_shipping',
        id: null,
        code: null,
        amountSatang: o.shippingSatang,
        fundedBy: 'shop',
      });
  });
  for (const [k, o] of orders.entries()) {
    o.discounts = discountsOf[k];
    o.discountSatang = o.discounts.reduce((s, d) => s + d.amountSatang, 0);
  }

  // Priced whole: take the units and the uses from the book.
  for (const { offer, quantity } of campaignUses) {
    offer.left -= quantity;
    offer.boughtBy.set(buyerKey, (offer.boughtBy.get(buyerKey) ?? 0) + quantity);
  }
  for (const v of chosen) {
    v.left -= 1;
    v.usedBy.set(buyerKey, (v.usedBy.get(buyerKey) ?? 0) + 1);
  }
  return {
    ok: true,
    orders,
    uses: {
      campaignItems: campaignUses.map(({ offer, quantity }) => ({
        itemId: offer.itemId,
        variantId: offer.variantId,
        quantity,
      })),
      vouchers: chosen.map((v) => v.id),
    },
  };
}
