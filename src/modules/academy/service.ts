// The academy's rules: the course as a learner sees it (with their progress), lessons marked done,
// quiz attempts drawn at random from the bank by category and graded here on the server (the correct
// answers never leave it before submission), limited attempts, and the credential on passing.
import { randomInt } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { isOperator } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { getUser } from '../identity/index.ts';
import { type Course, courseById, lessonsOf, pick, type Question } from './course.ts';
import { issueCredential } from './credentials.ts';
import { requirePrerequisites } from './learning.ts';
import { readsGradesOf } from './cohorts.ts';
import { academyAttempts, academyLessonProgress } from './schema.ts';
import { lessonVideosOf } from './videos.ts';

export function learnerOf(actor: Actor): string {
  if (actor.kind !== 'user') throw unauthenticated();
  return actor.userId;
}

function courseOr404(id: string): Course {
  const c = courseById(id);
  if (!c) throw notFound('course');
  return c;
}

async function doneLessons(db: Executor, userId: string | null, courseId: string): Promise<Set<string>> {
  if (!userId) return new Set();
  const rows = await db
    .select({ id: academyLessonProgress.lessonId })
    .from(academyLessonProgress)
    .where(and(eq(academyLessonProgress.userId, userId), eq(academyLessonProgress.courseId, courseId)));
  return new Set(rows.map((r) => r.id));
}

/** The course in one language, with the caller's progress when signed in (no quiz answers). */
export async function courseView(db: Executor, actor: Actor, courseId: string, locale: Locale) {
  const c = courseOr404(courseId);
  const userId = actor.kind === 'user' ? actor.userId : null;
  const [done, videos] = await Promise.all([doneLessons(db, userId, c.id), lessonVideosOf(db, c.id)]);
  const lessons = lessonsOf(c);
  return {
    id: c.id,
    title: pick(c.title, locale),
    summary: pick(c.summary, locale),
    prerequisites: c.prerequisites,
    estimatedMinutes: lessons.reduce((s, l) => s + l.minutes, 0),
    progress: { done: lessons.filter((l) => done.has(l.id)).length, total: lessons.length },
    modules: c.modules.map((m) => ({
      id: m.id,
      title: pick(m.title, locale),
      lessons: m.lessons.map((l) => ({
        id: l.id,
        title: pick(l.title, locale),
        minutes: l.minutes,
        body: pick(l.body, locale),
        images: (l.images ?? []).map((i) => ({ src: i.src, alt: pick(i.alt, locale) })),
        videoUrl: l.videoUrl ?? null,
        /** An uploaded video, played in the page (byte ranges); shown instead of the link. */
        video: videos.get(l.id) ?? null,
        files: l.files ?? [],
        done: done.has(l.id),
      })),
    })),
    quiz: { id: c.quiz.id, passPercent: c.quiz.passPercent, maxAttempts: c.quiz.maxAttempts },
  };
}

export async function completeLesson(db: Executor, actor: Actor, courseId: string, lessonId: string) {
  const userId = learnerOf(actor);
  const c = courseOr404(courseId);
  if (!lessonsOf(c).some((l) => l.id === lessonId)) throw notFound('lesson');
  await requirePrerequisites(db, userId, c);
  await db.insert(academyLessonProgress).values({ userId, courseId, lessonId }).onConflictDoNothing();
  const done = await doneLessons(db, userId, courseId);
  return { done: done.size, total: lessonsOf(c).length };
}

/** A question as the browser gets it: text and options, never `correct` or `feedback`. */
const publicQuestion = (q: Question, locale: Locale) => ({
  id: q.id,
  kind: q.kind,
  text: pick(q.text, locale),
  options: (q.options ?? []).map((o) => ({ id: o.id, text: pick(o.text, locale) })),
});

function draw(c: Course): string[] {
  const ids: string[] = [];
  for (const [category, n] of Object.entries(c.quiz.draw)) {
    const pool = c.quiz.bank.filter((q) => q.category === category).map((q) => q.id);
    for (let i = pool.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
    }
    ids.push(...pool.slice(0, n));
  }
  return ids;
}

/**
 * Starts an attempt: questions drawn for it and kept on the server. The attempt number is taken
 * under a unique index, so two concurrent starts past the limit cannot both succeed. A repeated
 * `clientAttemptId` returns the same attempt (offline clients retry).
 */
