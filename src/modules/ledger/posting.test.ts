import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  balancesOf,
  cbecTaxCollectedEntries,
  cbecTaxSettledEntries,
  shareBetween,
  basisPoints,
  divideHalfUp,
  isBalanced,
  orderPaidEntries,
  payoutEntries,
  payoutPaidEntries,
  refundEntries,
  splitOrder,
  unallocatedEntries,
  unallocatedReturnedEntries,
  type Entry,
} from './posting.ts';

const order = fc.record({
  goods: fc.integer({ min: 1, max: 2_000_000_000 }),
  shipping: fc.integer({ min: 0, max: 1_000_000 }),
  commissionBp: fc.integer({ min: 0, max: 3000 }),
  vatBp: fc.constantFrom(0, 700, 1000),
});

/** An order, and refunds that split some or all of its total into parts. */
const orderWithRefunds = order.chain((o) => {
  const total = o.goods + o.shipping;
  return fc.array(fc.integer({ min: 1, max: total }), { maxLength: 6 }).map((cuts) => {
    const points = [...new Set(cuts)].sort((a, b) => a - b);
    const parts = points.map((p, i) => p - (points[i - 1] ?? 0));
    return { ...o, total, refunds: parts };
  });
});

describe('ledger postings', () => {
  it('rounds half up exactly, for negative amounts too', () => {
    expect(divideHalfUp(5n, 2n)).toBe(3);
    expect(divideHalfUp(-5n, 2n)).toBe(-3);
    expect(divideHalfUp(4n, 3n)).toBe(1);
    expect(basisPoints(89_000, 500)).toBe(4_450);
    expect(basisPoints(4_450, 700)).toBe(312); // 311.5 -> 312
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const q = divideHalfUp(BigInt(n), BigInt(d));
        expect(Math.abs(2 * (n - q * d))).toBeLessThanOrEqual(d); // the nearest integer
      }),
    );
  });

  it('splits a paid order into seller payable, commission and VAT on the commission', () => {
    // 890 baht of goods + 50 shipping, 5% commission, 7% VAT on it.
    expect(splitOrder({ total: 94_000, goods: 89_000, commissionBp: 500, vatBp: 700 })).toEqual({
      commission: 4_450,
      vat: 312,
      payable: 89_238,
    });
  });

  it('balances every posting, and a refund of the whole order in any parts returns every account to zero', () => {
    fc.assert(
      fc.property(orderWithRefunds, (o) => {
        const paid = { orderId: 'o1', sellerId: 's1', ...o };
        const split = splitOrder(paid);
        const postings: Entry[][] = [orderPaidEntries(paid)];
        let before = 0;
        for (const part of o.refunds) {
          postings.push(refundEntries({ ...paid, ...split }, before, part));
          before += part;
        }
        for (const p of postings) expect(isBalanced(p)).toBe(true);
        const balances = balancesOf(postings.flat());
        const refunded = o.refunds.reduce((s, x) => s + x, 0);
        expect(balances.get('payments_clearing')).toBe(o.total - refunded);
        if (refunded === o.total) for (const v of balances.values()) expect(v).toBe(0);
        // Partial refunds never take back more commission or VAT than was charged.
        expect(-balances.get('commission_revenue')!).toBeGreaterThanOrEqual(0);
        expect(-balances.get('vat_payable')!).toBeGreaterThanOrEqual(0);
        expect(-balances.get('commission_revenue')!).toBeLessThanOrEqual(split.commission);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps balances recomputable from entries across orders, refunds, payouts and returned payments', () => {
    type Op =
      | { kind: 'order'; seller: number; goods: number; shipping: number }
      | { kind: 'refund'; pick: number; fraction: number }
      | { kind: 'payout'; seller: number }
      | { kind: 'unallocated'; amount: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant('order' as const),
        seller: fc.integer({ min: 0, max: 2 }),
        goods: fc.integer({ min: 1, max: 10_000_000 }),
        shipping: fc.integer({ min: 0, max: 10_000 }),
      }),
      fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), fraction: fc.integer({ min: 1, max: 100 }) }),
      fc.record({ kind: fc.constant('payout' as const), seller: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kind: fc.constant('unallocated' as const), amount: fc.integer({ min: 1, max: 1_000_000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.integer({ min: 0, max: 2000 }), (ops, commissionBp) => {
        const ledger: Entry[] = [];
        const orders: {
          orderId: string;
          sellerId: string;
          total: number;
          refunded: number;
          commission: number;
          vat: number;
          payable: number;
        }[] = [];
        // The model: what each seller is owed, kept by hand beside the ledger.
        const owed = [0, 0, 0];
        let received = 0;
        for (const x of ops) {
          let posting: Entry[] = [];
          if (x.kind === 'order') {
            const paid = {
              orderId: `o${orders.length}`,
              sellerId: `s${x.seller}`,
              total: x.goods + x.shipping,
              goods: x.goods,
              commissionBp,
              vatBp: 700,
            };
            const split = splitOrder(paid);
            orders.push({ ...paid, ...split, refunded: 0 });
            posting = orderPaidEntries(paid);
            owed[x.seller] += split.payable;
            received += paid.total;
          } else if (x.kind === 'refund' && orders.length) {
            const o = orders[x.pick % orders.length];
            const amount = Math.max(1, Math.floor(((o.total - o.refunded) * x.fraction) / 100));
            if (o.refunded + amount > o.total) continue;
            posting = refundEntries(o, o.refunded, amount);
            o.refunded += amount;
            owed[Number(o.sellerId.slice(1))] -= posting[0].amount;
            received -= amount;
          } else if (x.kind === 'payout' && owed[x.seller] > 0) {
            posting = [
              ...payoutEntries(`s${x.seller}`, owed[x.seller]),
              ...payoutPaidEntries(`s${x.seller}`, owed[x.seller]),
            ];
            received -= owed[x.seller];
            owed[x.seller] = 0;
          } else if (x.kind === 'unallocated') {
            posting = [...unallocatedEntries(x.amount), ...unallocatedReturnedEntries(x.amount)];
          }
          expect(isBalanced(posting)).toBe(true);
          ledger.push(...posting);
        }
        const balances = balancesOf(ledger);
        for (let s = 0; s < 3; s++) expect(0 - (balances.get(`seller_payable:s${s}`) ?? 0)).toBe(owed[s]);
        expect(balances.get('payments_clearing') ?? 0).toBe(received);
        expect([...balances.values()].reduce((a, b) => a + b, 0)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cross-border tax withheld for customs', () => {
  it('gives back the whole tax over refunds in parts, and a settlement balances', () => {
    const tax = 1_525,
      total = 121_000;
    const parts = [33_333, 33_333, 54_334];
    let before = 0,
      back = 0;
    for (const p of parts) {
      back += shareBetween(tax, before, before + p, total);
      before += p;
    }
    expect(back).toBe(tax);
    expect(isBalanced(cbecTaxCollectedEntries('o', tax))).toBe(true);
    const settled = cbecTaxSettledEntries([
      { orderId: 'a', fen: tax },
      { orderId: 'b', fen: -200 },
    ]);
    expect(isBalanced(settled)).toBe(true);
    expect(settled.at(-1)).toEqual({ account: 'payments_clearing', amount: -(tax - 200) });
  });
});
