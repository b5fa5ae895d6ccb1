// The OCTO supplier API's model (Open Connectivity for Tours, Activities and Attractions, octo.travel):
// products with options and units, availability (calendar by day, and start times with status and
// vacancies), and bookings (reserve ON_HOLD with utcExpiresAt → confirm → cancel), in OCTO's field
// names and statuses, over the same slots, holds and service orders as the platform's own visitors.
import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import { systemActor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { guestOwner } from '../cart/index.ts';
import { markGroupPaid } from '../orders/index.ts';
import { slotStatus } from './availability.ts';
import { confirmPaid, reserve } from './bookings.ts';
import { cancelBooking } from './cancellation.ts';
import { bookings, experiences, type OptionDef, slots } from './schema.ts';
import { redeemToken, type TicketKeys } from './tickets.ts';

/** An error in OCTO's shape: `{ error, errorMessage, ...ids }` (HTTP 400 unless said otherwise). */
export class OctoError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  constructor(error: string, errorMessage: string, extra: Record<string, unknown> = {}, status = 400) {
    super(errorMessage);
    this.status = status;
    this.body = { error, errorMessage, ...extra };
  }
}

type Experience = typeof experiences.$inferSelect;
type Slot = typeof slots.$inferSelect;
type Booking = typeof bookings.$inferSelect;

