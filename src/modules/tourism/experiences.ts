// Experiences offered by approved shops, and their slots (a season of them at once).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireApprovedSeller, requireSellerAccess } from '../sellers/index.ts';
import { isSecondaryCity } from './destinations.ts';
import { type CancellationRule, experiences, type MeetingPoint, type OptionDef, slots, type Text3 } from './schema.ts';

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
  if (!isSecondaryCity(input.provinceCode))
    throw new AppError(422, 'validation_failed', {}, [{ field: 'provinceCode', code: 'tourism_not_secondary_city' }]);
  for (const o of input.options)
    for (const u of o.units)
      if (!Number.isSafeInteger(u.priceSatang) || u.priceSatang < 0)
        throw new AppError(422, 'validation_failed', {}, [{ field: 'options.units.priceSatang', code: 'invalid' }]);
  const id = newId();
  await db.insert(experiences).values({ id, sellerId, ...input, cutoffMinutes: input.cutoffMinutes ?? 120 });
  return { id };
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
