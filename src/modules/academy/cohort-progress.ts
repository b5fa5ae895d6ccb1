// The trainer's view of a cohort: each learner's lessons done (of the cohort's modules), quiz
// attempts, best score, pass and sessions attended, with the cohort's totals — one aggregate query
// over indexed lookups (enrolments by cohort, progress by learner, attempts by learner and quiz,
// attendance by cohort and learner), a page at a time; names for the page in one more query.
// Grades are the trainer's and operators' only; the roster (without grades) is also the centre staff's.
import { count, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { type Executor, queryRows } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { type Locale, translate } from '../../platform/i18n.ts';
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

async function aggregate(
  db: Executor,
  cohort: CohortRow,
  page: { limit: number; offset: number },
  only: string[] | null,
) {
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
        select * from stats ${only ? sql`where user_id = any(${`{${only.join(',')}}`}::uuid[])` : sql``}
        order by enrolled_at, user_id limit ${page.limit} offset ${page.offset}
      ) p on true`,
  ).then((rows) => ({ rows, lessons: lessons.length }));
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : '');

/**
 * The learners of a cohort whose name or email holds `search` (case-insensitive), by id: the cohort's
 * enrolments and their accounts in two indexed reads, matched here (identity keeps the names).
 */
async function matchingLearners(db: Executor, cohortId: string, search: string): Promise<string[]> {
  const ids = (
    await db
      .select({ id: academyEnrolments.userId })
      .from(academyEnrolments)
      .where(eq(academyEnrolments.cohortId, cohortId))
  ).map((r) => r.id);
  const needle = search.trim().toLocaleLowerCase();
  const users = await usersByIds(db, ids);
  return ids.filter((id) => {
    const u = users.get(id);
    return u && `${u.displayName}\n${u.email ?? ''}\n${u.phone ?? ''}`.toLocaleLowerCase().includes(needle);
  });
}

/**
 * Progress and grades of a cohort's learners, a page at a time (optionally those whose name, email or
 * phone holds `search`): the trainer and operators only. The summary is always the whole cohort's.
 */
export async function cohortProgress(
  db: Executor,
  actor: Actor,
  cohortId: string,
  page: { limit: number; offset: number; search?: string },
) {
  const { cohort } = await cohortTeaching(db, actor, cohortId);
  const only = page.search?.trim() ? await matchingLearners(db, cohortId, page.search) : null;
  const { rows, lessons } = await aggregate(db, cohort, page, only);
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
    total: only ? only.length : first.enrolled,
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

const csvCell = (v: string | number) => {
  const s = String(v);
  // Every cell quoted; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula.
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

/**
 * The whole cohort's progress as CSV (UTF-8 with a BOM, so Thai names open right in a spreadsheet),
 * read a thousand learners at a time; headers in the caller's language.
 */
export async function cohortProgressCsv(db: Executor, actor: Actor, cohortId: string, locale: Locale) {
  const { cohort } = await cohortTeaching(db, actor, cohortId);
  const header = [
    'academy_csv_name',
    'academy_csv_enrolled_at',
    'academy_csv_lessons_done',
    'academy_csv_attempts',
    'academy_csv_best_percent',
    'academy_csv_passed',
    'academy_csv_sessions_attended',
  ].map((k) => translate(k, locale));
  const lines = [header.map(csvCell).join(',')];
  const yes = translate('academy_csv_yes', locale);
  const no = translate('academy_csv_no', locale);
  for (let offset = 0; ; offset += 1000) {
    const { rows, lessons } = await aggregate(db, cohort, { limit: 1000, offset }, null);
    const page = rows.filter((r) => r.user_id);
    const names = await usersByIds(
      db,
      page.map((r) => r.user_id as string),
    );
    for (const r of page) {
      lines.push(
        [
          names.get(r.user_id as string)?.displayName ?? '',
          iso(r.enrolled_at),
          `${r.lessons_done ?? 0}/${lessons}`,
          r.attempts ?? 0,
          r.best ?? '',
          r.passed ? yes : no,
          r.attended ?? 0,
        ]
          .map(csvCell)
          .join(','),
      );
    }
    if (page.length < 1000) break;
  }
  return { filename: `cohort-${cohort.joinCode}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n` };
}
