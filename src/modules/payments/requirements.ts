// Fixed payment terms for a group, set by a later module in its checkout transaction (cross-border:
// the exact CNY amount the customs order declares, by Alipay, paid by the buyer named on it). At
// confirmation a payment from anyone else is refused and sent back (notifications.ts).
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Executor } from '../../platform/db.ts';
import { payerFingerprint } from '../../platform/personal-data.ts';
import { paymentRequirements } from './schema.ts';
import type { PaymentMethod } from './status.ts';

export interface PaymentRequirement {
  groupId: string;
  method: PaymentMethod;
  amount: number;
  currency: string;
  fxRate: string | null;
  fxSource: string | null;
  payerFingerprint: string;
}

/** Only system actors (another module's service, inside its checkout) fix a group's terms. */
export async function requireGroupPayment(tx: Executor, actor: Actor, r: PaymentRequirement): Promise<void> {
  if (actor.kind !== 'system') throw forbidden();
  await tx.insert(paymentRequirements).values(r);
}

export async function groupRequirement(db: Executor, groupId: string): Promise<PaymentRequirement | null> {
  const [row] = await db.select().from(paymentRequirements).where(eq(paymentRequirements.groupId, groupId));
  return row ? { ...row, fxRate: row.fxRate?.replace(/0+$/, '').replace(/\.$/, '') ?? null } : null;
}

/** Whether the gateway's reported payer is the one required (same real name and ID, compared as keyed hashes). */
export function payerMatches(
  key: Buffer,
  required: PaymentRequirement,
  payer: { name: string; idNumber: string } | undefined,
): boolean {
  return !!payer && payerFingerprint(key, payer.name, payer.idNumber) === required.payerFingerprint;
}
