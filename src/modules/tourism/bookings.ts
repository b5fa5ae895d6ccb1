// Bookings: reserve takes places from the slot with one conditional update (taken + n <= capacity)
// in the transaction that writes the hold and its service order, so two visitors can never get the
// last place. The service order is paid through payments; `order.paid` confirms the booking after
// re-checking the hold. Expired holds (and cancelled unpaid orders) give their places back.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { formatDateTime, pickText } from '../../platform/i18n.ts';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type CartOwner, ownerKey } from '../cart/index.ts';
import { placeServiceOrder, transitionOrder } from '../orders/index.ts';
import { slotStatus } from './availability.ts';
import { refundPercent } from './cancellation.ts';
import { bookings, experiences, slots } from './schema.ts';

const tourism = systemActor('tourism');

export interface ReserveInput {
  slotId: string;
  units: Record<string, number>;
  locale?: string;
  contactPhone?: string | null;
  resellerReference?: string | null;
  /** OCTO: the reseller booking it, the booking's uuid if the reseller chose it, contact and notes. */
  resellerId?: string | null;
  id?: string;
  contact?: Record<string, unknown> | null;
  notes?: string | null;
}

const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U
/** A ticket's short reference, e.g. "TK7Q4M9ZRA": what an operator types when the QR cannot be read. */
export function newReference(): string {
  const bytes = randomBytes(8);
  return `TK${Array.from(bytes, (b) => REFERENCE_ALPHABET[b & 31]).join('')}`;
}

export const HOLD_MINUTES_DEFAULT = 15;

export async function reserve(
  tx: Executor,
  buyer: CartOwner,
  input: ReserveInput,
  opts: { holdMinutes?: number; now?: Date; paymentMinutes?: number } = {},
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

  const id = input.id ?? newId();
  const holdExpiresAt = new Date(now.getTime() + (opts.holdMinutes ?? HOLD_MINUTES_DEFAULT) * 60_000);
  const order = await placeServiceOrder(tx, tourism, {
    buyer,
    sellerId: exp.sellerId,
    contactPhone: input.contactPhone ?? null,
    // A reseller's hold may be extended, so its order waits as long as the longest hold; the sweeper
    // cancels the order of a hold that lapses before that.
    paymentDueAt: opts.paymentMinutes ? new Date(now.getTime() + opts.paymentMinutes * 60_000) : holdExpiresAt,
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
    resellerId: input.resellerId ?? null,
    contact: input.contact ?? null,
    notes: input.notes ?? null,
    reference: newReference(),
  });
  return { bookingId: id, orderId: order.orderId, groupId: order.groupId, totalSatang: total, holdExpiresAt, places };
}

/**
 * Gives back the places of bookings that did not get paid in time, and cancels their orders (so no
 * payment is taken for places that went back); returns how many lapsed.
 */
export async function expireHolds(db: Db, now = new Date()): Promise<number> {
  const lapsed = await db.transaction(async (tx) => {
    const rows = await tx
      .update(bookings)
      .set({ status: 'EXPIRED' })
      .where(and(inArray(bookings.status, ['ON_HOLD', 'PENDING']), lt(bookings.holdExpiresAt, now)))
      .returning({ slotId: bookings.slotId, places: bookings.places, orderId: bookings.orderId });
    await giveBack(tx, rows);
    return rows;
  });
  for (const r of lapsed) if (r.orderId) await cancelOrderOf(db, r.orderId, 'payment_timeout');
  return lapsed.length;
}

