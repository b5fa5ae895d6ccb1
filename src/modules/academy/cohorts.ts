// Cohorts: a certified trainer opens one at a community digital centre with dates, over a course or
// some of its modules (a custom course, like Open edX CCX), with at most the centre's seats; learners
// enrol with its join code. Seats are taken by one conditional update, so concurrent enrolments never
// pass the capacity. Who sees a cohort: its trainer, the centre's staff, academy operators and the
// learners enrolled; anyone else gets 404.
import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { printable } from '../../platform/typed-text.ts';
import { usersByIds } from '../identity/index.ts';
import { centreByCode, centreView } from './centres.ts';
import {
  academyAttendance,
  academyCentres,
  academyCohorts,
  academyEnrolments,
  academySessions,
} from './cohort-schema.ts';
import { type Course, courseById, type Lesson, pick } from './course.ts';
import { isAcademyOperator, isCertifiedTrainer, staffCentresOf } from './roles.ts';

export type CohortRow = typeof academyCohorts.$inferSelect;
/** What the caller is to a cohort, most privileged first. */
export type CohortAccess = 'trainer' | 'operator' | 'staff' | 'learner';

const JOIN_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const joinCode = () => Array.from({ length: 8 }, () => JOIN_ALPHABET[randomInt(JOIN_ALPHABET.length)]).join('');
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Bangkok' });

/** The modules a cohort takes and their lessons. */
export function cohortModules(c: Pick<CohortRow, 'courseId' | 'moduleIds'>): { course: Course; lessons: Lesson[] } {
  const course = courseById(c.courseId);
  if (!course) throw notFound('course');
  const modules = course.modules.filter((m) => !c.moduleIds || c.moduleIds.includes(m.id));
  return { course, lessons: modules.flatMap((m) => m.lessons) };
}

export interface OpenCohortInput {
  centreCode: string;
  courseId: string;
  moduleIds?: string[];
  title: string;
  startsOn: string;
  endsOn: string;
  capacity?: number;
}

export async function openCohort(db: Executor, actor: Actor, input: OpenCohortInput) {
  if (actor.kind !== 'user') throw unauthenticated();
  if (!(await isCertifiedTrainer(db, actor.userId))) throw new AppError(403, 'academy_not_a_trainer');
  const course = courseById(input.courseId);
  if (!course) throw invalid('courseId', 'not_allowed');
  const known = new Set(course.modules.map((m) => m.id));
  if (input.moduleIds) {
    if (!input.moduleIds.length) throw invalid('moduleIds', 'too_small', { min: 1 });
    input.moduleIds.forEach((id, i) => {
      if (!known.has(id)) throw invalid(`moduleIds.${i}`, 'not_allowed');
    });
  }
  const title = printable(input.title);
  if (!title) throw invalid('title', 'required');
  if (input.endsOn < input.startsOn) throw invalid('endsOn', 'before_start');
  if (input.endsOn < today()) throw invalid('endsOn', 'in_past');
  const centre = await centreByCode(db, input.centreCode).catch(() => {
    throw invalid('centreCode', 'not_allowed');
  });
  const capacity = input.capacity ?? centre.capacity;
  if (capacity > centre.capacity) throw invalid('capacity', 'too_large', { max: centre.capacity });
  const moduleIds = input.moduleIds
    ? course.modules.map((m) => m.id).filter((id) => input.moduleIds?.includes(id))
    : null;
  for (let tries = 0; ; tries++) {
    const [row] = await db
      .insert(academyCohorts)
      .values({
        id: newId(),
        trainerId: actor.userId,
        centreId: centre.id,
        courseId: course.id,
        moduleIds,
        title,
        joinCode: joinCode(),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        capacity,
      })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
    if (tries > 5) throw new Error('no free join code');
  }
}