export async function startAttempt(
  db: Db,
  actor: Actor,
  courseId: string,
  input: { clientAttemptId?: string | null },
  locale: Locale,
) {
  const userId = learnerOf(actor);
  const c = courseOr404(courseId);
  const clientAttemptId = input.clientAttemptId ?? null;
  await requirePrerequisites(db, userId, c);
  const view = (a: typeof academyAttempts.$inferSelect) => ({
    attemptId: a.id,
    attemptNo: a.attemptNo,
    attemptsLeft: c.quiz.maxAttempts - a.attemptNo,
    submitted: a.submittedAt !== null,
    questions: a.questionIds.map((id) => publicQuestion(c.quiz.bank.find((q) => q.id === id) as Question, locale)),
  });
  if (clientAttemptId) {
    const [same] = await db
      .select()
      .from(academyAttempts)
      .where(and(eq(academyAttempts.userId, userId), eq(academyAttempts.clientAttemptId, clientAttemptId)));
    if (same) return view(same);
  }
  for (let tries = 0; tries < 5; tries++) {
    const [{ n } = { n: 0 }] = await db
      .select({ n: count() })
      .from(academyAttempts)
      .where(and(eq(academyAttempts.userId, userId), eq(academyAttempts.quizId, c.quiz.id)));
    const passed = await db
      .select({ id: academyAttempts.id })
      .from(academyAttempts)
      .where(
        and(
          eq(academyAttempts.userId, userId),
          eq(academyAttempts.quizId, c.quiz.id),
          eq(academyAttempts.passed, true),
        ),
      )
      .limit(1);
    if (passed.length) throw new AppError(409, 'academy_quiz_already_passed');
    if (n >= c.quiz.maxAttempts) throw new AppError(409, 'academy_no_attempts_left', { max: c.quiz.maxAttempts });
    const row = {
      id: newId(),
      userId,
      courseId: c.id,
      quizId: c.quiz.id,
      attemptNo: n + 1,
      clientAttemptId,
      questionIds: draw(c),
    };
    const inserted = await db.insert(academyAttempts).values(row).onConflictDoNothing().returning();
    if (inserted[0]) return view(inserted[0]);
    if (clientAttemptId) {
      const [same] = await db
        .select()
        .from(academyAttempts)
        .where(and(eq(academyAttempts.userId, userId), eq(academyAttempts.clientAttemptId, clientAttemptId)));
      if (same) return view(same);
    }
  }
  throw new AppError(409, 'academy_no_attempts_left', { max: c.quiz.maxAttempts });
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export function gradeQuestion(q: Question, answer: unknown): boolean {
  if (q.kind === 'short') return typeof answer === 'string' && q.correct.includes(norm(answer));
  const given = (Array.isArray(answer) ? answer : [answer]).filter((x): x is string => typeof x === 'string');
  const a = [...new Set(given)].sort();
  const b = [...q.correct].sort();
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Grades an attempt once: the update is conditional on it not being submitted yet, so a resent
 * submission (double click, offline sync) gets the stored result instead of a second grading.
 */
export async function submitAttempt(
  db: Db,
  actor: Actor,
  attemptId: string,
  answers: Record<string, unknown>,
  locale: Locale,
) {
  const userId = learnerOf(actor);
  const [a] = await db
    .select()
    .from(academyAttempts)
    .where(and(eq(academyAttempts.id, attemptId), eq(academyAttempts.userId, userId)));
  if (!a) throw notFound('attempt');
  const c = courseOr404(a.courseId);
  const questions = a.questionIds.map((id) => c.quiz.bank.find((q) => q.id === id) as Question);
  for (const k of Object.keys(answers)) if (!a.questionIds.includes(k)) throw invalid(`answers.${k}`, 'unknown');
  let stored = a;
  if (!a.submittedAt) {
    const right = questions.filter((q) => gradeQuestion(q, answers[q.id])).length;
    const score = Math.round((right * 100) / questions.length);
    const updated = await db
      .update(academyAttempts)
      .set({ answers, scorePercent: score, passed: score >= c.quiz.passPercent, submittedAt: sql`now()` })
      .where(and(eq(academyAttempts.id, a.id), sql`${academyAttempts.submittedAt} is null`))
      .returning();
    if (updated[0]) stored = updated[0];
    else [stored] = (await db.select().from(academyAttempts).where(eq(academyAttempts.id, a.id))) as [typeof a];
  }
  const given = stored.answers ?? {};
  let credentialId: string | null = null;
  if (stored.passed) {
    const user = await getUser(db, userId);
    credentialId = (await issueCredential(db, { userId, courseId: c.id, learnerName: user?.displayName ?? '' })).id;
  }
  return {
    attemptId: stored.id,
    scorePercent: stored.scorePercent ?? 0,
    passed: Boolean(stored.passed),
    passPercent: c.quiz.passPercent,
    attemptsLeft: c.quiz.maxAttempts - stored.attemptNo,
    credentialId,
    results: questions.map((q) => ({
      questionId: q.id,
      correct: gradeQuestion(q, given[q.id]),
      feedback: pick(q.feedback, locale),
    })),
  };
}

/** A learner's grades: the learner themselves, the trainer of a cohort they are in, or an operator. */
export async function gradesOf(db: Executor, actor: Actor, userId: string) {
  if (actor.kind === 'guest') throw unauthenticated();
  const own = actor.kind === 'user' && actor.userId === userId;
  if (!own && !isOperator(actor) && !(await readsGradesOf(db, actor, userId))) throw notFound('learner');
  const rows = await db
    .select({
      attemptId: academyAttempts.id,
      courseId: academyAttempts.courseId,
      attemptNo: academyAttempts.attemptNo,
      scorePercent: academyAttempts.scorePercent,
      passed: academyAttempts.passed,
      submittedAt: academyAttempts.submittedAt,
    })
    .from(academyAttempts)
    .where(eq(academyAttempts.userId, userId))
    .orderBy(academyAttempts.startedAt);
  return rows.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null }));
}
