// A course to take away: the package a learner downloads before going where the internet is poor
// (the course in their language, the pictures and files it links, and the questions drawn for a
// pre-started quiz attempt, never their answers), its size told before download, and the sync of
// answers given offline: idempotent by the attempt (and its clientAttemptId), graded here, with a
// conflict named when the server already holds another result.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import { sellerIdsOf } from '../sellers/index.ts';
import { courseById, lessonsOf } from './course.ts';
import { assetBytes, assetUrl } from './lesson-assets.ts';
import { learnerStatus, requirePrerequisites } from './learning.ts';
import { academyAttempts, academyShopLinks } from './schema.ts';
import { courseView, learnerOf, startAttempt, submitAttempt } from './service.ts';

/** The page and API addresses a package's copy keeps, in the learner's language. */
export function packagePages(courseId: string, locale: Locale): string[] {
  const c = courseById(courseId);
  if (!c) return [];
  const at = (p: string) => (locale === 'th' ? p : `/${locale}${p}`);
  const base = `/academy/courses/${c.id}`;
  return [
    at('/academy'),
    at(base),
    ...lessonsOf(c).map((l) => at(`${base}/lessons/${l.id}`)),
    at(`${base}/quiz`),
    `/api/academy/courses/${c.id}`,
    `/api/academy/courses/${c.id}/status`,
    '/api/academy/catalogue',
  ];
}

function assetsOf(courseId: string): string[] {
  const c = courseById(courseId);
  if (!c) return [];
  return [
    ...new Set(
      lessonsOf(c).flatMap((l) => [...(l.images ?? []).map((i) => i.src), ...(l.files ?? []).map((f) => f.href)]),
    ),
  ].map(assetUrl);
}

/** Roughly what the pages weigh once rendered (measured: a lesson page is 9-14 kB of HTML). */
const PAGE_BYTES = 14_000;

/** What downloading the course costs: its content, its pictures and files, and the pages' copies. */
export async function packageSize(db: Db, actor: Actor, courseId: string, locale: Locale) {
  const view = await courseView(db, actor, courseId, locale);
  const assets = assetsOf(courseId);
  const contentBytes = Buffer.byteLength(JSON.stringify(view));
  const assetsTotal = (await Promise.all(assets.map(assetBytes))).reduce((s, n) => s + n, 0);
  const pages = packagePages(courseId, locale).filter((p) => !p.startsWith('/api/'));
  const pagesBytes = pages.length * PAGE_BYTES;
  return {
    courseId,
    bytes: contentBytes + assetsTotal + pagesBytes,
    contentBytes,
    assetsBytes: assetsTotal,
    pagesBytes,
    lessons: lessonsOf(courseById(courseId)!).length,
  };
}

/**
 * The package: the course, the addresses to keep, and a quiz attempt started now (or the same one
 * again for the same clientAttemptId) whose drawn questions travel without answers. When no attempt
 * can be started (passed, none left) the package says why and carries the lessons alone.
 */
export async function coursePackage(db: Db, actor: Actor, courseId: string, clientAttemptId: string, locale: Locale) {
  const userId = learnerOf(actor);
  const c = courseById(courseId);
  if (!c) throw notFound('course');
  await requirePrerequisites(db, userId, c);
  const course = await courseView(db, actor, courseId, locale);
  let attempt: Awaited<ReturnType<typeof startAttempt>> | null = null;
  let quizUnavailable: { code: string; detail: string } | null = null;
  try {
    attempt = await startAttempt(db, actor, courseId, { clientAttemptId }, locale);
    if (attempt.submitted) {
      quizUnavailable = { code: 'academy_attempt_submitted', detail: translate('academy_attempt_submitted', locale) };
      attempt = null;
    }
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 409) throw err;
    quizUnavailable = { code: err.code, detail: translate(err.code, locale, err.params) };
  }
  const size = await packageSize(db, actor, courseId, locale);
  return {
    courseId: c.id,
    locale,
    builtAt: new Date().toISOString(),
    bytes: size.bytes,
    course,
    status: await learnerStatus(db, actor, courseId, locale),
    attempt: attempt ? { ...attempt, clientAttemptId } : null,
    quizUnavailable,
    pages: packagePages(c.id, locale),
    assets: assetsOf(c.id),
  };
}

const sameAnswers = (a: Record<string, unknown> | null, b: Record<string, unknown>) => {
  const norm = (x: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(x)
        .sort()
        .map((k) => [k, Array.isArray(x[k]) ? [...(x[k] as string[])].sort() : x[k]]),
    );
  return a !== null && norm(a) === norm(b);
};

/**
 * Sends answers kept offline. Graded once on the server: a resent sync gets the same result and no
 * second submission. When the attempt was already submitted with other answers (another device),
 * or the quiz was passed by another attempt meanwhile, the server's result stands and the conflict is
 * named so the learner sees what happened.
 */
export async function syncAttempt(
  db: Db,
  actor: Actor,
  attemptId: string,
  input: { answers: Record<string, unknown>; clientAttemptId?: string | null },
  locale: Locale,
) {
  const userId = learnerOf(actor);
  const [a] = await db
    .select()
    .from(academyAttempts)
    .where(and(eq(academyAttempts.id, attemptId), eq(academyAttempts.userId, userId)));
  if (!a) throw notFound('attempt');
  if (input.clientAttemptId && a.clientAttemptId && a.clientAttemptId !== input.clientAttemptId)
    throw notFound('attempt');
  let conflict: 'submitted_elsewhere' | 'already_passed' | null = null;
  if (a.submittedAt && !sameAnswers(a.answers, input.answers)) conflict = 'submitted_elsewhere';
  if (!a.submittedAt) {
    const [passedOther] = await db
      .select({ id: academyAttempts.id })
      .from(academyAttempts)
      .where(
        and(eq(academyAttempts.userId, userId), eq(academyAttempts.quizId, a.quizId), eq(academyAttempts.passed, true)),
      )
      .limit(1);
    if (passedOther) conflict = 'already_passed';
  }
  const result = await submitAttempt(db, actor, attemptId, input.answers, locale);
  if (result.passed) await linkLearnerShops(db, actor);
  return {
    ...result,
    conflict,
    conflictDetail: conflict ? translate(`academy_conflict_${conflict}`, locale) : null,
  };
}

/** Remembers which shops a learner acts for, so completions count under the shop's province. */
export async function linkLearnerShops(db: Db, actor: Actor): Promise<void> {
  if (actor.kind !== 'user') return;
  const ids = await sellerIdsOf(db, actor);
  if (!ids.length) return;
  await db
    .insert(academyShopLinks)
    .values(ids.map((sellerId) => ({ sellerId, userId: actor.userId })))
    .onConflictDoNothing();
}