/** The cohort and what the caller is to it; 404 for anyone with no business there. */
export async function cohortAccess(
  db: Executor,
  actor: Actor,
  cohortId: string,
): Promise<{ cohort: CohortRow; access: CohortAccess }> {
  const [cohort] = await db.select().from(academyCohorts).where(eq(academyCohorts.id, cohortId));
  if (!cohort || actor.kind !== 'user') throw notFound('cohort');
  if (cohort.trainerId === actor.userId) return { cohort, access: 'trainer' };
  if (await isAcademyOperator(db, actor)) return { cohort, access: 'operator' };
  if ((await staffCentresOf(db, actor)).includes(cohort.centreId)) return { cohort, access: 'staff' };
  const [enrolled] = await db
    .select({ u: academyEnrolments.userId })
    .from(academyEnrolments)
    .where(and(eq(academyEnrolments.cohortId, cohortId), eq(academyEnrolments.userId, actor.userId)));
  if (enrolled) return { cohort, access: 'learner' };
  throw notFound('cohort');
}

/** The cohort's trainer or an operator (grades, sessions, QR); anyone else 404. */
export async function cohortTeaching(db: Executor, actor: Actor, cohortId: string) {
  const a = await cohortAccess(db, actor, cohortId);
  if (a.access !== 'trainer' && a.access !== 'operator') throw notFound('cohort');
  return a;
}

async function centreOf(db: Executor, centreId: string) {
  const [c] = await db.select().from(academyCentres).where(eq(academyCentres.id, centreId));
  if (!c) throw notFound('centre');
  return c;
}

async function describe(db: Executor, cohort: CohortRow, locale: Locale) {
  const { course } = cohortModules(cohort);
  const trainer = (await usersByIds(db, [cohort.trainerId])).get(cohort.trainerId);
  return {
    id: cohort.id,
    title: cohort.title,
    course: { id: course.id, title: pick(course.title, locale) },
    modules: course.modules
      .filter((m) => !cohort.moduleIds || cohort.moduleIds.includes(m.id))
      .map((m) => ({ id: m.id, title: pick(m.title, locale), lessons: m.lessons.length })),
    centre: centreView(await centreOf(db, cohort.centreId), locale),
    trainerName: trainer?.displayName ?? '',
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    capacity: cohort.capacity,
    enrolled: cohort.enrolled,
    seatsLeft: cohort.capacity - cohort.enrolled,
  };
}

export async function cohortView(db: Executor, actor: Actor, cohortId: string, locale: Locale) {
  const { cohort, access } = await cohortAccess(db, actor, cohortId);
  const sessions = await db
    .select({
      id: academySessions.id,
      title: academySessions.title,
      startsAt: academySessions.startsAt,
      endsAt: academySessions.endsAt,
      closedAt: academySessions.closedAt,
      present: sql<number>`(select count(*)::int from ${academyAttendance} where ${academyAttendance.sessionId} = ${academySessions.id})`,
    })
    .from(academySessions)
    .where(eq(academySessions.cohortId, cohortId))
    .orderBy(asc(academySessions.startsAt));
  return {
    ...(await describe(db, cohort, locale)),
    access,
    joinCode: access === 'learner' ? null : cohort.joinCode,
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      closed: s.closedAt !== null,
      present: s.present,
    })),
  };
}

/** The cohorts the caller trains, is enrolled in, or (centre staff, operators) that meet at their centres. */
export async function myCohorts(db: Executor, actor: Actor, locale: Locale) {
  if (actor.kind !== 'user') throw unauthenticated();
  const centres = await staffCentresOf(db, actor);
  const enrolledIn = db
    .select({ id: academyEnrolments.cohortId })
    .from(academyEnrolments)
    .where(eq(academyEnrolments.userId, actor.userId));
  const rows = await db
    .select()
    .from(academyCohorts)
    .where(
      sql`${academyCohorts.trainerId} = ${actor.userId} or ${academyCohorts.id} in (${enrolledIn})${
        centres.length ? sql` or ${inArray(academyCohorts.centreId, centres)}` : sql``
      }`,
    )
    .orderBy(desc(academyCohorts.startsOn))
    .limit(200);
  const out = [];
  for (const c of rows) {
    const access: CohortAccess =
      c.trainerId === actor.userId ? 'trainer' : centres.includes(c.centreId) ? 'staff' : 'learner';
    out.push({ ...(await describe(db, c, locale)), access });
  }
  return { items: out, trainer: await isCertifiedTrainer(db, actor.userId) };
}

