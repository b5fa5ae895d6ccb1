// A customs rejection, resolved by the operator: resubmitted (and released), or cancelled and
// refunded in full — goods, freight and the cross-border tax, with the ledger reversed, the stock
// back in the bonded hub and the buyer's yearly limit given back. And the tax the platform withholds
// for customs: booked as a CNY liability on payment, cleared when the operator settles with customs.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { addToCart } from '../../../test/shop.ts';
import { queryRows } from '../../platform/db.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { HUB_LOCATIONS } from '../inventory/index.ts';
import { paymentsRuntime } from '../payments/index.ts';
import { deliverDue } from '../payments/testing.ts';
import { bondedProduct, buyerIdentity, cnCheckout, freshRate, payAsBuyer, residentId } from '../crossborder/testing.ts';
import { answerCustoms } from './testing.ts';
import { receiveReceipt } from './service.ts';

const t = useTestApp();
const deliverAll = async () => {
  await drainOutbox(t.app, 10);
};

/** Balances of the trial balance, keyed "account:currency". */
async function balances(cookie: string): Promise<Record<string, number>> {
  const res = await t.app.inject({ url: '/api/operator/ledger/trial-balance', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return Object.fromEntries(res.json().map((r: any) => [`${r.account}:${r.currency}`, r.balance]));
}

/** A paid, declared cross-border order that customs rejected (the payment document, CEB411). */
async function rejectedOrder(idNumber = residentId()) {
  const shop = await shopWithOwner(t.app.db);
  const rice = await bondedProduct(t.app.db, shop.sellerId, { priceSatang: 40_000, stock: 50, vatBp: 900 });
  await freshRate(t.app.db, '0.2000');
  const buyer = await signedInUser(t.app.db);
  const { cookie } = await addToCart(t.app, rice.variantId, 2, buyer.cookie);
  const id = buyerIdentity({ idNumber });
  const placed = (await cnCheckout(t.app, cookie, id)).json();
  await payAsBuyer(t.app, cookie, placed.orderGroupId, id);
  await deliverAll(); // order.paid -> ledger, crossborder (tax), customs declares
  const [msg] = await queryRows<{ guid: string }>(
    t.app.db,
    sql`select guid from customs_messages where order_id = ${placed.orderId}::uuid and type = 'CEB411'`,
  );
  await t.app.db.transaction((tx) =>
    receiveReceipt(tx, t.config, {
      receiptId: `TEST-412-${msg.guid}`,
      messageGuid: msg.guid,
      messageType: 'CEB411',
      orderNo: placed.orderNo,
      code: '412',
      passed: false,
      returnStatus: '100',
      reasons: [{ code: 'payer_not_buyer' }],
    }),
  );
  const operator = await signedInUser(t.app.db, { isOperator: true });
  const queue = (
    await t.app.inject({ url: '/api/operator/customs/rejections', headers: { cookie: operator.cookie } })
  ).json();
  const item = queue.items.find((i: any) => i.orderId === placed.orderId);
  return { shop, rice, buyer: { cookie }, placed, operator, item, id };
}

describe('the cross-border tax withheld for customs', () => {
  it('is owed to customs in CNY on payment, not to the shop nor revenue, and cleared when the operator settles', async () => {
    const { placed, operator, shop } = await rejectedOrder();
    const before = await balances(operator.cookie);
    expect(before['cbec_tax_payable:CNY']).toBe(-placed.taxFen);
    expect(before['payments_clearing:CNY']).toBe(placed.taxFen);
    // The shop's balance is goods + freight less commission: the tax is not in it.
    const [payable] = await queryRows<{ n: string }>(
      t.app.db,
      sql`select coalesce(sum(amount), 0) as n from ledger_entries where account = 'seller_payable' and currency = 'CNY'`,
    );
    expect(Number(payable.n)).toBe(0);
    const shopBalance = (
      await t.app.inject({ url: `/api/sellers/${shop.sellerId}/balance`, headers: { cookie: shop.cookie } })
    ).json();
    const [paid] = await queryRows<{ total: string }>(
      t.app.db,
      sql`select total_satang as total from orders where id = ${placed.orderId}::uuid`,
    );
    expect(shopBalance.earned).toBeLessThan(Number(paid.total));
    // The posting names the THB equivalent at the order's rate.
    const [posted] = await queryRows<{ fx: any }>(
      t.app.db,
      sql`select fx from ledger_transactions where kind = 'cbec_tax_collected' and order_id = ${placed.orderId}::uuid`,
    );
    expect(posted.fx).toMatchObject({ fromCurrency: 'THB', fromAmount: Math.round(placed.taxFen / 0.2) });
    // Delivered twice, booked once.
    await deliverAll();
    expect((await balances(operator.cookie))['cbec_tax_payable:CNY']).toBe(-placed.taxFen);

    const summary = (
      await t.app.inject({ url: '/api/operator/ledger/cbec-tax', headers: { cookie: operator.cookie } })
    ).json();
    expect(summary).toMatchObject({ currency: 'CNY', outstandingFen: placed.taxFen, orders: 1 });

    const seller = await t.app.inject({
      method: 'POST',
      url: '/api/operator/ledger/cbec-tax/settle',
      headers: { cookie: shop.cookie },
      payload: { reference: 'x' },
    });
    expect(seller.statusCode).toBe(403);
    const settle = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/operator/ledger/cbec-tax/settle',
        headers: { cookie: operator.cookie, 'idempotency-key': 'settle-1' },
        payload: { reference: 'customs slip 2569-001' },
      });
    const first = await settle();
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ amountFen: placed.taxFen, orders: 1 });
    expect((await settle()).json()).toEqual(first.json()); // retried: the same answer, settled once
    const after = await balances(operator.cookie);
    expect(after['cbec_tax_payable:CNY']).toBe(0);
    expect(after['payments_clearing:CNY']).toBe(0);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/operator/ledger/cbec-tax/settle',
      headers: { cookie: operator.cookie, 'accept-language': 'zh-CN' },
      payload: { reference: 'again' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().detail).toContain('海关');
    const [{ n }] = await queryRows<{ n: number }>(
      t.app.db,
      sql`select count(*)::int as n from (select transaction_id from ledger_entries group by transaction_id, currency having sum(amount) <> 0) x`,
    );
    expect(n).toBe(0);
  });
});

