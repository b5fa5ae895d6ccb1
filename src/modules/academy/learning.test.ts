// Learning around the lessons: the catalogue with progress, prerequisites that lock a course, the
// offline package (its size first, a pre-started attempt without answers), the sync of offline
// answers (graded once, conflicts named), the installable app, the lessons' files, the shop's badges
// (opt-in) with the seller centre's next lesson, and completions per province for insights.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { categoryIdBySlug, productOnSale, seedCategories } from '../catalog/testing.ts';
import { signUp } from '../identity/testing.ts';
import { addStaff, approvedSeller } from '../sellers/testing.ts';
import { queryRows } from '../../platform/db.ts';
import { DEMO_COURSE_ID, demoCourse } from './course.ts';
import { requirePrerequisites } from './learning.ts';
import { correctAnswers } from './testing.ts';

const t = useTestApp();
let rice: string;
beforeAll(async () => {
  await seedCategories(t.database.db);
  rice = await categoryIdBySlug(t.database.db, 'jasmine-rice');
});

const correct = correctAnswers;
const wrong = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'zzz']));

async function download(cookie: string, clientAttemptId = `pkg-${Math.random().toString(36).slice(2)}`) {
  return t.app.inject({
    method: 'POST',
    url: `/api/academy/courses/${DEMO_COURSE_ID}/package`,
    headers: { cookie },
    payload: { clientAttemptId },
  });
}
const sync = (cookie: string, attemptId: string, answers: Record<string, unknown>, key: string, lang = 'th') =>
  t.app.inject({
    method: 'POST',
    url: `/api/academy/attempts/${attemptId}/sync`,
    headers: { cookie, 'idempotency-key': key, 'accept-language': lang },
    payload: { answers, clientAttemptId: key },
  });

describe('catalogue and prerequisites', () => {
  it('lists the courses with minutes and the learner’s progress; a guest sees them without', async () => {
    const guest = (await t.app.inject({ url: '/api/academy/catalogue' })).json();
    expect(guest.signedIn).toBe(false);
    expect(guest.items[0]).toMatchObject({ id: DEMO_COURSE_ID, lessons: 5, estimatedMinutes: 110, done: 0 });
    const learner = await signUp(t.app);
    await t.app.inject({
      method: 'POST',
      url: `/api/academy/courses/${DEMO_COURSE_ID}/lessons/open-shop/complete`,
      headers: { cookie: learner.cookie },
    });
    const mine = (
      await t.app.inject({
        url: '/api/academy/catalogue',
        headers: { cookie: learner.cookie, 'accept-language': 'en' },
      })
    ).json();
    expect(mine.items[0]).toMatchObject({ title: 'SMEs 4.0: selling online', done: 1, locked: false });
    const status = (
      await t.app.inject({ url: `/api/academy/courses/${DEMO_COURSE_ID}/status`, headers: { cookie: learner.cookie } })
    ).json();
    expect(status).toMatchObject({ attemptsUsed: 0, attemptsLeft: 3, passed: false, credentialId: null });
  });

  it('keeps a course that needs another locked until that one is passed', async () => {
    const learner = await signUp(t.app);
    const advanced = { ...demoCourse, id: 'advanced', prerequisites: [DEMO_COURSE_ID] };
    await expect(requirePrerequisites(t.database.db, learner.userId, advanced)).rejects.toMatchObject({
      status: 409,
      code: 'academy_prerequisites_missing',
    });
    const pkg = (await download(learner.cookie)).json();
    expect(
      (
        await sync(
          learner.cookie,
          pkg.attempt.attemptId,
          correct(pkg.attempt.questions.map((q: { id: string }) => q.id)),
          pkg.attempt.clientAttemptId,
        )
      ).json().passed,
    ).toBe(true);
    await expect(requirePrerequisites(t.database.db, learner.userId, advanced)).resolves.toBeUndefined();
  });
});