/**
 * The cohorts a centre runs that have not ended, for its page in the centre directory: public facts
 * only (no join code: the trainer gives it to the learners they take on).
 */
export async function centreCohorts(db: Executor, centreCode: string, locale: Locale) {
  const centre = await centreByCode(db, centreCode);
  const rows = await db
    .select()
    .from(academyCohorts)
    .where(and(eq(academyCohorts.centreId, centre.id), sql`${academyCohorts.endsOn} >= ${today()}`))
    .orderBy(asc(academyCohorts.startsOn))
    .limit(50);
  const items = [];
  for (const c of rows) items.push(await describe(db, c, locale));
  return { centre: centreView(centre, locale), items };
}

async function cohortByCode(db: Executor, code: string) {
  const [c] = await db.select().from(academyCohorts).where(eq(academyCohorts.joinCode, code.trim().toUpperCase()));
  if (!c) throw notFound('cohort');
  return c;
}

/** What a join code opens: the cohort's public facts, and whether the caller is already in. */
export async function cohortByJoinCode(db: Executor, actor: Actor, code: string, locale: Locale) {
  const c = await cohortByCode(db, code);
  let enrolled = false;
  if (actor.kind === 'user') {
    const [e] = await db
      .select({ u: academyEnrolments.userId })
      .from(academyEnrolments)
      .where(and(eq(academyEnrolments.cohortId, c.id), eq(academyEnrolments.userId, actor.userId)));
    enrolled = Boolean(e);
  }
  return { ...(await describe(db, c, locale)), alreadyEnrolled: enrolled };
}

/**
 * Enrols the caller. One transaction: the enrolment row (a repeat is a no-op) and the seat, taken by
 * `enrolled = enrolled + 1 where enrolled < capacity`; when that updates nothing the cohort is full
 * and the enrolment rolls back.
 */
export async function enrol(db: Db, actor: Actor, code: string, locale: Locale) {
  if (actor.kind !== 'user') throw unauthenticated();
  const c = await cohortByCode(db, code);
  if (c.endsOn < today()) throw new AppError(409, 'academy_cohort_ended');
  await db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(academyEnrolments)
      .values({ cohortId: c.id, userId: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!fresh) return;
    const seat = await tx
      .update(academyCohorts)
      .set({ enrolled: sql`${academyCohorts.enrolled} + 1` })
      .where(and(eq(academyCohorts.id, c.id), sql`${academyCohorts.enrolled} < ${academyCohorts.capacity}`))
      .returning({ id: academyCohorts.id });
    if (!seat.length) throw new AppError(409, 'academy_cohort_full', { capacity: c.capacity });
  });
  return cohortByJoinCode(db, actor, code, locale);
}

/** Whether the caller may read a learner's grades beyond the learner themselves: the trainer of a cohort they are in, or an academy operator. */
export async function readsGradesOf(db: Executor, actor: Actor, learnerId: string): Promise<boolean> {
  if (actor.kind !== 'user') return isAcademyOperator(db, actor);
  const [taught] = await db
    .select({ id: academyCohorts.id })
    .from(academyCohorts)
    .innerJoin(academyEnrolments, eq(academyEnrolments.cohortId, academyCohorts.id))
    .where(and(eq(academyCohorts.trainerId, actor.userId), eq(academyEnrolments.userId, learnerId)))
    .limit(1);
  return Boolean(taught) || isAcademyOperator(db, actor);
}
