// The shop's answer to a return (accept, offer a partial refund, or refuse with a reason) and the
// operator's decision on an escalated one (refund now, goods back first, or reject). A refund-only
// request accepted, an offer accepted, or the operator's refund pays out at once; otherwise the
// refund waits for the goods to come back.
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { hashRequest, idempotent } from '../../platform/idempotency.ts';
import { actorLabel, requireReturn, requireStatus } from './access.ts';
import { recordStep, refundReturn, setReturn } from './steps.ts';

export interface ShopDecision {
  decision: 'accept' | 'offer' | 'refuse';
  amountSatang?: number;
  reason?: string;
}

const baht = (satang: number) => (satang / 100).toFixed(2);

export async function decideAsShop(
  db: Db,
  actor: Actor,
  returnId: string,
  input: ShopDecision,
  key?: string,
): Promise<{ refundId: string | null }> {
  const answer = await idempotent(db, `return-shop:${returnId}`, key, hashRequest('shop', input), async (tx) => {
    const { row } = await requireReturn(tx, actor, returnId, ['shop', 'operator'], true);
    requireStatus(row, ['requested']);
    const by = actorLabel(actor);
    const reason = input.reason?.trim() || null;
    if (input.decision === 'accept') {
      await recordStep(tx, row, 'accepted', by, reason, row.requestedSatang);
      if (row.kind === 'refund_only')
        return { statusCode: 200, body: { refundId: await refundReturn(tx, row, row.requestedSatang, by) } };
      await setReturn(tx, row.id, { status: 'awaiting_return', agreedSatang: row.requestedSatang });
      return { statusCode: 200, body: { refundId: null } };
    }
    if (input.decision === 'offer') {
      const amount = input.amountSatang;
      if (!Number.isInteger(amount) || (amount as number) < 1) throw invalid('amountSatang', 'too_small', { min: 1 });
      if ((amount as number) >= row.requestedSatang)
        throw new AppError(422, 'return_offer_too_large', { max: baht(row.requestedSatang - 1) }, [
          { field: 'amountSatang', code: 'too_large', params: { max: row.requestedSatang - 1 } },
        ]);
      await setReturn(tx, row.id, { status: 'offered', offerSatang: amount, sellerReason: reason });
      await recordStep(tx, row, 'offered', by, reason, amount);
      return { statusCode: 200, body: { refundId: null } };
    }
    if (!reason) throw invalid('reason', 'required');
    await setReturn(tx, row.id, { status: 'refused', sellerReason: reason });
    await recordStep(tx, row, 'refused', by, reason);
    return { statusCode: 200, body: { refundId: null } };
  });
  return answer.body as { refundId: string | null };
}

export interface OperatorDecision {
  decision: 'refund' | 'return' | 'reject';
  amountSatang?: number;
  note: string;
}

export async function decideAsOperator(
  db: Db,
  actor: Actor,
  returnId: string,
  input: OperatorDecision,
  key?: string,
): Promise<{ refundId: string | null }> {
  const answer = await idempotent(db, `return-operator:${returnId}`, key, hashRequest('op', input), async (tx) => {
    const { row } = await requireReturn(tx, actor, returnId, ['operator'], true);
    requireStatus(row, ['escalated']);
    const by = actorLabel(actor);
    const note = input.note.trim();
    if (!note) throw invalid('note', 'required');
    const amount = input.amountSatang ?? row.requestedSatang;
    if (!Number.isInteger(amount) || amount < 1) throw invalid('amountSatang', 'too_small', { min: 1 });
    if (amount > row.requestedSatang)
      throw new AppError(422, 'return_offer_too_large', { max: baht(row.requestedSatang) }, [
        { field: 'amountSatang', code: 'too_large', params: { max: row.requestedSatang } },
      ]);
    if (input.decision === 'reject') {
      await setReturn(tx, row.id, { status: 'closed', operatorNote: note });
      await recordStep(tx, row, 'operator_rejected', by, note);
      return { statusCode: 200, body: { refundId: null } };
    }
    await setReturn(tx, row.id, { operatorNote: note });
    if (input.decision === 'refund') {
      await recordStep(tx, row, 'operator_refund', by, note, amount);
      return { statusCode: 200, body: { refundId: await refundReturn(tx, row, amount, by) } };
    }
    await setReturn(tx, row.id, { status: 'awaiting_return', agreedSatang: amount });
    await recordStep(tx, row, 'operator_return', by, note, amount);
    return { statusCode: 200, body: { refundId: null } };
  });
  return answer.body as { refundId: string | null };
}