describe('an operator resolves a customs rejection', () => {
  it('cancel and refund: the order is cancelled, refunded in full once, the ledger and tax reversed, stock and yearly limit given back', async () => {
    const { placed, operator, item, shop, rice, buyer } = await rejectedOrder();
    expect(item).toMatchObject({ status: 'open', receiptCode: '412' });
    expect(item.reasons).toEqual([
      { code: 'payer_not_buyer', params: {}, text: 'ผู้ชำระเงินไม่ใช่ผู้ซื้อที่ระบุในคำสั่งซื้อ (ชื่อจริงและเลขบัตรประชาชนต้องตรงกัน)' },
    ]);
    const url = `/api/operator/customs/rejections/${item.id}/cancel-refund`;

    const refused = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: shop.cookie, 'accept-language': 'th' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');

    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: operator.cookie, 'idempotency-key': 'cancel-1' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'resolved',
      resolution: 'cancelled_refunded',
      resolvedBy: operator.userId,
    });
    expect(res.json().resolvedAt).toBeTruthy();
    // Retried with the same key, and again with another: no second refund.
    expect(
      (
        await t.app.inject({ method: 'POST', url, headers: { cookie: operator.cookie, 'idempotency-key': 'cancel-1' } })
      ).json(),
    ).toEqual(res.json());
    expect(
      (await t.app.inject({ method: 'POST', url, headers: { cookie: operator.cookie, 'idempotency-key': 'cancel-2' } }))
        .statusCode,
    ).toBe(200);
    // The other action is now refused, in the buyer-facing languages.
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/operator/customs/rejections/${item.id}/resubmit`,
      headers: { cookie: operator.cookie, 'accept-language': 'th' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/ปิด/);

    await deliverAll(); // order.cancelled: payments must not refund a second time
    await expect
      .poll(async () => {
        await deliverDue(paymentsRuntime(t.app).sandbox!);
        await deliverAll();
        return (
          await queryRows<{ status: string }>(
            t.app.db,
            sql`select status from refunds where order_id = ${placed.orderId}::uuid`,
          )
        )
          .map((r) => r.status)
          .join();
      })
      .toBe('succeeded');
    const [refund] = await queryRows<{ provider_amount: number; provider_currency: string }>(
      t.app.db,
      sql`select provider_amount::int, provider_currency from refunds where order_id = ${placed.orderId}::uuid`,
    );
    expect(refund).toEqual({ provider_amount: placed.totalFen, provider_currency: 'CNY' }); // goods + freight + tax

    const order = (
      await t.app.inject({ url: `/api/orders/${placed.orderId}`, headers: { cookie: buyer.cookie } })
    ).json();
    expect(order.status).toBe('cancelled');
    const [stock] = await queryRows<{ on_hand: number; reserved: number }>(
      t.app.db,
      sql`select on_hand, reserved from stock_levels where variant_id = ${rice.variantId}::uuid and location_id = ${HUB_LOCATIONS.eecBonded.id}::uuid`,
    );
    expect(stock.on_hand - stock.reserved).toBe(50);

    // The sale and the tax withheld are reversed, order by order, account by account.
    const rows = await queryRows<{ k: string; n: string }>(
      t.app.db,
      sql`
      select account::text || ':' || currency as k, sum(amount) as n from ledger_entries where order_id = ${placed.orderId}::uuid group by account, currency`,
    );
    const b = Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
    expect(Object.keys(b)).toContain('cbec_tax_payable:CNY');
    expect(Object.values(b).every((n) => n === 0)).toBe(true);
    const [usage] = await queryRows<{ status: string }>(
      t.app.db,
      sql`select status from cbec_orders where order_id = ${placed.orderId}::uuid`,
    );
    expect(usage.status).toBe('cancelled'); // no longer counted towards the buyer's year
    const decl = (
      await t.app.inject({ url: `/api/customs/orders/${placed.orderId}`, headers: { cookie: operator.cookie } })
    ).json();
    expect(decl.status).toBe('cancelled');
  });

  it("resubmit with data still wrong: 422 naming the problems in the operator's language, nothing sent", async () => {
    const { placed, operator, item } = await rejectedOrder();
    const before = await queryRows<{ guid: string }>(
      t.app.db,
      sql`select guid from customs_messages where order_id = ${placed.orderId}::uuid order by guid`,
    );
    await t.app.db.execute(
      sql`update cbec_orders set consignee_address = ${'广东省广州市天河区' + '号'.repeat(192)} where order_id = ${placed.orderId}::uuid`,
    );
    const url = `/api/operator/customs/rejections/${item.id}/resubmit`;
    const zh = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: operator.cookie, 'accept-language': 'zh-CN' },
    });
    expect(zh.statusCode).toBe(422);
    expect(zh.json()).toMatchObject({ code: 'customs_still_invalid' });
    expect(zh.json().detail).toContain(
      '数据仍有误，未重新发送：CEB311.head.consigneeAddress 长 201 个字符，最多 200 个',
    );
    const th = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: operator.cookie, 'accept-language': 'th' },
    });
    expect(th.json().detail).toContain('CEB511.head.consigneeAddress ยาว 201 อักขระ ยาวได้ไม่เกิน 200');
    expect(
      await queryRows<{ guid: string }>(
        t.app.db,
        sql`select guid from customs_messages where order_id = ${placed.orderId}::uuid order by guid`,
      ),
    ).toEqual(before);
  });

  it('resubmit: the documents are sent again and customs releases the order; a retry sends nothing more', async () => {
    const { placed, operator, item, buyer } = await rejectedOrder();
    const url = `/api/operator/customs/rejections/${item.id}/resubmit`;
    expect((await t.app.inject({ method: 'POST', url, headers: { cookie: buyer.cookie } })).statusCode).toBe(403);
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: operator.cookie, 'idempotency-key': 'again-1' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'resolved', resolution: 'resubmitted', resolvedBy: operator.userId });
    const again = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: operator.cookie, 'idempotency-key': 'again-2' },
    });
    expect(again.statusCode).toBe(200);
    const [{ n }] = await queryRows<{ n: number }>(
      t.app.db,
      sql`select count(*)::int as n from customs_messages where order_id = ${placed.orderId}::uuid`,
    );
    expect(n).toBe(4);
    await answerCustoms(t.app);
    const status = (
      await t.app.inject({ url: `/api/customs/orders/${placed.orderId}`, headers: { cookie: operator.cookie } })
    ).json();
    expect(status.status).toBe('released');
    const open = (
      await t.app.inject({ url: '/api/operator/customs/rejections', headers: { cookie: operator.cookie } })
    ).json();
    expect(open.items.filter((i: any) => i.orderId === placed.orderId)).toEqual([]);
  });
});
