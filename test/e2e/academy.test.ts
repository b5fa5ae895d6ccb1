// Talad Academy in the browser: a learner passes the demo course's quiz (through the API: the quiz
// page is not built yet), and the public verification page the certificate's QR code opens says the
// credential is valid, in Thai with the Buddhist-era date, at 360 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { signUp } from '../../src/modules/identity/testing.ts';
import { DEMO_COURSE_ID, demoCourse } from '../../src/modules/academy/course.ts';
import { launchBrowser, PHONE } from './browser.ts';
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

describe('academy in the browser', () => {
  it('a learner passes the demo quiz and the verification page says the credential is valid', async () => {
    const learner = await signUp(m.app, { displayName: 'สมศรี ใจดี' });
    const start = await m.app.inject({
      method: 'POST',
      url: `/api/academy/courses/${DEMO_COURSE_ID}/attempts`,
      headers: { cookie: learner.cookie },
      payload: {},
    });
    const attempt = start.json();
    const answers = Object.fromEntries(
      attempt.questions.map((q: { id: string }) => {
        const b = demoCourse.quiz.bank.find((x) => x.id === q.id);
        return [q.id, b?.kind === 'multiple' ? b.correct : (b?.correct[0] ?? '')];
      }),
    );
    const result = (
      await m.app.inject({
        method: 'POST',
        url: `/api/academy/attempts/${attempt.attemptId}/submit`,
        headers: { cookie: learner.cookie },
        payload: { answers },
      })
    ).json();
    expect(result.passed).toBe(true);

    const context = await browser.newContext({ viewport: PHONE, locale: 'th-TH', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${m.baseUrl}/academy/verify/${result.credentialId}`);
    await hydrated(page);
    await expect(page.getByRole('status').textContent()).resolves.toContain('ใช้ได้');
    await expect(page.locator('body').textContent()).resolves.toContain('สมศรี ใจดี');
    await expect(page.locator('body').textContent()).resolves.toContain(String(new Date().getFullYear() + 543));
    await expectNoSideways(page, 'academy verify');
    await expectAccessible(page, 'academy verify');
    await context.close();
  });
});
