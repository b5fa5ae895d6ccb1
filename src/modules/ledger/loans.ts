// Loans through the ledger (for finance): a lender's money disbursed into a shop's balance, and
// repayments and fees taken back out of it for the lender. Both sides sit on `lender_clearing`,
// the platform's account with its lenders; the shop's side is its payable, so a disbursement is
// paid out with the next payout and a repayment makes the next payout smaller.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';
import type { Entry } from './posting.ts';
import { post } from './service.ts';

export type LoanMovement = 'loan_disbursement' | 'loan_repayment' | 'loan_fee' | 'loan_settlement';

/** The entries of a loan movement of `amount` satang (> 0): balanced by construction. */
export function loanEntries(kind: LoanMovement, sellerId: string, amount: number): Entry[] {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new Error('a loan movement is a positive whole amount');
  // Settlement: repayments collected for the lender are paid on to it, out of the platform's account.
  if (kind === 'loan_settlement')
    return [
      { account: 'lender_clearing', amount, sellerId },
      { account: 'payments_clearing', amount: -amount, sellerId },
    ];
  // Disbursement: the lender's money (held in clearing) becomes owed to the shop. Repayment or fee: the reverse.
  const toShop = kind === 'loan_disbursement' ? amount : -amount;
  return [
    { account: 'lender_clearing', amount: toShop, sellerId },
    { account: 'seller_payable', amount: -toShop, sellerId },
  ];
}

/** Posts one loan movement once (by `sourceKey`, e.g. "loan.disbursed:<loan>"); false when it was posted before. */
export function postLoanMovement(
  tx: Executor,
  m: { kind: LoanMovement; sourceKey: string; sellerId: string; amount: number; memo: string },
): Promise<boolean> {
  return post(
    tx,
    { kind: m.kind, sourceKey: m.sourceKey, currency: 'THB', sellerId: m.sellerId, memo: m.memo },
    loanEntries(m.kind, m.sellerId, m.amount),
  );
}

/** What the platform owes the shop now in baht (its payable, all of it): the most a repayment may take. */
export async function sellerPayableNow(tx: Executor, sellerId: string): Promise<number> {
  const [row] = await queryRows<{ payable: string | null }>(
    tx,
    sql`select -sum(amount) as payable from ledger_entries where account = 'seller_payable' and seller_id = ${sellerId}::uuid and currency = 'THB'`,
  );
  return Number(row?.payable ?? 0);
}

export { unbalancedTransactions } from './service.ts';