describe('offline package and sync', () => {
  it('tells the size first, then carries the lessons and a pre-started attempt without answers', async () => {
    const learner = await signUp(t.app);
    const size = (
      await t.app.inject({
        url: `/api/academy/courses/${DEMO_COURSE_ID}/package/size`,
        headers: { cookie: learner.cookie },
      })
    ).json();
    expect(size.bytes).toBeGreaterThan(size.assetsBytes);
    expect(size.assetsBytes).toBeGreaterThan(1000);
    const res = await download(learner.cookie, 'device-1-attempt');
    expect(res.statusCode).toBe(200);
    const pkg = res.json();
    expect(pkg.course.modules).toHaveLength(3);
    expect(pkg.attempt.questions).toHaveLength(6);
    expect(pkg.pages).toContain(`/academy/courses/${DEMO_COURSE_ID}/lessons/selling-to-china`);
    expect(pkg.assets).toContain('/api/academy/files/cbec-rules-summary.pdf');
    for (const q of demoCourse.quiz.bank) {
      expect(res.body).not.toContain(q.feedback.th);
      expect(res.body).not.toContain('"correct"');
    }
    // Downloading again on the same device gives the same attempt, not a second one.
    const again = (await download(learner.cookie, 'device-1-attempt')).json();
    expect(again.attempt.attemptId).toBe(pkg.attempt.attemptId);
    expect(again.status.attemptsUsed).toBe(1);
  });

  it('grades a sync once; a resend gets the stored result; other answers for it are a named conflict', async () => {
    const learner = await signUp(t.app);
    const pkg = (await download(learner.cookie)).json();
    const ids = pkg.attempt.questions.map((q: { id: string }) => q.id);
    const key = pkg.attempt.clientAttemptId;
    const [a, b] = await Promise.all([
      sync(learner.cookie, pkg.attempt.attemptId, wrong(ids), key),
      sync(learner.cookie, pkg.attempt.attemptId, wrong(ids), key),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json()).toMatchObject({ scorePercent: 0, passed: false, attemptsLeft: 2, conflict: null });
    expect(b.json().scorePercent).toBe(0);
    // Another device sends right answers for the same attempt: the server's result stands.
    const other = await sync(learner.cookie, pkg.attempt.attemptId, correct(ids), key, 'zh');
    expect(other.json()).toMatchObject({ scorePercent: 0, passed: false, conflict: 'submitted_elsewhere' });
    expect(other.json().conflictDetail).toContain('另一台设备');
    const grades = (await t.app.inject({ url: '/api/academy/me/grades', headers: { cookie: learner.cookie } })).json();
    expect(grades.items).toHaveLength(1);
    // A wrong client id for the attempt is not this device's attempt.
    expect((await sync(learner.cookie, pkg.attempt.attemptId, wrong(ids), 'another-key')).statusCode).toBe(404);
    // Someone else's attempt is not found.
    const stranger = await signUp(t.app);
    expect((await sync(stranger.cookie, pkg.attempt.attemptId, wrong(ids), key)).statusCode).toBe(404);
  });

  it('names a quiz passed meanwhile by another attempt, and a package with no attempt left says why', async () => {
    const learner = await signUp(t.app);
    const offline = (await download(learner.cookie, 'tablet-attempt')).json();
    const online = (await download(learner.cookie, 'phone-attempt')).json();
    const ids = (p: { attempt: { questions: { id: string }[] } }) => p.attempt.questions.map((q) => q.id);
    expect(
      (await sync(learner.cookie, online.attempt.attemptId, correct(ids(online)), 'phone-attempt')).json().passed,
    ).toBe(true);
    const late = (
      await sync(learner.cookie, offline.attempt.attemptId, wrong(ids(offline)), 'tablet-attempt', 'en')
    ).json();
    expect(late).toMatchObject({ conflict: 'already_passed', passed: false });
    const after = (await download(learner.cookie, 'laptop-attempt')).json();
    expect(after.attempt).toBeNull();
    expect(after.quizUnavailable.code).toBe('academy_quiz_already_passed');
  });

  it('serves the installable app: a manifest per language and a service worker allowed for the academy', async () => {
    const zh = await t.app.inject({ url: '/api/academy/manifest.webmanifest?lang=zh' });
    expect(zh.headers['content-type']).toContain('application/manifest+json');
    expect(zh.json()).toMatchObject({
      name: 'Talad 学院',
      scope: '/zh/academy/',
      start_url: '/zh/academy/',
      display: 'standalone',
    });
    const sw = await t.app.inject({ url: '/api/academy/sw.js' });
    expect(sw.headers['content-type']).toContain('javascript');
    expect(sw.headers['service-worker-allowed']).toBe('/');
    expect(sw.body).toContain("addEventListener('fetch'");
  });

  it('serves the lessons’ pictures and their files as PDFs', async () => {
    const img = await t.app.inject({ url: '/api/academy/img/light-setup.svg' });
    expect(img.headers['content-type']).toBe('image/svg+xml');
    const pdf = await t.app.inject({ url: '/api/academy/files/checklist-open-shop.pdf' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.app.inject({ url: '/api/academy/files/..%2Fsecret.pdf' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/academy/img/..%2F..%2Fschema.ts' })).statusCode).toBe(404);
  });
});

describe('linked to selling', () => {
  async function passAs(cookie: string) {
    const pkg = (await download(cookie)).json();
    const ids = pkg.attempt.questions.map((q: { id: string }) => q.id);
    return (await sync(cookie, pkg.attempt.attemptId, correct(ids), pkg.attempt.clientAttemptId)).json();
  }

  it('shows a seller’s completed courses on the shop only after a member turns it on', async () => {
    const shop = await approvedSeller(t.app);
    await passAs(shop.cookie);
    const badges = () => t.app.inject({ url: `/api/academy/shops/${shop.slug}/badges` }).then((r) => r.json().items);
    expect(await badges()).toEqual([]);
    const stranger = await signUp(t.app);
    const refused = await t.app.inject({
      method: 'PUT',
      url: `/api/sellers/${shop.sellerId}/academy/badges`,
      headers: { cookie: stranger.cookie },
      payload: { showBadges: true },
    });
    expect(refused.statusCode).toBe(403);
    const on = await t.app.inject({
      method: 'PUT',
      url: `/api/sellers/${shop.sellerId}/academy/badges`,
      headers: { cookie: shop.cookie },
      payload: { showBadges: true },
    });
    expect(on.json()).toEqual({ showBadges: true });
    const shown = await badges();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ courseId: DEMO_COURSE_ID, title: 'SMEs 4.0: ขายออนไลน์' });
    expect(shown[0].verifyPath).toBe(`/academy/verify/${shown[0].credentialId}`);
    // A staff member who has not opted in adds nothing; the owner turning it off hides it again.
    await addStaff(t.app, shop);
    await t.app.inject({
      method: 'PUT',
      url: `/api/sellers/${shop.sellerId}/academy/badges`,
      headers: { cookie: shop.cookie },
      payload: { showBadges: false },
    });
    expect(await badges()).toEqual([]);
  });

  it('suggests the next lesson from the shop’s gaps, read through the catalog', async () => {
    const shop = await approvedSeller(t.app);
    const panel = () =>
      t.app
        .inject({ url: `/api/sellers/${shop.sellerId}/academy`, headers: { cookie: shop.cookie } })
        .then((r) => r.json());
    const empty = await panel();
    expect(empty.showBadges).toBe(false);
    expect(empty.suggestions[0]).toMatchObject({ gap: 'no_products', lessonId: 'open-shop' });
    expect(empty.suggestions[0].reason).toContain('ยังไม่มีสินค้า');
    const title = { th: 'ข้าวหอมมะลิ', zh: null, en: 'Jasmine rice' };
    await productOnSale(t.app, shop, rice, { title });
    await productOnSale(t.app, shop, rice, { title });
    await productOnSale(t.app, shop, rice);
    const gaps = await panel();
    expect(gaps.productsWithoutChinese).toBe(2);
    expect(gaps.suggestions[0]).toMatchObject({
      gap: 'no_chinese_titles',
      lessonId: 'writing-th-zh',
      href: `/academy/courses/${DEMO_COURSE_ID}/lessons/writing-th-zh`,
    });
    expect(gaps.suggestions[0].reason).toContain('สินค้า 2 รายการยังไม่มีชื่อภาษาจีน');
    const other = await approvedSeller(t.app);
    const denied = await t.app.inject({
      url: `/api/sellers/${shop.sellerId}/academy`,
      headers: { cookie: other.cookie },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('publishes completions per course and province for insights', async () => {
    const shop = await approvedSeller(t.app);
    await passAs(shop.cookie);
    const learner = await signUp(t.app);
    await passAs(learner.cookie);
    const rows = await queryRows<{ course_id: string; province_code: string; completions: number }>(
      t.database.db,
      sql`select course_id, province_code, completions from academy_completions_by_province`,
    );
    const province = rows.filter((r) => r.province_code !== 'unknown');
    expect(province.reduce((s, r) => s + r.completions, 0)).toBeGreaterThanOrEqual(1);
    expect(rows.find((r) => r.province_code === 'unknown')?.completions).toBeGreaterThanOrEqual(1);
  });
});
