// The learner's academy on a 360 px phone in Thai: the catalogue, a course, its lessons marked
// done, the quiz passed in the pages with feedback per question, and the credential's link; then
// the same course downloaded for offline use, the network cut, a lesson read and the quiz answered
// offline, the network back, the answers synced and the server's grade shown, and a second sync
// that makes no second submission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signUp } from '../../src/modules/identity/testing.ts';
import { correctAnswers } from '../../src/modules/academy/testing.ts';
import { approvedSeller } from '../../src/modules/sellers/testing.ts';
import { DEMO_COURSE_ID, demoCourse, lessonsOf } from '../../src/modules/academy/course.ts';
import { launchBrowser, PHONE, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
import { startMarketApp, type MarketApp } from './market-app.ts';

let m: MarketApp;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  m = await startMarketApp();
});
afterAll(async () => {
  await browser?.close();
  await m?.close();
});

async function learnerContext(name: string): Promise<{ context: BrowserContext; page: Page; cookie: string }> {
  const learner = await signUp(m.app, { displayName: name });
  const context = await browser.newContext({ viewport: PHONE, locale: 'th-TH', isMobile: true, hasTouch: true });
  await context.addCookies([{ name: 'talad_session', value: learner.cookie.split('=')[1] as string, url: m.baseUrl }]);
  return { context, page: await context.newPage(), cookie: learner.cookie };
}

/** Answers every question on the page from the bank (right answers, so the quiz is passed). */
async function answerQuestions(page: Page): Promise<number> {
  const ids = await page
    .locator('[data-question]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-question')));
  for (const id of ids) {
    const q = demoCourse.quiz.bank.find((b) => b.id === id);
    if (!q) throw new Error(`question ${id} not in the bank`);
    const box = page.locator(`[data-question="${id}"]`);
    if (q.kind === 'short') await box.getByRole('textbox').fill(q.correct[0] as string);
    else for (const c of q.correct) await box.locator(`input[value="${c}"]`).check();
  }
  return ids.length;
}

const submittedAttempts = async (cookie: string) =>
  (await m.app.inject({ method: 'GET', url: '/api/academy/me/grades', headers: { cookie } }))
    .json()
    .items.filter((g: { submittedAt: string | null }) => g.submittedAt !== null);

