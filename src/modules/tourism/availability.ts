// Availability as OCTO defines it: a slot is AVAILABLE, LIMITED (few places left), SOLD_OUT (no
// vacancies) or CLOSED (closed by the operator or past its cut-off), with its vacancies.
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { experiences, slots } from './schema.ts';

export type OctoStatus = 'AVAILABLE' | 'LIMITED' | 'SOLD_OUT' | 'CLOSED';

/** LIMITED when at most this share of the capacity is left. */
const LIMITED_SHARE = 0.2;

export function slotStatus(
  s: { capacity: number; taken: number; closed: number; startsAt: Date },
  cutoffMinutes: number,
  now = new Date(),
): { status: OctoStatus; vacancies: number; available: boolean } {
  const vacancies = Math.max(0, s.capacity - s.taken);
  if (s.closed || s.startsAt.getTime() - cutoffMinutes * 60_000 <= now.getTime())
    return { status: 'CLOSED', vacancies: 0, available: false };
  if (vacancies === 0) return { status: 'SOLD_OUT', vacancies, available: false };
  if (vacancies <= Math.max(1, Math.floor(s.capacity * LIMITED_SHARE)))
    return { status: 'LIMITED', vacancies, available: true };
  return { status: 'AVAILABLE', vacancies, available: true };
}

/** The slots of an experience from `from` (inclusive) to `to` (exclusive), with their OCTO status. */
export async function availabilityOf(db: Executor, experienceId: string, from: Date, to: Date) {
  const [exp] = await db.select().from(experiences).where(eq(experiences.id, experienceId));
  if (!exp) return null;
  const rows = await db
    .select()
    .from(slots)
    .where(and(eq(slots.experienceId, experienceId), gte(slots.startsAt, from), lt(slots.startsAt, to)))
    .orderBy(asc(slots.startsAt));
  const now = new Date();
  return {
    experience: exp,
    slots: rows.map((s) => ({
      id: s.id,
      optionId: s.optionId,
      localDateTimeStart: s.startsAt.toISOString(),
      capacity: s.capacity,
      ...slotStatus(s, exp.cutoffMinutes, now),
    })),
  };
}
