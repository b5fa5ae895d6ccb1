// What a learner sees around the lessons: the catalogue with each course's progress, prerequisites
// (a course stays locked until the courses it needs are passed) and the quiz's state for them:
// attempts used and left, passed or not, and the credential earned.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n.ts';
import { COURSES, type Course, courseById, lessonsOf, pick } from './course.ts';
import { academyAttempts, academyCredentials, academyLessonProgress } from './schema.ts';

/** The courses a learner has passed (a credential not revoked), by course id → credential id. */
export async function passedCourses(db: Executor, userId: string | null): Promise<Map<string, string>> {
  if (!userId) return new Map();
  const rows = await db
    .select({ id: academyCredentials.id, courseId: academyCredentials.courseId })
    .from(academyCredentials)
    .where(and(eq(academyCredentials.userId, userId), isNull(academyCredentials.revokedAt)));
  return new Map(rows.map((r) => [r.courseId, r.id]));
}

const prerequisitesOf = (c: Course, passed: Map<string, string>, locale: Locale) =>
  c.prerequisites.map((id) => {
    const p = courseById(id);
    return { id, title: p ? pick(p.title, locale) : id, met: passed.has(id) };
  });

/** Refuses a lesson or an attempt of a course whose prerequisites the learner has not passed. */
export async function requirePrerequisites(db: Executor, userId: string, c: Course): Promise<void> {
  if (!c.prerequisites.length) return;
  const passed = await passedCourses(db, userId);
  const missing = c.prerequisites.filter((id) => !passed.has(id));
  if (missing.length)
    throw new AppError(409, 'academy_prerequisites_missing', {
      courses: missing.map((id) => courseById(id)?.title.th ?? id).join(', '),
    });
}

export async function catalogue(db: Executor, actor: Actor, locale: Locale) {
  const userId = actor.kind === 'user' ? actor.userId : null;
  const passed = await passedCourses(db, userId);
  const done = userId
    ? await db
        .select({ courseId: academyLessonProgress.courseId, lessonId: academyLessonProgress.lessonId })
        .from(academyLessonProgress)
        .where(eq(academyLessonProgress.userId, userId))
    : [];
  return {
    signedIn: userId !== null,
    items: COURSES.map((c) => {
      const lessons = lessonsOf(c);
      const prerequisites = prerequisitesOf(c, passed, locale);
      return {
        id: c.id,
        title: pick(c.title, locale),
        summary: pick(c.summary, locale),
        lessons: lessons.length,
        estimatedMinutes: lessons.reduce((s, l) => s + l.minutes, 0),
        done: done.filter((d) => d.courseId === c.id && lessons.some((l) => l.id === d.lessonId)).length,
        prerequisites,
        locked: prerequisites.some((p) => !p.met),
        credentialId: passed.get(c.id) ?? null,
      };
    }),
  };
}

/** The quiz as this learner stands with it: attempts used and left, the best score, the credential. */
export async function learnerStatus(db: Executor, actor: Actor, courseId: string, locale: Locale) {
  const c = courseById(courseId);
  if (!c) throw notFound('course');
  const userId = actor.kind === 'user' ? actor.userId : null;
  const passed = await passedCourses(db, userId);
  const attempts = userId
    ? await db
        .select({
          id: academyAttempts.id,
          attemptNo: academyAttempts.attemptNo,
          scorePercent: academyAttempts.scorePercent,
          passed: academyAttempts.passed,
          submittedAt: academyAttempts.submittedAt,
        })
        .from(academyAttempts)
        .where(and(eq(academyAttempts.userId, userId), eq(academyAttempts.quizId, c.quiz.id)))
        .orderBy(academyAttempts.attemptNo)
    : [];
  const prerequisites = prerequisitesOf(c, passed, locale);
  return {
    courseId: c.id,
    signedIn: userId !== null,
    prerequisites,
    locked: prerequisites.some((p) => !p.met),
    passPercent: c.quiz.passPercent,
    maxAttempts: c.quiz.maxAttempts,
    attemptsUsed: attempts.length,
    attemptsLeft: Math.max(0, c.quiz.maxAttempts - attempts.length),
    passed: attempts.some((a) => a.passed),
    credentialId: passed.get(c.id) ?? null,
    attempts: attempts.map((a) => ({
      id: a.id,
      attemptNo: a.attemptNo,
      scorePercent: a.scorePercent,
      passed: a.passed,
      submittedAt: a.submittedAt?.toISOString() ?? null,
    })),
  };
}
