// The ledger's arithmetic, pure: which entries a paid order, a refund, a payout make. Debits are
// positive, credits negative, and every posting sums to zero. Amounts are integers in minor units;
// every division rounds half up, and shares of a whole are taken cumulatively, so an order refunded
// in parts reverses exactly what refunding it whole would.
export type Account =
  | 'payments_clearing'
  | 'commission_revenue'
  | 'vat_payable'
  | 'seller_payable'
  | 'payouts_in_transit'
  | 'refunds_payable'
  | 'cbec_tax_payable'
  | 'lender_clearing'
  /** What the platform spends on its own vouchers: it pays the shop the discount the buyer got. */
  | 'platform_promotions';

export interface Entry {
  account: Account;
  amount: number;
  sellerId?: string | null;
  orderId?: string | null;
}

/** round(numerator / denominator), halves away from zero, exact for any safe integers. */
export function divideHalfUp(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new Error('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  return Number(negative ? -q : q);
}

/** A rate in basis points (700 = 7%) of an amount. */
export const basisPoints = (amount: number, bp: number): number => divideHalfUp(BigInt(amount) * BigInt(bp), 10_000n);

export interface PaidOrder {
  orderId: string;
  sellerId: string;
  total: number;
  goods: number;
  commissionBp: number;
  vatBp: number;
}
export interface OrderSplit {
  commission: number;
  vat: number;
  payable: number;
}

/** The platform's commission on the goods, VAT on the commission, and what the seller is owed of the total. */
export function splitOrder(o: Pick<PaidOrder, 'total' | 'goods' | 'commissionBp' | 'vatBp'>): OrderSplit {
  const commission = basisPoints(o.goods, o.commissionBp);
  const vat = basisPoints(commission, o.vatBp);
  return { commission, vat, payable: o.total - commission - vat };
}

/** A paid order: the buyer's money in clearing, owed to the seller, the platform and the Revenue Department. */
export function orderPaidEntries(o: PaidOrder): Entry[] {
  const s = splitOrder(o);
  const at = { orderId: o.orderId };
  return [
    { account: 'payments_clearing', amount: o.total, ...at },
    { account: 'seller_payable', amount: -s.payable, sellerId: o.sellerId, ...at },
    { account: 'commission_revenue', amount: -s.commission, ...at },
    { account: 'vat_payable', amount: -s.vat, ...at },
  ];
}

const share = (whole: number, part: number, total: number) => divideHalfUp(BigInt(whole) * BigInt(part), BigInt(total));

/**
 * Reverses `refund` of an order's `total`, after `refundedBefore` was already reversed: each account
 * gives back its proportional share, the seller's share taking the rounding remainder.
 */
export function refundEntries(
  o: { orderId: string; sellerId: string; total: number } & OrderSplit,
  refundedBefore: number,
  refund: number,
): Entry[] {
  if (refund <= 0 || refundedBefore + refund > o.total)
    throw new Error('a refund must be positive and within the order total');
  const commission =
    share(o.commission, refundedBefore + refund, o.total) - share(o.commission, refundedBefore, o.total);
  const vat = share(o.vat, refundedBefore + refund, o.total) - share(o.vat, refundedBefore, o.total);
  const at = { orderId: o.orderId };
  return [
    { account: 'seller_payable', amount: refund - commission - vat, sellerId: o.sellerId, ...at },
    { account: 'commission_revenue', amount: commission, ...at },
    { account: 'vat_payable', amount: vat, ...at },
    { account: 'payments_clearing', amount: -refund, ...at },
  ];
}

/** Money received that pays for nothing (a second payment, or one after the orders expired), owed back to the buyer... */
export const unallocatedEntries = (amount: number): Entry[] => [
  { account: 'payments_clearing', amount },
  { account: 'refunds_payable', amount: -amount },
];
/** ...and paid back. */
export const unallocatedReturnedEntries = (amount: number): Entry[] => [
  { account: 'refunds_payable', amount },
  { account: 'payments_clearing', amount: -amount },
];

/** A payout leaves the seller's balance for the bank transfer in progress... */
export const payoutEntries = (sellerId: string, amount: number): Entry[] => [
  { account: 'seller_payable', amount, sellerId },
  { account: 'payouts_in_transit', amount: -amount, sellerId },
];
/** ...which, once the bank confirms, leaves the platform's account. */
export const payoutPaidEntries = (sellerId: string, amount: number): Entry[] => [
  { account: 'payouts_in_transit', amount, sellerId },
  { account: 'payments_clearing', amount: -amount, sellerId },
];

/**
 * Cross-border tax (CNY, fen): the platform withholds the buyer's import VAT/consumption tax for
 * customs. Collected into clearing and owed to customs (never the seller's, never revenue)...
 */
export const cbecTaxCollectedEntries = (orderId: string, fen: number): Entry[] => [
  { account: 'payments_clearing', amount: fen, orderId },
  { account: 'cbec_tax_payable', amount: -fen, orderId },
];
/** ...given back with a refund (its share of the order, taken cumulatively like the sale's)... */
export const cbecTaxRefundEntries = (orderId: string, fen: number): Entry[] => [
  { account: 'cbec_tax_payable', amount: fen, orderId },
  { account: 'payments_clearing', amount: -fen, orderId },
];
/** The share of `whole` that refunds up to `after` of `total` carry, less what those up to `before` carried. */
export const shareBetween = (whole: number, before: number, after: number, total: number): number =>
  share(whole, after, total) - share(whole, before, total);
/**
 * A refund of an order that used a platform voucher gives back the voucher's share: the shop was paid
 * the platform's discount as if the buyer had paid it, and the sale is (partly) undone.
 */
export const platformPromotionRefundEntries = (orderId: string, sellerId: string, satang: number): Entry[] => [
  { account: 'seller_payable', amount: satang, sellerId, orderId },
  { account: 'platform_promotions', amount: -satang, orderId },
];
/** ...and paid to customs: each order's outstanding liability cleared against the platform's cash. */
export function cbecTaxSettledEntries(outstanding: { orderId: string; fen: number }[]): Entry[] {
  const entries: Entry[] = outstanding.map((o) => ({ account: 'cbec_tax_payable', amount: o.fen, orderId: o.orderId }));
  entries.push({ account: 'payments_clearing', amount: -sumOf(entries) });
  return entries;
}

export const sumOf = (entries: { amount: number }[]) => entries.reduce((s, e) => s + e.amount, 0);
export const isBalanced = (entries: { amount: number }[]) => sumOf(entries) === 0;

/** Balances per account (and seller), folded from entries. */
export function balancesOf(entries: Entry[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) {
    const key =
      e.account === 'seller_payable' || e.account === 'payouts_in_transit' ? `${e.account}:${e.sellerId}` : e.account;
    out.set(key, (out.get(key) ?? 0) + e.amount);
  }
  return out;
}
