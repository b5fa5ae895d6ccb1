// A cohort in the browser, in Thai: a certified trainer opens a cohort at a community digital
// centre in the pages, a learner enrols with the join link and, on a 360 px phone, checks in by
// typing the six digits on the trainer's screen (a wrong code is refused in Thai); another learner
// checks in through the QR code's link; the trainer's screen shows both; the progress view finds a
// learner by name and downloads the whole cohort as CSV; the centre's staff see the cohort and its
// roster but not the grades.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signUp, type TestAccount } from '../../src/modules/identity/testing.ts';
import {
  certifiedTrainer,
  loadDemoCentres,
  openTestCohort,
  openTestSession,
} from '../../src/modules/academy/testing.ts';
import { demoCentreRecords } from '../../src/modules/academy/centres.ts';
import { grantAcademyRole } from '../../src/modules/academy/roles.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
import { startMarketApp, type MarketApp } from './market-app.ts';

let m: MarketApp;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  m = await startMarketApp();
  await loadDemoCentres(m.app);
});
afterAll(async () => {
  await browser?.close();
  await m?.close();
});

async function contextOf(account: TestAccount, viewport = PHONE): Promise<{ context: BrowserContext; page: Page }> {
  const phone = viewport === PHONE;
  const context = await browser.newContext({
    viewport,
    locale: 'th-TH',
    isMobile: phone,
    hasTouch: phone,
    acceptDownloads: true,
  });
  await context.addCookies([{ name: 'talad_session', value: account.cookie.split('=')[1] as string, url: m.baseUrl }]);
  return { context, page: await context.newPage() };
}

/** "2026-12-05T09:00" in Bangkok, `hours` from now: what a datetime-local field takes. */
const bangkokLocal = (hours: number) =>
  new Date(Date.now() + hours * 3_600_000 + 7 * 3_600_000).toISOString().slice(0, 16);
const bangkokDay = (days: number) =>
  new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
const text = (page: Page) =>
  page
    .locator('body')
    .textContent()
    .then((s) => s ?? '');

