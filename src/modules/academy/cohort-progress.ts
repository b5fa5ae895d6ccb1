// The trainer's view of a cohort: each learner's lessons done (of the cohort's modules), quiz
// attempts, best score, pass and sessions attended, with the cohort's totals — one aggregate query
// over indexed lookups (enrolments by cohort, progress by learner, attempts by learner and quiz,
// attendance by cohort and learner), a page at a time; names for the page in one more query.
// Grades are the trainer's and operators' only; the roster (without grades) is also the centre staff's.
import { count, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { type Executor, queryRows } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { usersByIds } from '../identity/index.ts';
import { academyEnrolments } from './cohort-schema.ts';
import { type CohortRow, cohortAccess, cohortModules, cohortTeaching } from './cohorts.ts';

interface Row {
  user_id: string | null;
  enrolled_at: Date | string | null;
  lessons_done: number | null;
  attempts: number | null;
  best: number | null;
  passed: boolean | null;
  attended: number | null;
  enrolled: number;
  passed_total: number;
  attempted_total: number;
  average_best: number | null;
  completed_lessons_total: number;
  attendance_total: number;
  sessions: number;
}

async function aggregate(db: Executor, cohort: CohortRow, page: { limit: number; offset: number }) {
  const cohortId = cohort.id;
  const { course, lessons } = cohortModules(cohort);
  const lessonIds = `{${lessons.map((l) => `"${l.id}"`).join(',')}}`;
  return queryRows<Row>(
    db,
    sql`
      with stats as (
        select e.user_id, e.enrolled_at,
          (select count(*)::int from academy_lesson_progress p
            where p.user_id = e.user_id and p.course_id = ${course.id} and p.lesson_id = any(${lessonIds}::text[])) as lessons_done,
          q.attempts, q.best, q.passed,
          (select count(*)::int from academy_attendance t
            where t.cohort_id = e.cohort_id and t.user_id = e.user_id) as attended
        from academy_enrolments e
        left join lateral (
          select count(*) filter (where x.submitted_at is not null)::int as attempts,
                 max(x.score_percent)::int as best, coalesce(bool_or(x.passed), false) as passed
          from academy_attempts x where x.user_id = e.user_id and x.quiz_id = ${course.quiz.id}
        ) q on true
        where e.cohort_id = ${cohortId}
      ),
      totals as (
        select count(*)::int as enrolled,
          count(*) filter (where passed)::int as passed_total,
          count(*) filter (where attempts > 0)::int as attempted_total,
          round(avg(best))::int as average_best,
          coalesce(sum(lessons_done), 0)::int as completed_lessons_total,
          coalesce(sum(attended), 0)::int as attendance_total,
          (select count(*)::int from academy_sessions s where s.cohort_id = ${cohortId}) as sessions
        from stats
      )
      select p.*, totals.* from totals
      left join lateral (
        select * from stats order by enrolled_at, user_id limit ${page.limit} offset ${page.offset}
      ) p on true`,
  ).then((rows) => ({ rows, lessons: lessons.length }));
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : '');

/** Progress and grades of a cohort's learners, a page at a time: the trainer and operators only. */
export async function cohortProgress(
  db: Executor,
  actor: Actor,
  cohortId: string,
  page: { limit: number; offset: number },
) {
  const { cohort } = await cohortTeaching(db, actor, cohortId);
  const { rows, lessons } = await aggregate(db, cohort, page);
  const first = rows[0] as Row;
  const learners = rows.filter((r) => r.user_id);
  const names = await usersByIds(
    db,
    learners.map((r) => r.user_id as string),
  );
  return {
    summary: {
      enrolled: first.enrolled,
      lessons,
      passed: first.passed_total,
      attempted: first.attempted_total,
      averageBestPercent: first.average_best,
      completedLessons: first.completed_lessons_total,
      sessions: first.sessions,
      attendance: first.attendance_total,
    },
    total: first.enrolled,
    limit: page.limit,
    offset: page.offset,
    items: learners.map((r) => ({
      userId: r.user_id as string,
      displayName: names.get(r.user_id as string)?.displayName ?? '',
      enrolledAt: iso(r.enrolled_at),
      lessonsDone: r.lessons_done ?? 0,
      attempts: r.attempts ?? 0,
      bestPercent: r.best,
      passed: Boolean(r.passed),
      sessionsAttended: r.attended ?? 0,
    })),
  };
}

/** The roster: who is enrolled and how many sessions they came to (no grades), for the trainer, staff, operators. */
export async function cohortRoster(
  db: Executor,
  actor: Actor,
  cohortId: string,
  page: { limit: number; offset: number },
) {
  const { access } = await cohortAccess(db, actor, cohortId);
  if (access === 'learner') throw notFound('cohort');
  const rows = await queryRows<{ user_id: string; enrolled_at: Date | string; attended: number }>(
    db,
    sql`
      select e.user_id, e.enrolled_at,
        (select count(*)::int from academy_attendance t where t.cohort_id = e.cohort_id and t.user_id = e.user_id) as attended
      from academy_enrolments e where e.cohort_id = ${cohortId}
      order by e.enrolled_at, e.user_id limit ${page.limit} offset ${page.offset}`,
  );
  const names = await usersByIds(
    db,
    rows.map((r) => r.user_id),
  );
  return {
    total:
      (await db.select({ n: count() }).from(academyEnrolments).where(eq(academyEnrolments.cohortId, cohortId)))[0]?.n ??
      0,
    limit: page.limit,
    offset: page.offset,
    items: rows.map((r) => ({
      userId: r.user_id,
      displayName: names.get(r.user_id)?.displayName ?? '',
      enrolledAt: iso(r.enrolled_at),
      sessionsAttended: r.attended,
    })),
  };
}
