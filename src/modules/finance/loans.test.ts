// Money through the ledger: an offer accepted is disbursed into the shop's balance; a revenue-based
// loan takes its share of each later sale; instalments are collected when due, and one unpaid past
// the grace days is charged once and the loan shows late; every posting balances.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { queryRows } from '../../platform/db.ts';
import { unbalancedTransactions } from '../ledger/index.ts';
import { paidOrder } from '../hub/testing.ts';
import {
  acceptOfferOf,
  applyFor,
  collectDue,
  giveConsent,
  sandboxLender,
  settleCollected,
  shopWithHistory,
} from './testing.ts';

const eventsOf = (loanId: string) =>
  queryRows<{ topic: string; payload: any; delivered: boolean }>(
    t.app.db,
    sql`select topic, payload, delivered_at is not null as delivered from outbox where aggregate_id = ${loanId}::uuid order by id`,
  );

const t = useTestApp();

const balanceOf = async (sellerId: string) => {
  const [row] = await queryRows<{ b: string | null }>(
    t.app.db,
    sql`select -sum(amount) as b from ledger_entries where account = 'seller_payable' and seller_id = ${sellerId}::uuid`,
  );
  return Number(row.b ?? 0);
};

describe('loans through the ledger', () => {
  it('disburses an accepted offer into the balance and repays a share of each later sale', async () => {
    const lender = await sandboxLender(t.app);
    const shop = await shopWithHistory(t.app);
    expect((await giveConsent(t.app, shop, lender.lenderId)).statusCode).toBe(201);
    const res = await applyFor(t.app, shop, { productId: lender.revenueProductId, amount: 1_000_000, tenorMonths: 6 });
    expect(res.statusCode, res.body).toBe(201);
    const decision = res.json();
    expect(decision.outcome).toBe('offer');
    expect(decision.sandbox).toBe(true);
    expect(decision.explanation.score).toBeGreaterThanOrEqual(620);
    expect(decision.explanation.scorecardVersion).toBe('talad-sme-2026.12');
    expect(decision.explanation.reasons.length).toBeLessThanOrEqual(4);
    // 10,000 baht at 8% + 2 points (a score under 660) a year for 6 months, 1% fee, 1.75% a year TCG guarantee fee.
    expect(decision.explanation.score).toBeLessThan(660);
    expect(decision.offer).toMatchObject({
      amount: 1_000_000,
      rateBp: 1000,
      interest: 50_000,
      fee: 10_000,
      guaranteeFee: 8_750,
    });

    const before = await balanceOf(shop.sellerId);
    const accepted = await acceptOfferOf(t.app, shop, decision.id);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().status).toBe('accepted');
    expect(await balanceOf(shop.sellerId)).toBe(before + 1_000_000 - 10_000 - 8_750);

    // A second acceptance is refused; no second disbursement.
    expect((await acceptOfferOf(t.app, shop, decision.id)).statusCode).toBe(409);

    // The next sale: 10% of it goes to the lender.
    const { orderId } = await paidOrder(t.app, shop.variantId, 1);
    const [order] = await queryRows<{ total: string }>(
      t.app.db,
      sql`select total_satang as total from orders where id = ${orderId}::uuid`,
    );
    const loans = (
      await t.app.inject({ url: `/api/sellers/${shop.sellerId}/finance/loans`, headers: { cookie: shop.cookie } })
    ).json().items;
    expect(loans).toHaveLength(1);
    const share = Math.floor(Number(order.total) / 10);
    expect(loans[0].outstanding).toBe(1_050_000 - share);
    expect(loans[0].statement.map((m: any) => m.kind)).toEqual(['disbursement', 'repayment']);
    expect(loans[0].statement[1].amount).toBe(share);

    // The same event delivered again takes nothing more.
    await t.app.db.execute(
      sql`update outbox set delivered_at = null where topic = 'order.paid' and payload->>'orderId' = ${orderId}`,
    );
    await drainOutbox(t.app);
    const again = (
      await t.app.inject({ url: `/api/sellers/${shop.sellerId}/finance/loans`, headers: { cookie: shop.cookie } })
    ).json().items;
    expect(again[0].outstanding).toBe(1_050_000 - share);
    expect(await unbalancedTransactions(t.app.db)).toBe(0);

    // The disbursement was announced in its own transaction, and delivered through the outbox.
    await drainOutbox(t.app);
    const disbursed = (await eventsOf(again[0].id)).filter((e) => e.topic === 'loan.disbursed');
    expect(disbursed).toHaveLength(1);
    expect(disbursed[0]).toMatchObject({
      delivered: true,
      payload: { sellerId: shop.sellerId, lenderId: lender.lenderId, disbursedSatang: 1_000_000 - 10_000 - 8_750 },
    });
  });

  it('pays what was collected on to the lender, balanced, once, with a statement line', async () => {
    const lender = await sandboxLender(t.app);
    const shop = await shopWithHistory(t.app);
    await giveConsent(t.app, shop, lender.lenderId);
    const decision = (
      await applyFor(t.app, shop, { productId: lender.revenueProductId, amount: 1_000_000, tenorMonths: 6 })
    ).json();
    expect((await acceptOfferOf(t.app, shop, decision.id)).statusCode).toBe(201);
    await paidOrder(t.app, shop.variantId, 1);
    await paidOrder(t.app, shop.variantId, 1);
    const loanOf = async () =>
      (
        await t.app.inject({ url: `/api/sellers/${shop.sellerId}/finance/loans`, headers: { cookie: shop.cookie } })
      ).json().items[0];
    const collected = (await loanOf()).statement
      .filter((m: any) => m.kind === 'repayment')
      .reduce((s: number, m: any) => s + m.amount, 0);
    expect(collected).toBeGreaterThan(0);
    const clearing = async () => {
      const [row] = await queryRows<{ c: string }>(
        t.app.db,
        sql`select coalesce(sum(e.amount), 0) as c from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
            where e.account = 'lender_clearing' and t.seller_id = ${shop.sellerId}::uuid and t.kind in ('loan_repayment', 'loan_settlement')`,
      );
      return Number(row.c);
    };
    // Collected for the lender: the platform owes it that much.
    expect(await clearing()).toBe(-collected);

    // The operator's run (the same as the job) pays it on; a second run finds nothing more.
    const op = await t.app.inject({
      method: 'POST',
      url: '/api/operator/finance/settle',
      headers: { cookie: lender.operatorCookie },
    });
    expect(op.statusCode, op.body).toBe(200);
    expect(op.json().settled).toBeGreaterThanOrEqual(collected);
    expect(await settleCollected(t.app.db)).toBe(0);
    expect(await clearing()).toBe(0);
    const loan = await loanOf();
    const lines = loan.statement.filter((m: any) => m.kind === 'settlement');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ amount: collected, label: 'ส่งต่อเงินที่เก็บได้ให้ผู้ให้กู้' });
    expect(lines[0].outstandingAfter).toBe(loan.outstanding);
    const [tx] = await queryRows<{ n: number }>(
      t.app.db,
      sql`select count(*)::int as n from ledger_transactions where kind = 'loan_settlement' and seller_id = ${shop.sellerId}::uuid`,
    );
    expect(tx.n).toBe(1);
    expect(await unbalancedTransactions(t.app.db)).toBe(0);
    expect((await eventsOf(loan.id)).filter((e) => e.topic === 'loan.settled')[0].payload.settledSatang).toBe(
      collected,
    );

    // The lender console shows the same line to its officer (the servicing consent given on accepting).
    const seen = (
      await t.app.inject({
        url: `/api/lenders/${lender.lenderId}/loans`,
        headers: { cookie: lender.staff.cookie },
      })
    ).json().items;
    expect(seen[0].statement.map((m: any) => m.kind)).toContain('settlement');
  });

  it('collects instalments from the balance when due, and charges one unpaid past the grace days once', async () => {
    const lender = await sandboxLender(t.app);
    const shop = await shopWithHistory(t.app);
    await giveConsent(t.app, shop, lender.lenderId);
    const decision = (
      await applyFor(t.app, shop, { productId: lender.instalmentProductId, amount: 600_000, tenorMonths: 3 })
    ).json();
    expect(decision.outcome).toBe('offer');
    expect((await acceptOfferOf(t.app, shop, decision.id)).statusCode).toBe(201);
    const loanOf = async () =>
      (
        await t.app.inject({ url: `/api/sellers/${shop.sellerId}/finance/loans`, headers: { cookie: shop.cookie } })
      ).json().items[0];
    const loan = await loanOf();
    // 6,000 baht + 14% a year (12% + 2 points under 660) for 3 months = 6,210 baht in three instalments of 2,070.
    expect(loan.schedule.map((i: any) => i.amount)).toEqual([207_000, 207_000, 207_000]);

    await t.app.db.execute(
      sql`update finance_instalments set due_on = (now() - interval '10 days')::date where loan_id = ${loan.id}::uuid and n = 1`,
    );
    const rt = { lateFeeSatang: 10_000, graceDays: 5 };
    const balance = await balanceOf(shop.sellerId);
    await collectDue(t.app.db, rt);
    const after = await loanOf();
    expect(after.schedule[0].paid).toBe(Math.min(207_000, balance));
    expect(await balanceOf(shop.sellerId)).toBe(balance - after.schedule[0].paid);

    // Empty the balance (a balanced payout of all of it, written here: the payout batch waits for deliveries), make the second instalment overdue: late, fee charged once.
    const left = await balanceOf(shop.sellerId);
    if (left > 0)
      await t.app.db.execute(
        sql`insert into ledger_transactions (id, kind, source_key, currency, seller_id) values (gen_random_uuid(), 'payout', ${`test-payout-${loan.id}`}, 'THB', ${shop.sellerId}::uuid)`,
      );
    if (left > 0)
      await t.app.db.execute(sql`
        insert into ledger_entries (transaction_id, account, seller_id, currency, amount)
        select id, 'seller_payable'::ledger_account, seller_id, 'THB', ${left}::bigint from ledger_transactions where source_key = ${`test-payout-${loan.id}`}
        union all select id, 'payouts_in_transit'::ledger_account, seller_id, 'THB', ${-left}::bigint from ledger_transactions where source_key = ${`test-payout-${loan.id}`}`);
    await t.app.db.execute(
      sql`update finance_instalments set due_on = (now() - interval '8 days')::date where loan_id = ${loan.id}::uuid and n = 2`,
    );
    await collectDue(t.app.db, rt);
    await collectDue(t.app.db, rt);
    const late = await loanOf();
    expect(late.status).toBe('late');
    expect(late.schedule[1].lateFee).toBe(10_000);
    expect(late.statement.filter((m: any) => m.kind === 'late_fee')).toHaveLength(1);
    expect(late.outstanding).toBe(621_000 - after.schedule[0].paid + 10_000);

    // loan.late goes out with the change and, delivered through the outbox, tells the shop once.
    expect((await eventsOf(loan.id)).filter((e) => e.topic === 'loan.late')).toHaveLength(1);
    await drainOutbox(t.app);
    await drainOutbox(t.app);
    const told = await loanOf();
    expect(told.notices).toHaveLength(1);
    expect(told.notices[0].text).toContain('งวดที่ 2');
    expect(told.notices[0].text).toContain('100 บาท');
    expect(told.notices[0].text).toMatch(/25\d\d/); // Buddhist era

    // Money comes in again: the next collection takes what is owed, late fee included.
    await paidOrder(t.app, shop.variantId, 1);
    await collectDue(t.app.db, rt);
    const caught = await loanOf();
    expect(caught.schedule[1].paid).toBeGreaterThan(0);
    expect(await unbalancedTransactions(t.app.db)).toBe(0);

    // Repaid in full: loan.repaid, with everything it took.
    await t.app.db.execute(
      sql`update finance_instalments set due_on = (now() - interval '1 day')::date where loan_id = ${loan.id}::uuid`,
    );
    for (let i = 0; i < 4 && (await loanOf()).outstanding > 0; i++) {
      await paidOrder(t.app, shop.variantId, 1);
      await collectDue(t.app.db, rt);
    }
    const repaid = await loanOf();
    expect(repaid.status).toBe('repaid');
    const done = (await eventsOf(loan.id)).filter((e) => e.topic === 'loan.repaid');
    expect(done).toHaveLength(1);
    expect(done[0].payload.repaidSatang).toBe(621_000 + 10_000);
  });

  it('accepts an offer once when two acceptances race', async () => {
    const lender = await sandboxLender(t.app);
    const shop = await shopWithHistory(t.app, { months: 4 });
    await giveConsent(t.app, shop, lender.lenderId);
    const decision = (
      await applyFor(t.app, shop, { productId: lender.revenueProductId, amount: 500_000, tenorMonths: 3 })
    ).json();
    expect(decision.outcome).toBe('offer');
    const codes = (await Promise.all([1, 2, 3].map(() => acceptOfferOf(t.app, shop, decision.id)))).map(
      (r) => r.statusCode,
    );
    expect(codes.sort()).toEqual([201, 409, 409]);
    const [{ n }] = await queryRows<{ n: number }>(
      t.app.db,
      sql`select count(*)::int as n from ledger_transactions where kind = 'loan_disbursement' and seller_id = ${shop.sellerId}::uuid`,
    );
    expect(n).toBe(1);
  });
});
