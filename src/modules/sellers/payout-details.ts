// Where a shop's money goes, unmasked: for the ledger's payout batches only (every other reader
// gets the masked view in views.ts). Added by the payments work; read-only.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { sellers } from './schema.ts';

export interface PayoutDestination {
  method: 'promptpay' | 'bank_account';
  promptpayId: string | null;
  bankCode: string | null;
  accountNumber: string | null;
  accountName: string | null;
  shopName: string;
  legalName: string;
}

export async function payoutDestination(db: Executor, sellerId: string): Promise<PayoutDestination | null> {
  const [r] = await db.select().from(sellers).where(eq(sellers.id, sellerId));
  return r
    ? {
        method: r.payoutMethod,
        promptpayId: r.payoutPromptpayId,
        bankCode: r.payoutBankCode,
        accountNumber: r.payoutAccountNumber,
        accountName: r.payoutAccountName,
        shopName: r.shopNameTh,
        legalName: r.legalNameTh,
      }
    : null;
}
