// Bookings: reserve takes places from the slot with one conditional update (taken + n <= capacity)
// in the transaction that writes the hold and its service order, so two visitors can never get the
// last place. The service order is paid through payments; `order.paid` confirms the booking after
// re-checking the hold. Expired holds (and cancelled unpaid orders) give their places back.
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type CartOwner, ownerKey } from '../cart/index.ts';
import { placeServiceOrder } from '../orders/index.ts';
import { slotStatus } from './availability.ts';
import { bookings, experiences, slots } from './schema.ts';

const tourism = systemActor('tourism');

export interface ReserveInput {
  slotId: string;
  units: Record<string, number>;
  locale?: string;
  contactPhone?: string | null;
  resellerReference?: string | null;
}

export const HOLD_MINUTES_DEFAULT = 15;

export async function reserve(
  tx: Executor,
  buyer: CartOwner,
  input: ReserveInput,
  opts: { holdMinutes?: number; now?: Date } = {},
) {
  const now = opts.now ?? new Date();
  const [slot] = await tx.select().from(slots).where(eq(slots.id, input.slotId));
  if (!slot) throw new AppError(404, 'not_found', { what: 'slot' });
  const [exp] = await tx.select().from(experiences).where(eq(experiences.id, slot.experienceId));
  if (!exp?.active) throw new AppError(404, 'not_found', { what: 'slot' });
  const option = exp.options.find((o) => o.id === slot.optionId);
  if (!option) throw new AppError(404, 'not_found', { what: 'slot' });

  if (slot.startsAt.getTime() <= now.getTime()) throw new AppError(422, 'tourism_slot_in_past');
  const entries = Object.entries(input.units).filter(([, n]) => n !== 0);
  if (!entries.length) throw new AppError(422, 'tourism_no_units');
  let places = 0;
  let total = 0;
  const detail: { th: string; zh: string; en: string }[] = [];
  for (const [unitId, n] of entries) {
    const unit = option.units.find((u) => u.id === unitId);
    if (!unit) throw new AppError(422, 'tourism_unit_not_offered', { unit: unitId });
    if (!Number.isSafeInteger(n) || n < 0 || n > 100) throw new AppError(422, 'tourism_bad_quantity');
    places += n;
    total += unit.priceSatang * n;
    detail.push({
      th: `${unit.title.th} × ${n}`,
      zh: `${unit.title.zh} × ${n}`,
      en: `${unit.title.en} × ${n}`,
    });
  }
  const state = slotStatus(slot, exp.cutoffMinutes, now);
  if (state.status === 'CLOSED') throw new AppError(409, 'tourism_slot_closed');

  // The one conditional update that takes the places: no row comes back when they are not there.
  const took = await tx
    .update(slots)
    .set({ taken: sql`${slots.taken} + ${places}` })
    .where(and(eq(slots.id, slot.id), eq(slots.closed, 0), sql`${slots.taken} + ${places} <= ${slots.capacity}`))
    .returning({ taken: slots.taken, capacity: slots.capacity });
  if (!took.length)
    throw new AppError(409, 'tourism_not_enough_places', { vacancies: Math.max(0, slot.capacity - slot.taken) });

  const id = newId();
  const holdExpiresAt = new Date(now.getTime() + (opts.holdMinutes ?? HOLD_MINUTES_DEFAULT) * 60_000);
  const order = await placeServiceOrder(tx, tourism, {
    buyer,
    sellerId: exp.sellerId,
    contactPhone: input.contactPhone ?? null,
    paymentDueAt: holdExpiresAt,
    lines: [
      {
        reference: `tourism.booking:${id}`,
        sku: `${exp.id.slice(0, 8)}-${option.id}`.toUpperCase(),
        title: exp.title,
        detail,
        unitPriceSatang: total,
        quantity: 1,
      },
    ],
  });
  await tx.insert(bookings).values({
    id,
    slotId: slot.id,
    experienceId: exp.id,
    sellerId: exp.sellerId,
    provinceCode: exp.provinceCode,
    buyerKey: ownerKey(buyer),
    units: Object.fromEntries(entries),
    places,
    totalSatang: total,
    locale: input.locale ?? 'th',
    status: 'ON_HOLD',
    holdExpiresAt,
    orderId: order.orderId,
    groupId: order.groupId,
    resellerReference: input.resellerReference ?? null,
  });
  return { bookingId: id, orderId: order.orderId, groupId: order.groupId, totalSatang: total, holdExpiresAt, places };
}

/** Gives back the places of bookings that did not get paid in time; returns how many lapsed. */
export async function expireHolds(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const lapsed = await tx
      .update(bookings)
      .set({ status: 'EXPIRED' })
      .where(and(inArray(bookings.status, ['ON_HOLD', 'PENDING']), lt(bookings.holdExpiresAt, now)))
      .returning({ slotId: bookings.slotId, places: bookings.places });
    await giveBack(tx, lapsed);
    return lapsed.length;
  });
}

async function giveBack(tx: Executor, rows: { slotId: string; places: number }[]) {
  const bySlot = new Map<string, number>();
  for (const r of rows) bySlot.set(r.slotId, (bySlot.get(r.slotId) ?? 0) + r.places);
  for (const [slotId, n] of [...bySlot].sort(([a], [b]) => a.localeCompare(b)))
    await tx
      .update(slots)
      .set({ taken: sql`${slots.taken} - ${n}` })
      .where(eq(slots.id, slotId));
}

/**
 * On `order.paid`: confirms the booking when its hold still stands (ON_HOLD/PENDING). A payment for a
 * hold that already lapsed and lost its places is not confirmed (the order is refunded by payments'
 * usual path for cancelled orders).
 */
export async function confirmPaid(db: Db, orderId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(bookings)
      .set({ status: 'CONFIRMED', confirmedAt: new Date() })
      .where(and(eq(bookings.orderId, orderId), inArray(bookings.status, ['ON_HOLD', 'PENDING'])));
  });
}

/** On `order.cancelled`: a booking not yet confirmed lapses and gives its places back. */
export async function releaseCancelled(db: Db, orderId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(bookings)
      .set({ status: 'CANCELLED' })
      .where(and(eq(bookings.orderId, orderId), inArray(bookings.status, ['ON_HOLD', 'PENDING'])))
      .returning({ slotId: bookings.slotId, places: bookings.places });
    await giveBack(tx, rows);
  });
}

export async function bookingOf(db: Executor, actor: Actor, buyerKey: string | null, id: string) {
  const [b] = await db.select().from(bookings).where(eq(bookings.id, id));
  if (!b) throw new AppError(404, 'not_found', { what: 'booking' });
  const mine = buyerKey !== null && b.buyerKey === buyerKey;
  if (!mine && actor.kind !== 'system') throw new AppError(404, 'not_found', { what: 'booking' });
  return b;
}
