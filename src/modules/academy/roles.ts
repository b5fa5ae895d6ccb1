// The academy's roles. Everyone signed in is a learner. A trainer is whoever holds an unrevoked
// credential of the train-the-trainer course (revoking it takes the role away). Centre staff work at
// one or more centres and see their cohorts' rosters and attendance, never grades. Academy operators
// (and platform operators) see everything, grades included, and grant the staff roles.
import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, isOperator } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { forbidden, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { getUser } from '../identity/index.ts';
import { centreByCode } from './centres.ts';
import { academyRoles } from './cohort-schema.ts';
import { academyCredentials } from './schema.ts';
import { TRAINER_COURSE_ID } from './trainer-course.ts';

export async function isCertifiedTrainer(db: Executor, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: academyCredentials.id })
    .from(academyCredentials)
    .where(
      and(
        eq(academyCredentials.userId, userId),
        eq(academyCredentials.courseId, TRAINER_COURSE_ID),
        isNull(academyCredentials.revokedAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

async function rolesRows(db: Executor, userId: string) {
  return db.select().from(academyRoles).where(eq(academyRoles.userId, userId));
}

export async function isAcademyOperator(db: Executor, actor: Actor): Promise<boolean> {
  if (isOperator(actor)) return true;
  if (actor.kind !== 'user') return false;
  return (await rolesRows(db, actor.userId)).some((r) => r.role === 'academy_operator');
}

/** The centres (ids) where the caller is centre staff. */
export async function staffCentresOf(db: Executor, actor: Actor): Promise<string[]> {
  if (actor.kind !== 'user') return [];
  return (await rolesRows(db, actor.userId))
    .filter((r) => r.role === 'centre_staff' && r.centreId)
    .map((r) => r.centreId as string);
}

export async function myAcademyRoles(db: Executor, actor: Actor) {
  if (actor.kind !== 'user') throw unauthenticated();
  const [trainer, operator, centres] = await Promise.all([
    isCertifiedTrainer(db, actor.userId),
    isAcademyOperator(db, actor),
    staffCentresOf(db, actor),
  ]);
  const roles = ['learner', ...(trainer ? ['trainer'] : []), ...(centres.length ? ['centre_staff'] : [])];
  if (operator) roles.push('academy_operator');
  return { roles, staffCentreIds: centres };
}

/** An operator makes someone centre staff at a centre, or an academy operator (idempotent). */
export async function grantAcademyRole(
  db: Executor,
  actor: Actor,
  input: { userId: string; role: 'centre_staff' | 'academy_operator'; centreCode?: string },
) {
  if (actor.kind === 'guest') throw unauthenticated();
  if (!(await isAcademyOperator(db, actor))) throw forbidden();
  if (!(await getUser(db, input.userId))) throw notFound('user');
  let centreId: string | null = null;
  if (input.role === 'centre_staff') {
    if (!input.centreCode) throw invalid('centreCode', 'required');
    centreId = (await centreByCode(db, input.centreCode)).id;
  }
  await db
    .insert(academyRoles)
    .values({
      id: newId(),
      userId: input.userId,
      role: input.role,
      centreId,
      grantedBy: actor.kind === 'user' ? actor.userId : null,
    })
    .onConflictDoNothing();
  return { userId: input.userId, role: input.role, centreCode: input.centreCode ?? null };
}
