// Cancellations by the experience's policy: a confirmed booking gets back the share of its price the
// policy gives for the hours left before the start (e.g. 100 % up to 48 h before, 50 % up to 24 h,
// nothing after), refunded through payments (and so the ledger); an unpaid hold simply lapses.
// Either way the places go back to the slot, in the same transaction.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { systemActor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { orderFacts, transitionOrder } from '../orders/index.ts';
import { recordOrderRefund } from '../payments/index.ts';
import { bookings, type CancellationRule, experiences, slots } from './schema.ts';

const tourism = systemActor('tourism');

/** The refund share (percent) the policy gives when cancelling `hoursBefore` hours before the start. */
export function refundPercent(policy: CancellationRule[], startsAt: Date, now: Date): number {
  const hoursLeft = (startsAt.getTime() - now.getTime()) / 3_600_000;
  if (hoursLeft <= 0) return 0; // once it has started, nothing comes back
  let best = 0;
  for (const rule of policy) if (hoursLeft >= rule.hoursBefore) best = Math.max(best, rule.refundPercent);
  return best;
}

/** Satang back for a booking: the share of its total, rounded down to the satang. */
export const refundFor = (totalSatang: number, percent: number): number => Math.floor((totalSatang * percent) / 100);

export interface Cancelled {
  bookingId: string;
  status: 'CANCELLED';
  refundPercent: number;
  refundSatang: number;
  refundId: string | null;
  cancelledAt: string;
}

/**
 * Cancels a booking (the caller has checked it is the buyer's or the reseller's), in `tx`. A second
 * call for a cancelled booking answers as the first did.
 */
export async function cancelBooking(
  tx: Executor,
  bookingId: string,
  opts: { now?: Date; reason?: string; requestedBy: string },
): Promise<Cancelled> {
  const now = opts.now ?? new Date();
  const [b] = await tx.select().from(bookings).where(eq(bookings.id, bookingId)).for('update');
  if (!b) throw new AppError(404, 'not_found', { what: 'booking' });
  if (b.status === 'CANCELLED')
    return {
      bookingId: b.id,
      status: 'CANCELLED',
      refundPercent: b.refundSatang && b.totalSatang ? Math.round((b.refundSatang * 100) / b.totalSatang) : 0,
      refundSatang: b.refundSatang ?? 0,
      refundId: null,
      cancelledAt: (b.cancelledAt ?? now).toISOString(),
    };
  if (b.status === 'REDEEMED') throw new AppError(409, 'tourism_cancel_redeemed');
  if (b.status === 'EXPIRED') throw new AppError(409, 'tourism_cancel_expired');
  const [s] = await tx.select().from(slots).where(eq(slots.id, b.slotId));
  const [e] = await tx.select().from(experiences).where(eq(experiences.id, b.experienceId));
  const paid = b.status === 'CONFIRMED';
  if (paid && s.startsAt.getTime() <= now.getTime()) throw new AppError(409, 'tourism_cancel_started');
  const percent = paid ? refundPercent(e.cancellation, s.startsAt, now) : 0;
  const amount = paid ? refundFor(b.totalSatang, percent) : 0;

  const done = await tx
    .update(bookings)
    .set({ status: 'CANCELLED', cancelledAt: now, refundSatang: amount })
    .where(and(eq(bookings.id, b.id), inArray(bookings.status, ['ON_HOLD', 'PENDING', 'CONFIRMED'])))
    .returning({ id: bookings.id });
  if (!done.length) throw new AppError(409, 'tourism_cancel_expired');
  await tx
    .update(slots)
    .set({ taken: sql`${slots.taken} - ${b.places}` })
    .where(eq(slots.id, b.slotId));

  let refundId: string | null = null;
  if (b.orderId && !paid) {
    // Not paid yet: the order is cancelled too, so payments stops its payment.
    await transitionOrder(tx as unknown as Db, tourism, b.orderId, 'cancelled', { reason: 'tourism_cancelled' });
  } else if (b.orderId && amount > 0) {
    const order = await orderFacts(tx as unknown as Db, b.orderId);
    // A booking a reseller paid on its own account has no capture here: the reseller refunds its customer.
    const refund = await recordOrderRefund(tx, order, amount, 'tourism_cancellation', opts.requestedBy).catch(
      (err: unknown) => {
        if (err instanceof AppError && err.code === 'not_paid') return null;
        throw err;
      },
    );
    refundId = refund?.id ?? null;
  }
  return {
    bookingId: b.id,
    status: 'CANCELLED',
    refundPercent: percent,
    refundSatang: amount,
    refundId,
    cancelledAt: now.toISOString(),
  };
}
