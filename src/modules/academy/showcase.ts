// The academy beside the shop: a seller's completed courses shown as badges on the shop page (only
// when a member of the shop turns it on), and the next lesson suggested from the shop's gaps, read
// through the catalog's public functions: no products on sale → opening a shop; titles without
// Chinese → writing in Thai and Chinese; Chinese titles in place → selling to China; lessons done
// → the quiz.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import { activeProductIdsOfShop, productFacts } from '../catalog/index.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { COURSES, courseById, DEMO_COURSE_ID, lessonsOf, pick } from './course.ts';
import { verifyPageUrl } from './credentials.ts';
import { passedCourses } from './learning.ts';
import { academyCredentials, academyLessonProgress, academyShopLinks } from './schema.ts';
import { learnerOf } from './service.ts';

/** The badges a shop shows: the completed courses of the members who opted in. */
export async function shopBadges(db: Executor, sellerId: string, locale: Locale) {
  const rows = await db
    .select({ id: academyCredentials.id, courseId: academyCredentials.courseId, issuedAt: academyCredentials.issuedAt })
    .from(academyCredentials)
    .innerJoin(academyShopLinks, eq(academyShopLinks.userId, academyCredentials.userId))
    .where(
      and(
        eq(academyShopLinks.sellerId, sellerId),
        eq(academyShopLinks.showBadges, true),
        isNull(academyCredentials.revokedAt),
      ),
    )
    .orderBy(academyCredentials.issuedAt);
  const seen = new Set<string>();
  return {
    items: rows
      .filter((r) => !seen.has(r.courseId) && seen.add(r.courseId))
      .map((r) => {
        const c = courseById(r.courseId);
        return {
          credentialId: r.id,
          courseId: r.courseId,
          title: c ? pick(c.title, locale) : r.courseId,
          issuedAt: r.issuedAt.toISOString(),
          verifyPath: new URL(verifyPageUrl(r.id)).pathname,
        };
      }),
  };
}

async function linkOf(db: Executor, sellerId: string, userId: string) {
  const [row] = await db
    .select()
    .from(academyShopLinks)
    .where(and(eq(academyShopLinks.sellerId, sellerId), eq(academyShopLinks.userId, userId)));
  return row;
}

export async function setShowBadges(db: Db, actor: Actor, sellerId: string, showBadges: boolean) {
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  const userId = learnerOf(actor);
  await db
    .insert(academyShopLinks)
    .values({ sellerId, userId, showBadges })
    .onConflictDoUpdate({
      target: [academyShopLinks.sellerId, academyShopLinks.userId],
      set: { showBadges, updatedAt: sql`now()` },
    });
  return { showBadges };
}

type Gap = 'no_products' | 'no_chinese_titles' | 'ready_for_china' | 'quiz_waiting' | 'all_done';

/** The seller centre's academy panel: the setting, the member's courses, and what to learn next. */
export async function sellerAcademy(db: Db, actor: Actor, sellerId: string, locale: Locale) {
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  const userId = learnerOf(actor);
  await db.insert(academyShopLinks).values({ sellerId, userId }).onConflictDoNothing();
  const link = await linkOf(db, sellerId, userId);
  const passed = await passedCourses(db, userId);
  const doneRows = await db
    .select({ lessonId: academyLessonProgress.lessonId })
    .from(academyLessonProgress)
    .where(eq(academyLessonProgress.userId, userId));
  const done = new Set(doneRows.map((r) => r.lessonId));

  const productIds = await activeProductIdsOfShop(db, sellerId);
  const facts = [...(await productFacts(db, productIds)).values()];
  const withoutChinese = facts.filter((p) => !p.title.zh?.trim()).length;

  const gaps: { gap: Gap; lessonId: string | null; count?: number }[] = [];
  if (!facts.length) gaps.push({ gap: 'no_products', lessonId: 'open-shop' });
  if (withoutChinese) gaps.push({ gap: 'no_chinese_titles', lessonId: 'writing-th-zh', count: withoutChinese });
  if (facts.length && !withoutChinese) gaps.push({ gap: 'ready_for_china', lessonId: 'selling-to-china' });
  const demo = courseById(DEMO_COURSE_ID)!;
  const lessons = lessonsOf(demo);
  if (!passed.has(demo.id) && lessons.every((l) => done.has(l.id))) gaps.push({ gap: 'quiz_waiting', lessonId: null });
  const open = gaps.filter((g) => !g.lessonId || !done.has(g.lessonId) || g.gap === 'no_chinese_titles');
  if (!open.length) {
    const next = lessons.find((l) => !done.has(l.id));
    if (next) open.push({ gap: 'ready_for_china', lessonId: next.id });
    else if (passed.has(demo.id)) open.push({ gap: 'all_done', lessonId: null });
    else open.push({ gap: 'quiz_waiting', lessonId: null });
  }
  const at = (p: string) => (locale === 'th' ? p : `/${locale}${p}`);
  return {
    sellerId,
    showBadges: link?.showBadges ?? false,
    products: facts.length,
    productsWithoutChinese: withoutChinese,
    completed: COURSES.filter((c) => passed.has(c.id)).map((c) => ({
      courseId: c.id,
      title: pick(c.title, locale),
      credentialId: passed.get(c.id) as string,
    })),
    suggestions: open.map((g) => {
      const lesson = g.lessonId ? lessons.find((l) => l.id === g.lessonId) : undefined;
      return {
        gap: g.gap,
        reason: translate(`academy_gap_${g.gap}`, locale, { count: g.count ?? 0 }),
        courseId: demo.id,
        lessonId: g.lessonId,
        title: lesson ? pick(lesson.title, locale) : pick(demo.title, locale),
        minutes: lesson?.minutes ?? null,
        done: lesson ? done.has(lesson.id) : passed.has(demo.id),
        href: at(lesson ? `/academy/courses/${demo.id}/lessons/${lesson.id}` : `/academy/courses/${demo.id}/quiz`),
      };
    }),
  };
}
