// Experiences offered by approved shops, and their slots (a season of them at once).
import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireApprovedSeller, requireSellerAccess } from '../sellers/index.ts';
import { isSecondaryCity } from './destinations.ts';
import {
  bookings,
  type CancellationRule,
  experiences,
  type MeetingPoint,
  type OptionDef,
  slots,
  type Text3,
} from './schema.ts';

export interface ExperienceInput {
  provinceCode: string;
  title: Text3;
  description: Text3;
  options: OptionDef[];
  meetingPoint: MeetingPoint;
  guideLanguages: string[];
  inclusions: Text3[];
  cancellation: CancellationRule[];
  cutoffMinutes?: number;
}

export async function createExperience(db: Executor, actor: Actor, sellerId: string, input: ExperienceInput) {
  await requireSellerAccess(db, actor, sellerId);
  await requireApprovedSeller(db, sellerId);
  checkExperience(input);
  const id = newId();
  await db.insert(experiences).values({ id, sellerId, ...input, cutoffMinutes: input.cutoffMinutes ?? 120 });
  return { id };
}

function checkExperience(input: ExperienceInput) {
  if (!isSecondaryCity(input.provinceCode))
    throw new AppError(422, 'validation_failed', {}, [{ field: 'provinceCode', code: 'tourism_not_secondary_city' }]);
  for (const o of input.options)
    for (const u of o.units)
      if (!Number.isSafeInteger(u.priceSatang) || u.priceSatang < 0)
        throw new AppError(422, 'validation_failed', {}, [{ field: 'options.units.priceSatang', code: 'invalid' }]);
}

/** Adds slots: every day from `from` to `to` (ISO dates, Asia/Bangkok) at each `times` ("09:00"), except `closedDays`. */
export async function addSeason(
  db: Executor,
  actor: Actor,
  experienceId: string,
  season: { optionId: string; from: string; to: string; times: string[]; capacity: number; closedWeekdays?: number[] },
) {
  const [exp] = await db.select().from(experiences).where(eq(experiences.id, experienceId));
  if (!exp) throw new AppError(404, 'not_found', { what: 'experience' });
  await requireSellerAccess(db, actor, exp.sellerId).catch(() => {
    throw new AppError(404, 'not_found', { what: 'experience' });
  });
  if (!exp.options.some((o) => o.id === season.optionId))
    throw new AppError(422, 'validation_failed', {}, [{ field: 'optionId', code: 'invalid' }]);
  const rows: (typeof slots.$inferInsert)[] = [];
  for (
    let d = new Date(`${season.from}T00:00:00Z`);
    d <= new Date(`${season.to}T00:00:00Z`);
    d = new Date(d.getTime() + 86_400_000)
  ) {
    if (season.closedWeekdays?.includes(d.getUTCDay())) continue;
    const day = d.toISOString().slice(0, 10);
    for (const t of season.times)
      rows.push({
        id: newId(),
        experienceId,
        optionId: season.optionId,
        startsAt: new Date(`${day}T${t}:00+07:00`),
        capacity: season.capacity,
      });
  }
  if (rows.length) await db.insert(slots).values(rows);
  return { slots: rows.length };
}

/** Closes (or reopens) a slot: a closure day, bad weather. */
export async function setSlotClosed(db: Executor, actor: Actor, slotId: string, closed: boolean) {
  const [s] = await db
    .select({ sellerId: experiences.sellerId })
    .from(slots)
    .innerJoin(experiences, eq(experiences.id, slots.experienceId))
    .where(eq(slots.id, slotId));
  if (!s) throw new AppError(404, 'not_found', { what: 'slot' });
  await requireSellerAccess(db, actor, s.sellerId).catch(() => {
    throw new AppError(404, 'not_found', { what: 'slot' });
  });
  await db
    .update(slots)
    .set({ closed: closed ? 1 : 0 })
    .where(eq(slots.id, slotId));
}

export async function experiencesIn(db: Executor, provinceCodes?: string[]) {
  const where = provinceCodes
    ? and(eq(experiences.active, 1), inArray(experiences.provinceCode, provinceCodes))
    : eq(experiences.active, 1);
  return db.select().from(experiences).where(where).orderBy(asc(experiences.createdAt));
}

export async function experienceById(db: Executor, id: string) {
  const [exp] = await db.select().from(experiences).where(eq(experiences.id, id));
  if (!exp?.active) throw new AppError(404, 'not_found', { what: 'experience' });
  return exp;
}

/** The shop's experiences (all languages, for editing), newest first. */
export async function experiencesOfSeller(db: Executor, actor: Actor, sellerId: string) {
  await requireSellerAccess(db, actor, sellerId);
  return db
    .select()
    .from(experiences)
    .where(eq(experiences.sellerId, sellerId))
    .orderBy(desc(experiences.createdAt))
    .limit(200);
}

/** The shop replaces what an experience offers (same checks as when it was created). */
export async function updateExperience(db: Executor, actor: Actor, id: string, input: ExperienceInput) {
  const [exp] = await db.select().from(experiences).where(eq(experiences.id, id));
  if (!exp) throw new AppError(404, 'not_found', { what: 'experience' });
  await requireSellerAccess(db, actor, exp.sellerId).catch(() => {
    throw new AppError(404, 'not_found', { what: 'experience' });
  });
  checkExperience(input);
  await db
    .update(experiences)
    .set({ ...input, cutoffMinutes: input.cutoffMinutes ?? exp.cutoffMinutes })
    .where(eq(experiences.id, id));
  return { id };
}

/**
 * The roster: the slots of the shop's experience from `from` to `to` with their bookings (who, how
 * many, status, contact), so staff know who comes. Lapsed and cancelled bookings are listed too.
 */
export async function rosterOf(db: Executor, actor: Actor, experienceId: string, from: Date, to: Date) {
  const [exp] = await db.select().from(experiences).where(eq(experiences.id, experienceId));
  if (!exp) throw new AppError(404, 'not_found', { what: 'experience' });
  await requireSellerAccess(db, actor, exp.sellerId).catch(() => {
    throw new AppError(404, 'not_found', { what: 'experience' });
  });
  const rows = await db
    .select()
    .from(slots)
    .where(and(eq(slots.experienceId, experienceId), gte(slots.startsAt, from), lt(slots.startsAt, to)))
    .orderBy(asc(slots.startsAt))
    .limit(500);
  const booked = rows.length
    ? await db
        .select()
        .from(bookings)
        .where(
          inArray(
            bookings.slotId,
            rows.map((s) => s.id),
          ),
        )
        .orderBy(asc(bookings.createdAt))
    : [];
  return rows.map((s) => ({
    slotId: s.id,
    optionId: s.optionId,
    startsAt: s.startsAt.toISOString(),
    capacity: s.capacity,
    taken: s.taken,
    closed: s.closed === 1,
    bookings: booked
      .filter((b) => b.slotId === s.id)
      .map((b) => ({
        id: b.id,
        reference: b.reference,
        status: b.status,
        places: b.places,
        units: b.units,
        contact: b.contact ?? null,
        reseller: b.resellerId !== null,
      })),
  }));
}
