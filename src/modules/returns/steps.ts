// The history of a return, and the one way money leaves for it: a refund through payments (which
// the ledger posts when the gateway confirms it), within what the line and the order still hold.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { orderFacts } from '../orders/index.ts';
import { recordOrderRefund } from '../payments/index.ts';
import type { ReturnRow } from './access.ts';
import { returnRequests, returnSteps } from './schema.ts';

export async function recordStep(
  tx: Executor,
  row: Pick<ReturnRow, 'id' | 'sellerId'>,
  step: string,
  by: string,
  note: string | null = null,
  amountSatang: number | null = null,
): Promise<void> {
  await tx
    .insert(returnSteps)
    .values({ id: newId(), returnId: row.id, sellerId: row.sellerId, step, by, note, amountSatang });
}

/** Moves a return on, in the caller's transaction (the row was locked by requireReturn). */
export async function setReturn(tx: Executor, id: string, values: Partial<ReturnRow>): Promise<void> {
  await tx
    .update(returnRequests)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(returnRequests.id, id));
}

/** What a line has been refunded through its earlier returns (satang). */
export async function refundedOfLine(tx: Executor, orderId: string, lineNo: number): Promise<number> {
  const [r] = await tx
    .select({ s: sql<number>`coalesce(sum(${returnRequests.agreedSatang}), 0)::int` })
    .from(returnRequests)
    .where(
      and(
        eq(returnRequests.orderId, orderId),
        eq(returnRequests.lineNo, lineNo),
        eq(returnRequests.status, 'refunded'),
      ),
    );
  return Number(r?.s ?? 0);
}

/**
 * Refunds `amount` for a return: recorded through payments under the order's capture lock (so
 * refunds of one order never exceed what was paid, however many come at once), and the return
 * becomes refunded. The refund is sent to the gateway after the commit (dispatchRefund) or by the
 * payments job; the ledger reverses the sale's share when the gateway confirms it.
 */
export async function refundReturn(tx: Executor, row: ReturnRow, amount: number, by: string): Promise<string> {
  const order = await orderFacts(tx, row.orderId);
  const refund = await recordOrderRefund(tx, order, amount, `return:${row.id}`, by);
  await setReturn(tx, row.id, {
    status: 'refunded',
    agreedSatang: amount,
    refundId: refund.id,
    refundedAt: new Date(),
  });
  await recordStep(tx, row, 'refunded', by, null, amount);
  return refund.id;
}