describe('a cohort at a community digital centre, in the browser', () => {
  it('a trainer opens a cohort and a session, learners check in by typed code and by QR link, and the trainer sees attendance, progress and the CSV', async () => {
    const centre = demoCentreRecords()[0];
    if (!centre) throw new Error('no demo centre');
    const trainer = await certifiedTrainer(m.app, 'ครูสมศรี วิทยากร');
    const t = await contextOf(trainer, DESKTOP);

    // The trainer opens a cohort at the centre, over the whole demo course.
    await t.page.goto(`${m.baseUrl}/academy/teach`);
    await hydrated(t.page);
    await expect(t.page.locator('h1').textContent()).resolves.toBe('รุ่นการอบรมและการเช็กชื่อ');
    await t.page.getByLabel('จังหวัด').selectOption(centre.provinceCode);
    await t.page.locator(`select[name="centreCode"] option[value="${centre.code}"]`).waitFor({ state: 'attached' });
    await t.page.getByLabel('ศูนย์ดิจิทัลชุมชน').selectOption(centre.code);
    // Bad input first: no name and an end before the start are named per field, in Thai.
    await t.page.getByLabel('วันเริ่ม').fill(bangkokDay(3));
    await t.page.getByLabel('วันสิ้นสุด').fill(bangkokDay(1));
    await t.page.getByRole('button', { name: 'เปิดรุ่นการอบรม' }).click();
    await t.page.locator('.field.has-error').first().waitFor();
    await t.page.getByLabel('ชื่อรุ่น').fill('รุ่นทดสอบ ขายออนไลน์');
    await t.page.getByLabel('วันเริ่ม').fill(bangkokDay(0));
    await t.page.getByLabel('วันสิ้นสุด').fill(bangkokDay(30));
    await t.page.getByRole('button', { name: 'เปิดรุ่นการอบรม' }).click();
    await t.page.waitForURL('**/academy/cohorts/*');
    await hydrated(t.page);
    await expect(t.page.locator('h1').textContent()).resolves.toBe('รุ่นทดสอบ ขายออนไลน์');
    await expect(text(t.page)).resolves.toContain('ลงทะเบียน 0/');
    const joinCode = (await t.page.locator('[data-join-code]').textContent()) ?? '';
    expect(joinCode).toMatch(/^[A-Z2-9]{8}$/);
    const cohortUrl = t.page.url();

    // Two learners enrol through the join link on their phones.
    const mali = await signUp(m.app, { displayName: 'มาลี ขายดี' });
    const somchai = await signUp(m.app, { displayName: 'สมชาย ใจงาม' });
    const l1 = await contextOf(mali);
    const l2 = await contextOf(somchai);
    for (const l of [l1, l2]) {
      await l.page.goto(`${m.baseUrl}/academy/join/${joinCode}`);
      await hydrated(l.page);
      await l.page.getByRole('button', { name: 'ลงทะเบียน' }).click();
      await l.page.getByRole('status').filter({ hasText: 'คุณลงทะเบียนในรุ่นนี้แล้ว' }).waitFor();
    }
    await expectNoSideways(l1.page, 'academy join');

    // The trainer opens today's session and puts its QR code on the screen.
    await t.page.reload();
    await hydrated(t.page);
    await expect(text(t.page)).resolves.toContain('ลงทะเบียน 2/');
    await t.page.getByLabel('ชื่อคาบ').fill('คาบที่ 1: เปิดร้าน');
    await t.page.getByLabel('เริ่ม', { exact: true }).fill(bangkokLocal(-0.1));
    await t.page.getByLabel('สิ้นสุด', { exact: true }).fill(bangkokLocal(3));
    await t.page.getByRole('button', { name: 'เปิดคาบเรียน' }).click();
    await t.page.getByRole('link', { name: 'แสดง QR เช็กชื่อ' }).click();
    await t.page.waitForURL('**/academy/sessions/*');
    await hydrated(t.page);
    await t.page.locator('img.academy-qr-code').waitFor();
    await expect(
      t.page
        .locator('img.academy-qr-code')
        .evaluate((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0),
    ).resolves.toBe(true);
    const code = ((await t.page.locator('[data-typed-code]').textContent()) ?? '').trim();
    expect(code).toMatch(/^[0-9]{6}$/);
    await expect(t.page.locator('[data-present]').textContent()).resolves.toBe('(0)');
    await expectAccessible(t.page, 'academy session screen');
    const qrLink = new URL((await t.page.locator('img.academy-qr-code').getAttribute('data-check-in-url')) ?? '');

    // Mali has no camera: she types the code on a 360 px phone; a wrong one is refused in Thai first.
    await l1.page.goto(`${m.baseUrl}/academy/check-in`);
    await hydrated(l1.page);
    await expect(text(l1.page)).resolves.toContain('คาบที่ 1: เปิดร้าน');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await l1.page.getByLabel('รหัส 6 หลัก').fill(wrong);
    await l1.page.getByRole('button', { name: 'เช็กชื่อ' }).click();
    await expect(l1.page.getByRole('alert').textContent()).resolves.toContain('QR');
    await l1.page.getByLabel('รหัส 6 หลัก').fill(code);
    await l1.page.getByRole('button', { name: 'เช็กชื่อ' }).click();
    await expect(l1.page.locator('[data-checked-in]').textContent()).resolves.toContain('เช็กชื่อแล้ว: คาบที่ 1: เปิดร้าน');
    await expectNoSideways(l1.page, 'academy check-in');
    await expectAccessible(l1.page, 'academy check-in');
    await screenshot(l1.page, 'academy-check-in-th-360');

    // Somchai scans the QR code: its link checks him in without typing.
    await l2.page.goto(`${m.baseUrl}${qrLink.pathname}${qrLink.search}`);
    await expect(l2.page.locator('[data-checked-in]').textContent()).resolves.toContain('เช็กชื่อแล้ว');

    // The trainer's screen picks both up by itself.
    await t.page.locator('[data-attendee="สมชาย ใจงาม"]').waitFor({ timeout: 15_000 });
    await expect(t.page.locator('[data-present]').textContent()).resolves.toBe('(2)');
    await expect(text(t.page)).resolves.toContain('มาลี ขายดี');
    await screenshot(t.page, 'academy-session-screen-th');

    // Progress: search by name, then the whole cohort as CSV with Thai headers.
    await t.page.goto(`${cohortUrl}/progress`);
    await hydrated(t.page);
    await expect(t.page.locator('[data-summary]').textContent()).resolves.toContain('ลงทะเบียน 2 คน');
    await t.page.getByLabel('ค้นหาชื่อผู้เรียน').fill('มาลี');
    await t.page.locator('#main').getByRole('button', { name: 'ค้นหา' }).click();
    await t.page.getByRole('status').filter({ hasText: 'พบ 1 คน' }).waitFor();
    await expect(t.page.locator('tbody tr').count()).resolves.toBe(1);
    await expect(t.page.locator('tbody tr').textContent()).resolves.toContain('มาลี ขายดี');
    const [download] = await Promise.all([
      t.page.waitForEvent('download'),
      t.page.getByRole('link', { name: 'ดาวน์โหลด CSV ทั้งรุ่น' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`cohort-${joinCode}.csv`);
    const csv = (await readFile((await download.path()) as string, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv[0]).toContain('"ชื่อ"');
    expect(csv).toHaveLength(3);
    expect(csv.find((l) => l.startsWith('"มาลี ขายดี"'))).toMatch(/,"?1"?$/);

    // The centre's staff see the cohort at their centre and its roster, but no progress or grades.
    const staff = await signUp(m.app, { displayName: 'เจ้าหน้าที่ศูนย์' });
    await grantAcademyRole(
      m.app.db,
      { kind: 'system', name: 'test' },
      { userId: staff.userId, role: 'centre_staff', centreCode: centre.code },
    );
    const s = await contextOf(staff);
    await s.page.goto(`${m.baseUrl}/academy/teach`);
    await hydrated(s.page);
    await expect(text(s.page)).resolves.toContain('รุ่นที่ศูนย์ของฉัน');
    await s.page.getByRole('link', { name: 'รุ่นทดสอบ ขายออนไลน์' }).click();
    await s.page.waitForURL('**/academy/cohorts/*');
    // The address changes before the client-side navigation has drawn the cohort: wait for the roster.
    await s.page.getByText('รายชื่อผู้เรียน (2)').first().waitFor();
    await expect(s.page.getByRole('link', { name: 'ความก้าวหน้าและคะแนน' }).count()).resolves.toBe(0);
    await expectNoSideways(s.page, 'academy cohort, centre staff');
    const grades = await s.page.request.get(`${m.baseUrl}/api/academy/cohorts/${cohortUrl.split('/').pop()}/progress`);
    expect(grades.status()).toBe(404);

    for (const c of [t, l1, l2, s]) await c.context.close();
  });
});

describe('the cohort pages in Chinese and English', () => {
  it('shows the trainer’s cohort, session screen and progress, and the learner’s check-in, at 360 px', async () => {
    const trainer = await certifiedTrainer(m.app, 'Teacher Lin');
    const cohort = await openTestCohort(m.app, trainer.cookie, { title: 'Cohort 2' });
    const session = await openTestSession(m.app, trainer.cookie, cohort.id);
    const learner = await signUp(m.app, { displayName: 'Li Wei' });
    await m.app.inject({
      method: 'POST',
      url: `/api/academy/join/${cohort.joinCode}`,
      headers: { cookie: learner.cookie },
    });
    const t = await contextOf(trainer);
    const l = await contextOf(learner);
    const pages = [
      { lang: 'zh', who: t, path: `/academy/cohorts/${cohort.id}`, heading: 'Cohort 2', shows: '开设课堂' },
      { lang: 'zh', who: t, path: `/academy/sessions/${session.id}`, heading: 'คาบที่ 1: เปิดร้าน', shows: '六位数字码' },
      {
        lang: 'en',
        who: t,
        path: `/academy/cohorts/${cohort.id}/progress`,
        heading: 'Progress and grades',
        shows: 'Download the whole cohort as CSV',
      },
      { lang: 'en', who: l, path: '/academy/check-in', heading: 'Check in', shows: 'Six-digit code' },
      { lang: 'zh', who: l, path: '/academy/teach', heading: '培训班与签到', shows: '通过培训师课程后才能开班' },
    ];
    for (const p of pages) {
      await p.who.page.goto(`${m.baseUrl}/${p.lang}${p.path}`);
      await hydrated(p.who.page);
      await expect(p.who.page.locator('h1').textContent()).resolves.toBe(p.heading);
      await expect(text(p.who.page)).resolves.toContain(p.shows);
      await expectNoSideways(p.who.page, `${p.path} in ${p.lang}`);
    }
    // A learner who opens the trainer's screen gets no code: the page is not theirs.
    const res = await l.page.goto(`${m.baseUrl}/en/academy/sessions/${session.id}`);
    expect(res?.status()).toBe(404);
    // What the learner sees (not the hydration data, whose ids may hold any digits) carries no code.
    await expect(l.page.locator('body').innerText()).resolves.not.toMatch(/(?<![0-9a-f-])[0-9]{6}(?![0-9a-f-])/);
    for (const c of [t, l]) await c.context.close();
  });
});