const TZ_OFFSET_MS = 7 * 3_600_000; // Asia/Bangkok, no daylight saving
/** "2026-12-05T09:00:00+07:00": OCTO's local date-time with its offset. */
export const localDateTime = (d: Date): string =>
  `${new Date(d.getTime() + TZ_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
const localDate = (d: Date): string => new Date(d.getTime() + TZ_OFFSET_MS).toISOString().slice(0, 10);
const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

const price = (satang: number) => ({
  original: satang,
  retail: satang,
  net: null,
  currency: 'THB',
  currencyPrecision: 2,
  includedTaxes: [],
});

function cutoffOf(e: Experience) {
  const first = [...e.cancellation].sort((a, b) => b.refundPercent - a.refundPercent)[0];
  const hours = first?.hoursBefore ?? 0;
  return { cancellationCutoff: `${hours} hours`, cancellationCutoffAmount: hours, cancellationCutoffUnit: 'hour' };
}

function optionView(e: Experience, o: OptionDef, i: number, times: string[]) {
  return {
    id: o.id,
    default: i === 0,
    internalName: o.title.en || o.title.th,
    reference: null,
    title: o.title.en || o.title.th,
    availabilityLocalStartTimes: times,
    ...cutoffOf(e),
    requiredContactFields: ['fullName'],
    restrictions: { minUnits: 1, maxUnits: 100 },
    durationMinutes: o.durationMinutes,
    units: o.units.map((u) => ({
      id: u.id,
      internalName: u.title.en || u.title.th,
      reference: null,
      type: u.type,
      requiredContactFields: [],
      restrictions: {
        minAge: 0,
        maxAge: 120,
        idRequired: u.type === 'RESIDENT',
        minQuantity: null,
        maxQuantity: null,
        paxCount: 1,
        accompaniedBy: u.type === 'CHILD' ? o.units.filter((x) => x.type === 'ADULT').map((x) => x.id) : [],
      },
      pricingFrom: [price(u.priceSatang)],
    })),
  };
}

/** The distinct local start times ("09:00") of each option's coming slots. */
async function startTimes(db: Executor, experienceId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ optionId: slots.optionId, startsAt: slots.startsAt })
    .from(slots)
    .where(and(eq(slots.experienceId, experienceId), gte(slots.startsAt, new Date())))
    .limit(500);
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.optionId) ?? new Set<string>();
    set.add(localDateTime(r.startsAt).slice(11, 16));
    out.set(r.optionId, set);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

export function productView(e: Experience, times: Map<string, string[]>) {
  return {
    id: e.id,
    internalName: e.title.en || e.title.th,
    reference: e.provinceCode,
    locale: 'en',
    timeZone: 'Asia/Bangkok',
    allowFreesale: false,
    instantConfirmation: true,
    instantDelivery: true,
    availabilityRequired: true,
    availabilityType: 'START_TIME',
    deliveryFormats: ['QRCODE'],
    deliveryMethods: ['VOUCHER'],
    redemptionMethod: 'DIGITAL',
    options: e.options.map((o, i) => optionView(e, o, i, times.get(o.id) ?? [])),
  };
}

export async function products(db: Executor) {
  const rows = await db.select().from(experiences).where(eq(experiences.active, 1)).orderBy(asc(experiences.createdAt));
  return Promise.all(rows.map(async (e) => productView(e, await startTimes(db, e.id))));
}

async function experienceOr(db: Executor, productId: string): Promise<Experience> {
  const [e] = /^[0-9a-f-]{36}$/i.test(productId)
    ? await db.select().from(experiences).where(eq(experiences.id, productId))
    : [];
  if (!e?.active) throw new OctoError('INVALID_PRODUCT_ID', 'The productId was missing or invalid', { productId });
  return e;
}

export async function product(db: Executor, productId: string) {
  const e = await experienceOr(db, productId);
  return productView(e, await startTimes(db, e.id));
}

function optionOr(e: Experience, optionId: string): OptionDef {
  const o = e.options.find((x) => x.id === optionId);
  if (!o) throw new OctoError('INVALID_OPTION_ID', 'The optionId was missing or invalid', { optionId });
  return o;
}

function availabilityView(e: Experience, o: OptionDef, s: Slot, now: Date) {
  const st = slotStatus(s, e.cutoffMinutes, now);
  return {
    id: s.id,
    localDateTimeStart: localDateTime(s.startsAt),
    localDateTimeEnd: localDateTime(new Date(s.startsAt.getTime() + o.durationMinutes * 60_000)),
    allDay: false,
    available: st.available,
    status: st.status,
    vacancies: st.vacancies,
    capacity: s.capacity,
    maxUnits: st.vacancies,
    utcCutoffAt: new Date(s.startsAt.getTime() - e.cutoffMinutes * 60_000).toISOString(),
    openingHours: [],
  };
}

export interface AvailabilityQuery {
  productId: string;
  optionId: string;
  localDateStart?: string;
  localDateEnd?: string;
  availabilityIds?: string[];
}

async function slotsIn(db: Executor, e: Experience, o: OptionDef, q: AvailabilityQuery): Promise<Slot[]> {
  if (q.availabilityIds?.length) {
    const rows = await db
      .select()
      .from(slots)
      .where(and(eq(slots.experienceId, e.id), eq(slots.optionId, o.id)))
      .orderBy(asc(slots.startsAt));
    return rows.filter((s) => q.availabilityIds?.includes(s.id));
  }
  if (!q.localDateStart || !q.localDateEnd)
    throw new OctoError('BAD_REQUEST', 'localDateStart and localDateEnd, or availabilityIds, are required');
  const from = dayStart(q.localDateStart);
  const to = new Date(dayStart(q.localDateEnd).getTime() + 86_400_000);
  if (!(from < to) || to.getTime() - from.getTime() > 400 * 86_400_000)
    throw new OctoError('BAD_REQUEST', 'localDateEnd must be on or after localDateStart, within 400 days');
  return db
    .select()
    .from(slots)
    .where(
      and(eq(slots.experienceId, e.id), eq(slots.optionId, o.id), gte(slots.startsAt, from), lt(slots.startsAt, to)),
    )
    .orderBy(asc(slots.startsAt));
}

/** POST /availability: each start time with its status and vacancies. */
export async function availability(db: Executor, q: AvailabilityQuery) {
  const e = await experienceOr(db, q.productId);
  const o = optionOr(e, q.optionId);
  const now = new Date();
  return (await slotsIn(db, e, o, q)).map((s) => availabilityView(e, o, s, now));
}

/** POST /availability/calendar: each local day with the status of its slots taken together. */
export async function availabilityCalendar(db: Executor, q: AvailabilityQuery) {
  const e = await experienceOr(db, q.productId);
  const o = optionOr(e, q.optionId);
  const rows = (await slotsIn(db, e, o, { ...q, availabilityIds: undefined })).map((s) =>
    availabilityView(e, o, s, new Date()),
  );
  const out: {
    localDate: string;
    available: boolean;
    status: string;
    vacancies: number;
    capacity: number;
    openingHours: never[];
  }[] = [];
  for (
    let d = dayStart(q.localDateStart as string);
    d.getTime() <= dayStart(q.localDateEnd as string).getTime();
    d = new Date(d.getTime() + 86_400_000)
  ) {
    const day = localDate(d);
    const of = rows.filter((r) => r.localDateTimeStart.startsWith(day));
    const open = of.filter((r) => r.status !== 'CLOSED');
    const vacancies = open.reduce((n, r) => n + r.vacancies, 0);
    const capacity = open.reduce((n, r) => n + r.capacity, 0);
    const status = !open.length
      ? 'CLOSED'
      : vacancies === 0
        ? 'SOLD_OUT'
        : open.some((r) => r.status === 'AVAILABLE')
          ? 'AVAILABLE'
          : 'LIMITED';
    out.push({ localDate: day, available: vacancies > 0, status, vacancies, capacity, openingHours: [] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bookings.

export interface OctoContact {
  fullName?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  emailAddress?: string | null;
  phoneNumber?: string | null;
  locales?: string[];
  postalCode?: string | null;
  country?: string | null;
  notes?: string | null;
}

const EMPTY_CONTACT = {
  fullName: null,
  firstName: null,
  lastName: null,
  emailAddress: null,
  phoneNumber: null,
  locales: [],
  postalCode: null,
  country: null,
  notes: null,
};

export async function bookingView(db: Executor, keys: TicketKeys, b: Booking) {
  const [s] = await db.select().from(slots).where(eq(slots.id, b.slotId));
  const [e] = await db.select().from(experiences).where(eq(experiences.id, b.experienceId));
  const o = e.options.find((x) => x.id === s.optionId) as OptionDef;
  const times = await startTimes(db, e.id);
  const unitItems = Object.entries(b.units).flatMap(([unitId, n]) =>
    Array.from({ length: n }, (_, i) => {
      const u = o.units.find((x) => x.id === unitId);
      return {
        uuid: `${b.id.slice(0, 24)}${(Object.keys(b.units).indexOf(unitId) * 1000 + i).toString(16).padStart(12, '0')}`,
        resellerReference: null,
        supplierReference: b.reference,
        unitId,
        unit: u ? optionView(e, o, 0, []).units.find((x) => x.id === unitId) : null,
        status: b.status,
        utcRedeemedAt: b.redeemedAt?.toISOString() ?? null,
        contact: EMPTY_CONTACT,
        ticket: null,
        pricing: price(u?.priceSatang ?? 0),
      };
    }),
  );
  const delivered = b.status === 'CONFIRMED' || b.status === 'REDEEMED';
  const refund = b.refundSatang ?? 0;
  return {
    id: b.id,
    uuid: b.id,
    testMode: false,
    resellerReference: b.resellerReference,
    supplierReference: b.reference,
    status: b.status,
    utcCreatedAt: b.createdAt.toISOString(),
    utcUpdatedAt: (b.cancelledAt ?? b.redeemedAt ?? b.confirmedAt ?? b.createdAt).toISOString(),
    utcExpiresAt: b.status === 'ON_HOLD' || b.status === 'PENDING' ? b.holdExpiresAt.toISOString() : null,
    utcRedeemedAt: b.redeemedAt?.toISOString() ?? null,
    utcConfirmedAt: b.confirmedAt?.toISOString() ?? null,
    productId: e.id,
    product: productView(e, times),
    optionId: o.id,
    option: optionView(e, o, e.options.indexOf(o), times.get(o.id) ?? []),
    cancellable: (b.status === 'ON_HOLD' || b.status === 'CONFIRMED') && s.startsAt.getTime() > Date.now(),
    cancellation:
      b.status === 'CANCELLED'
        ? {
            refund: refund === 0 ? 'NONE' : refund >= b.totalSatang ? 'FULL' : 'PARTIAL',
            reason: null,
            utcCancelledAt: (b.cancelledAt ?? b.createdAt).toISOString(),
          }
        : null,
    freesale: false,
    availabilityId: s.id,
    availability: {
      id: s.id,
      localDateTimeStart: localDateTime(s.startsAt),
      localDateTimeEnd: localDateTime(new Date(s.startsAt.getTime() + o.durationMinutes * 60_000)),
      allDay: false,
      openingHours: [],
    },
    contact: { ...EMPTY_CONTACT, ...(b.contact ?? {}) },
    notes: b.notes,
    deliveryMethods: ['VOUCHER'],
    voucher: delivered
      ? {
          redemptionMethod: 'DIGITAL',
          utcRedeemedAt: b.redeemedAt?.toISOString() ?? null,
          deliveryOptions: [
            { deliveryFormat: 'QRCODE', deliveryValue: redeemToken(keys.secret, b.id) },
            // The ticket PDF (ask with the same API key; lang=th|zh|en), at the platform's public address.
            { deliveryFormat: 'PDF_URL', deliveryValue: `${keys.publicUrl}/octo/bookings/${b.id}/ticket.pdf` },
          ],
        }
      : null,
    unitItems,
    pricing: price(b.totalSatang),
  };
}

/** The reseller's own booking; another reseller's is unknown to it. */
async function ownBooking(db: Executor, resellerId: string, uuid: string): Promise<Booking> {
  const [b] = /^[0-9a-f-]{36}$/i.test(uuid)
    ? await db
        .select()
        .from(bookings)
        .where(and(eq(bookings.id, uuid), eq(bookings.resellerId, resellerId)))
    : [];
  if (!b) throw new OctoError('INVALID_BOOKING_UUID', 'Invalid booking uuid', { uuid });
  return b;
}

export async function getBooking(db: Executor, keys: TicketKeys, resellerId: string, uuid: string) {
  return bookingView(db, keys, await ownBooking(db, resellerId, uuid));
}

export async function listBookings(
  db: Executor,
  keys: TicketKeys,
  resellerId: string,
  q: { resellerReference?: string; supplierReference?: string },
) {
  const conds = [eq(bookings.resellerId, resellerId)];
  if (q.resellerReference) conds.push(eq(bookings.resellerReference, q.resellerReference));
  if (q.supplierReference) conds.push(eq(bookings.reference, q.supplierReference));
  const rows = await db
    .select()
    .from(bookings)
    .where(and(...conds))
    .orderBy(desc(bookings.createdAt))
    .limit(100);
  return Promise.all(rows.map((b) => bookingView(db, keys, b)));
}

/** The longest a reseller may hold places before confirming (OCTO's expirationMinutes). */
export const MAX_HOLD_MINUTES = 24 * 60;

export interface ReserveRequest {
  uuid?: string;
  productId: string;
  optionId: string;
  availabilityId: string;
  unitItems: { unitId: string; uuid?: string }[];
  notes?: string;
  resellerReference?: string;
  expirationMinutes?: number;
  contact?: OctoContact;
}

/** What the platform's own refusals mean to a reseller. */
function asOcto(err: unknown): never {
  if (err instanceof AppError) {
    if (err.code === 'tourism_unit_not_offered')
      throw new OctoError('INVALID_UNIT_ID', 'The unitId was missing or invalid', { unitId: err.params.unit });
    if (err.code === 'not_found') throw new OctoError('INVALID_AVAILABILITY_ID', 'The availabilityId was invalid');
    if (err.code === 'tourism_not_enough_places')
      throw new OctoError('UNPROCESSABLE_ENTITY', `Not enough vacancies (${err.params.vacancies} left)`);
    if (err.code === 'tourism_slot_closed' || err.code === 'tourism_slot_in_past')
      throw new OctoError('UNPROCESSABLE_ENTITY', 'This availability is closed');
    throw new OctoError('UNPROCESSABLE_ENTITY', err.code);
  }
  throw err;
}

export async function reserveBooking(db: Db, keys: TicketKeys, resellerId: string, r: ReserveRequest) {
  const e = await experienceOr(db, r.productId);
  const o = optionOr(e, r.optionId);
  const [s] = /^[0-9a-f-]{36}$/i.test(r.availabilityId)
    ? await db.select().from(slots).where(eq(slots.id, r.availabilityId))
    : [];
  if (!s || s.experienceId !== e.id || s.optionId !== o.id)
    throw new OctoError('INVALID_AVAILABILITY_ID', 'The availabilityId was invalid', {
      availabilityId: r.availabilityId,
    });
  if (!r.unitItems.length) throw new OctoError('BAD_REQUEST', 'unitItems must not be empty');
  const units: Record<string, number> = {};
  for (const u of r.unitItems) {
    if (!o.units.some((x) => x.id === u.unitId))
      throw new OctoError('INVALID_UNIT_ID', 'The unitId was missing or invalid', { unitId: u.unitId });
    units[u.unitId] = (units[u.unitId] ?? 0) + 1;
  }
  if (r.uuid) {
    const [prior] = await db.select().from(bookings).where(eq(bookings.id, r.uuid));
    if (prior) {
      // A retried reserve with the same uuid answers with the booking it made.
      if (prior.resellerId === resellerId) return bookingView(db, keys, prior);
      throw new OctoError('BAD_REQUEST', 'This uuid is already in use');
    }
  }
  const holdMinutes = Math.min(Math.max(r.expirationMinutes ?? 30, 1), MAX_HOLD_MINUTES);
  const made = await db
    .transaction((tx) =>
      reserve(
        tx,
        guestOwner(`octo-reseller:${resellerId}`),
        {
          id: r.uuid,
          slotId: s.id,
          units,
          locale: 'en',
          resellerId,
          resellerReference: r.resellerReference ?? null,
          notes: r.notes ?? null,
          contact: (r.contact as Record<string, unknown> | undefined) ?? null,
        },
        { holdMinutes, paymentMinutes: MAX_HOLD_MINUTES },
      ),
    )
    .catch(asOcto);
  const [b] = await db.select().from(bookings).where(eq(bookings.id, made.bookingId));
  return bookingView(db, keys, b);
}

const octoActor = systemActor('tourism.octo');

/**
 * Confirm: the reseller has taken the customer's money, so the service order is paid on the
 * reseller's account and the booking confirmed — only while its hold stands.
 */
export async function confirmBooking(
  db: Db,
  keys: TicketKeys,
  resellerId: string,
  uuid: string,
  body: { resellerReference?: string; contact?: OctoContact; notes?: string },
) {
  const b = await ownBooking(db, resellerId, uuid);
  if (b.status === 'CONFIRMED' || b.status === 'REDEEMED') return bookingView(db, keys, b);
  if (b.status !== 'ON_HOLD' && b.status !== 'PENDING')
    throw new OctoError('UNPROCESSABLE_ENTITY', `The booking is ${b.status} and cannot be confirmed`);
  if (b.holdExpiresAt.getTime() <= Date.now())
    throw new OctoError('UNPROCESSABLE_ENTITY', 'The booking hold has expired');
  await updateDetails(db, b, body);
  if (b.groupId) await markGroupPaid(db, octoActor, b.groupId);
  if (b.orderId) await confirmPaid(db, b.orderId);
  return getBooking(db, keys, resellerId, uuid);
}

async function updateDetails(
  db: Executor,
  b: Booking,
  body: { resellerReference?: string; contact?: OctoContact; notes?: string },
) {
  const set: Partial<Booking> = {};
  if (body.resellerReference !== undefined) set.resellerReference = body.resellerReference;
  if (body.notes !== undefined) set.notes = body.notes;
  if (body.contact !== undefined) set.contact = { ...(b.contact ?? {}), ...body.contact };
  if (Object.keys(set).length) await db.update(bookings).set(set).where(eq(bookings.id, b.id));
}

/** PATCH: the reseller's reference, contact and notes. */
export async function updateBooking(
  db: Db,
  keys: TicketKeys,
  resellerId: string,
  uuid: string,
  body: { resellerReference?: string; contact?: OctoContact; notes?: string },
) {
  const b = await ownBooking(db, resellerId, uuid);
  if (b.status === 'CANCELLED' || b.status === 'EXPIRED')
    throw new OctoError('UNPROCESSABLE_ENTITY', `The booking is ${b.status} and cannot be updated`);
  await updateDetails(db, b, body);
  return getBooking(db, keys, resellerId, uuid);
}

/** Extend: a hold that still stands runs `expirationMinutes` from now. */
export async function extendBooking(db: Db, keys: TicketKeys, resellerId: string, uuid: string, minutes: number) {
  const b = await ownBooking(db, resellerId, uuid);
  const until = new Date(Date.now() + Math.min(Math.max(minutes, 1), MAX_HOLD_MINUTES) * 60_000);
  const maxUntil = new Date(b.createdAt.getTime() + MAX_HOLD_MINUTES * 60_000);
  const done = await db
    .update(bookings)
    .set({ holdExpiresAt: until < maxUntil ? until : maxUntil })
    .where(and(eq(bookings.id, b.id), eq(bookings.status, 'ON_HOLD'), gte(bookings.holdExpiresAt, new Date())))
    .returning({ id: bookings.id });
  if (!done.length)
    throw new OctoError('UNPROCESSABLE_ENTITY', 'Only a booking ON_HOLD whose hold stands can be extended');
  return getBooking(db, keys, resellerId, uuid);
}

export async function cancelOctoBooking(
  db: Db,
  keys: TicketKeys,
  resellerId: string,
  uuid: string,
  body: { reason?: string },
) {
  await ownBooking(db, resellerId, uuid);
  await db
    .transaction((tx) => cancelBooking(tx, uuid, { reason: body.reason, requestedBy: `reseller:${resellerId}` }))
    .catch((err: unknown) => {
      if (err instanceof AppError)
        throw new OctoError('UNPROCESSABLE_ENTITY', 'This booking can no longer be cancelled', { uuid });
      throw err;
    });
  return getBooking(db, keys, resellerId, uuid);
}