/** Cancels a booking's order unless it already moved on its own (expired, cancelled); a paid one is refunded. */
async function cancelOrderOf(db: Db, orderId: string, reason: string): Promise<void> {
  await transitionOrder(db, tourism, orderId, 'cancelled', { reason }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'invalid_transition') return;
    throw err;
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
  const lost = await db.transaction(async (tx) => {
    const done = await tx
      .update(bookings)
      .set({ status: 'CONFIRMED', confirmedAt: new Date() })
      .where(and(eq(bookings.orderId, orderId), inArray(bookings.status, ['ON_HOLD', 'PENDING'])))
      .returning({ id: bookings.id });
    if (done.length) return false;
    const [b] = await tx
      .select({ status: bookings.status, confirmedAt: bookings.confirmedAt })
      .from(bookings)
      .where(eq(bookings.orderId, orderId));
    // (A redelivered order.paid for a booking confirmed and then cancelled by its policy changes nothing.)
    return !!b && !b.confirmedAt && (b.status === 'EXPIRED' || b.status === 'CANCELLED');
  });
  // Paid after the hold lapsed (its places may be someone else's now): cancelled, so payments refunds it.
  if (lost) await cancelOrderOf(db, orderId, 'tourism_hold_lapsed');
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

/**
 * The booking when the actor booked it, or holds its signed link (`linkKeyValid`, checked by the
 * route); anyone else is told it does not exist.
 */
export async function bookingOf(
  db: Executor,
  actor: Actor,
  buyerKey: string | null,
  id: string,
  opts: { linkKeyValid?: boolean } = {},
) {
  const [b] = await db.select().from(bookings).where(eq(bookings.id, id));
  if (!b) throw new AppError(404, 'not_found', { what: 'booking' });
  const mine = (buyerKey !== null && b.buyerKey === buyerKey) || opts.linkKeyValid === true;
  if (!mine && actor.kind !== 'system') throw new AppError(404, 'not_found', { what: 'booking' });
  return b;
}

/** A visitor's bookings, newest first, with what the "my bookings" list shows. */
export async function bookingsOfBuyer(db: Executor, buyerKey: string, locale: 'th' | 'zh' | 'en') {
  const rows = await db
    .select({ b: bookings, s: slots, e: experiences })
    .from(bookings)
    .innerJoin(slots, eq(slots.id, bookings.slotId))
    .innerJoin(experiences, eq(experiences.id, bookings.experienceId))
    .where(eq(bookings.buyerKey, buyerKey))
    .orderBy(desc(bookings.createdAt))
    .limit(100);
  return rows.map(({ b, s, e }) => ({
    id: b.id,
    reference: b.reference,
    status: b.status,
    experienceTitle: pickText(e.title, locale),
    startsAt: s.startsAt.toISOString(),
    when: formatDateTime(s.startsAt, locale),
    places: b.places,
    totalSatang: b.totalSatang,
    refundSatang: b.refundSatang,
    groupId: b.groupId,
  }));
}

/**
 * What the visitor's booking page shows: the experience and slot, the hold or the ticket state, and
 * the share of the price a cancellation would give back now by the experience's policy.
 */
export async function bookingSummary(db: Executor, b: typeof bookings.$inferSelect, locale: 'th' | 'zh' | 'en') {
  const [row] = await db
    .select({ s: slots, e: experiences })
    .from(slots)
    .innerJoin(experiences, eq(experiences.id, slots.experienceId))
    .where(eq(slots.id, b.slotId));
  const option = row.e.options.find((o) => o.id === row.s.optionId);
  const cancellable =
    (b.status === 'ON_HOLD' || b.status === 'PENDING' || b.status === 'CONFIRMED') && row.s.startsAt > new Date();
  return {
    id: b.id,
    reference: b.reference,
    status: b.status,
    experienceId: row.e.id,
    experienceTitle: pickText(row.e.title, locale),
    optionTitle: option ? pickText(option.title, locale) : row.s.optionId,
    provinceCode: row.e.provinceCode,
    startsAt: row.s.startsAt.toISOString(),
    when: formatDateTime(row.s.startsAt, locale),
    unitLines: Object.entries(b.units).map(([unitId, quantity]) => {
      const u = option?.units.find((x) => x.id === unitId);
      return { unitId, title: u ? pickText(u.title, locale) : unitId, quantity };
    }),
    places: b.places,
    totalSatang: b.totalSatang,
    refundSatang: b.refundSatang,
    groupId: b.groupId,
    holdExpiresAt: b.holdExpiresAt.toISOString(),
    cancellation: row.e.cancellation,
    cancellable,
    refundPercentNow:
      b.status === 'CONFIRMED' && cancellable ? refundPercent(row.e.cancellation, row.s.startsAt, new Date()) : 0,
  };
}