describe('the learner’s academy in the browser', () => {
  it('a learner opens the course, reads the lessons, passes the quiz in the pages and sees the credential link', async () => {
    const { context, page } = await learnerContext('มาลี ขายดี');
    await page.goto(`${m.baseUrl}/academy`);
    await hydrated(page);
    await expect(page.locator('h1').textContent()).resolves.toContain('สถาบันตลาด');
    await expectNoSideways(page, 'academy catalogue');
    await expectAccessible(page, 'academy catalogue');
    await page.getByRole('link', { name: 'SMEs 4.0: ขายออนไลน์' }).click();
    await page.waitForURL(`**/academy/courses/${DEMO_COURSE_ID}`);
    await expect(page.locator('body').textContent()).resolves.toContain('เรียนแล้ว 0/5 บท');
    await expect(page.locator('body').textContent()).resolves.toContain('ประมาณ 110 นาที');
    await expectNoSideways(page, 'academy course');
    await expectAccessible(page, 'academy course');

    const lessons = lessonsOf(demoCourse);
    await page.getByRole('link', { name: lessons[0]!.title.th }).click();
    for (const [i, lesson] of lessons.entries()) {
      await page.waitForURL(`**/lessons/${lesson.id}`);
      await expect(page.locator('h1').textContent()).resolves.toBe(lesson.title.th);
      await expect(page.locator('article').textContent()).resolves.toContain(lesson.body.th.slice(0, 30));
      if (i === 0) {
        await expect(page.getByRole('link', { name: 'checklist-open-shop.pdf' }).getAttribute('href')).resolves.toBe(
          '/api/academy/files/checklist-open-shop.pdf',
        );
        await expectNoSideways(page, 'academy lesson');
        await expectAccessible(page, 'academy lesson');
      }
      if (lesson.images?.length) {
        const loaded = await page
          .locator('article img')
          .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0);
        expect(loaded).toBe(true);
      }
      await page.getByRole('button', { name: 'ทำเครื่องหมายว่าเรียนแล้ว' }).click();
      await page.getByRole('status').filter({ hasText: 'เรียนแล้ว' }).waitFor();
      await page
        .getByRole('link', { name: i + 1 < lessons.length ? /บทถัดไป/ : 'แบบทดสอบ' })
        .first()
        .click();
    }
    await page.waitForURL('**/quiz');
    await hydrated(page);
    await expect(page.locator('body').textContent()).resolves.toContain('ผ่านที่ 60% ทำได้ 3 ครั้ง');
    await page.getByRole('button', { name: 'เริ่มทำแบบทดสอบ' }).click();
    await page.locator('[data-question]').first().waitFor();
    const kinds = await page
      .locator('[data-question]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds.length).toBe(6);
    expect(new Set(kinds).size).toBeGreaterThanOrEqual(2);
    // The page never held the answers: nothing of a question's feedback is in the page before submission.
    const before = await page.content();
    for (const q of demoCourse.quiz.bank) expect(before).not.toContain(q.feedback.th);
    await answerQuestions(page);
    await expectNoSideways(page, 'academy quiz');
    await expectAccessible(page, 'academy quiz');
    await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await page.locator('[data-result="passed"]').waitFor();
    await expect(page.locator('[data-score]').textContent()).resolves.toContain('ได้ 100% (ผ่านที่ 60%)');
    await expect(page.locator('.academy-result[data-correct="true"]').count()).resolves.toBe(6);
    await expect(page.locator('[data-result]').textContent()).resolves.toContain('เหลือ 2 ครั้ง');
    await screenshot(page, 'academy-quiz-passed-th-360');
    const pdf = page.getByRole('link', { name: 'ดาวน์โหลดประกาศนียบัตร (PDF)' });
    const pdfRes = await page.request.get(`${m.baseUrl}${await pdf.getAttribute('href')}`);
    expect(pdfRes.headers()['content-type']).toBe('application/pdf');
    await page.getByRole('link', { name: 'ดูประกาศนียบัตรดิจิทัล (ตรวจสอบได้)' }).click();
    await page.waitForURL('**/academy/verify/**');
    await expect(page.getByRole('status').textContent()).resolves.toContain('ใช้ได้');
    await expect(page.locator('body').textContent()).resolves.toContain('มาลี ขายดี');
    await context.close();
  });

  it('a learner downloads the course, reads and answers the quiz offline, and the sync is graded once', async () => {
    const { context, page, cookie } = await learnerContext('สมชาย ออฟไลน์');
    await page.goto(`${m.baseUrl}/academy/courses/${DEMO_COURSE_ID}`);
    await hydrated(page);
    await expect(page.locator('link[rel="manifest"]').getAttribute('href')).resolves.toContain('manifest.webmanifest');
    const download = page.getByRole('button', { name: /^ดาวน์โหลด \(\d[\d,]* kB\)$/ });
    await download.waitFor();
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await download.click();
    await page.locator('[data-offline-ready="true"]').waitFor({ timeout: 30_000 });
    await expect(page.locator('[data-offline-ready]').textContent()).resolves.toMatch(/ดาวน์โหลดแล้ว \d[\d,]* kB/);
    await page.reload();
    await hydrated(page);
    expect(await page.evaluate('Boolean(navigator.serviceWorker.controller)')).toBe(true);

    await context.setOffline(true);
    const lesson = lessonsOf(demoCourse)[4]!;
    await page.getByRole('link', { name: lesson.title.th }).click();
    await page.waitForURL(`**/lessons/${lesson.id}`);
    await expect(page.locator('article').textContent()).resolves.toContain('5,000 หยวนต่อครั้ง');
    await page.getByRole('button', { name: 'ทำเครื่องหมายว่าเรียนแล้ว' }).click();
    await page.getByRole('status').filter({ hasText: 'บันทึกไว้ในเครื่องแล้ว' }).waitFor();
    // A page opened from the address bar offline comes from the kept copy too.
    await page.goto(`${m.baseUrl}/academy/courses/${DEMO_COURSE_ID}/quiz`);
    await hydrated(page);
    await page.getByText('ตอนนี้ออฟไลน์อยู่').waitFor();
    await page.getByText(/การสอบครั้งที่ 1 ที่ดาวน์โหลดไว้/).waitFor();
    expect(await answerQuestions(page)).toBe(6);
    await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await page.locator('[data-queued="true"]').waitFor();
    expect(await submittedAttempts(cookie)).toHaveLength(0);

    await context.setOffline(false);
    await page.locator('[data-result="passed"]').waitFor({ timeout: 30_000 });
    await expect(page.locator('[data-score]').textContent()).resolves.toContain('ได้ 100%');
    await expect(page.locator('body').textContent()).resolves.toContain('ส่งแล้ว ผลตรวจจากเซิร์ฟเวอร์');
    await screenshot(page, 'academy-offline-synced-th-360');
    const first = await submittedAttempts(cookie);
    expect(first).toHaveLength(1);
    // The lesson marked done offline went with the sync.
    const progress = (await m.app.inject({ url: `/api/academy/courses/${DEMO_COURSE_ID}`, headers: { cookie } })).json()
      .progress;
    expect(progress).toEqual({ done: 1, total: 5 });

    // The same sync again (a retry after a lost answer): the stored result, no second submission.
    const again = (await page.evaluate(`(async () => {
      const pkg = JSON.parse(localStorage.getItem('talad.academy.package.${DEMO_COURSE_ID}'));
      const res = await fetch('/api/academy/attempts/' + pkg.attempt.attemptId + '/sync', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': pkg.attempt.clientAttemptId },
        body: JSON.stringify({ answers: {}, clientAttemptId: pkg.attempt.clientAttemptId }),
      });
      return res.json();
    })()`)) as { scorePercent: number; conflict: string | null };
    expect(again.scorePercent).toBe(100);
    expect(again.conflict).toBe('submitted_elsewhere');
    const after = await submittedAttempts(cookie);
    expect(after).toHaveLength(1);
    expect(after[0].attemptId).toBe(first[0].attemptId);
    await context.close();
  });

  it('shows the course pages in Chinese and English at 360 px', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    for (const [lang, title, lesson] of [
      ['zh', 'SMEs 4.0：网上销售', '在 Talad 开店'],
      ['en', 'SMEs 4.0: selling online', 'Opening a shop on Talad'],
    ] as const) {
      await page.goto(`${m.baseUrl}/${lang}/academy`);
      await hydrated(page);
      await page.getByRole('link', { name: title }).click();
      await page.waitForURL(`**/${lang}/academy/courses/${DEMO_COURSE_ID}`);
      await expect(page.locator('body').textContent()).resolves.toContain(lesson);
      await expectNoSideways(page, `academy course ${lang}`);
      await page.getByRole('link', { name: lesson }).click();
      await page.waitForURL('**/lessons/open-shop');
      await expectNoSideways(page, `academy lesson ${lang}`);
    }
    await context.close();
  });

  it('a seller turns on the badges in the seller centre, sees the next lesson, and the shop shows the course', async () => {
    const shop = await approvedSeller(m.app);
    const pkg = (
      await m.app.inject({
        method: 'POST',
        url: `/api/academy/courses/${DEMO_COURSE_ID}/package`,
        headers: { cookie: shop.cookie },
        payload: { clientAttemptId: 'seller-passes-once' },
      })
    ).json();
    const answers = correctAnswers(pkg.attempt.questions.map((q: { id: string }) => q.id));
    await m.app.inject({
      method: 'POST',
      url: `/api/academy/attempts/${pkg.attempt.attemptId}/sync`,
      headers: { cookie: shop.cookie },
      payload: { answers, clientAttemptId: 'seller-passes-once' },
    });
    const context = await browser.newContext({ viewport: PHONE, locale: 'th-TH', isMobile: true, hasTouch: true });
    await context.addCookies([{ name: 'talad_session', value: shop.cookie.split('=')[1] as string, url: m.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${m.baseUrl}/shop/${shop.slug}`);
    await hydrated(page);
    await expect(page.locator('[data-badge]').count()).resolves.toBe(0);
    await page.goto(`${m.baseUrl}/seller`);
    await hydrated(page);
    await page.getByRole('link', { name: 'สถาบันตลาดสำหรับร้าน' }).click();
    await page.waitForURL(`**/seller/${shop.sellerId}/academy`);
    await expect(page.locator('[data-gap="no_products"]').textContent()).resolves.toContain('เปิดร้านบนตลาด');
    await expectNoSideways(page, 'seller academy');
    await expectAccessible(page, 'seller academy');
    await page.getByLabel('แสดงหลักสูตรที่ฉันผ่านแล้วเป็นเหรียญตราบนหน้าร้าน').check();
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.getByRole('status').filter({ hasText: 'บันทึกแล้ว' }).waitFor();
    await page.goto(`${m.baseUrl}/shop/${shop.slug}`);
    await hydrated(page);
    const badge = page.locator(`[data-badge="${DEMO_COURSE_ID}"] a`);
    await expect(badge.textContent()).resolves.toContain('SMEs 4.0: ขายออนไลน์');
    await expectNoSideways(page, 'shop with badges');
    await badge.click();
    await page.waitForURL('**/academy/verify/**');
    await expect(page.getByRole('status').textContent()).resolves.toContain('ใช้ได้');
    await context.close();
  });
});
