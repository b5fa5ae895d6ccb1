// What the trainer's and learner's pages stand on beyond cohorts.test.ts: the demo's trainer, cohort,
// learners and session; the six-digit code typed instead of scanning; searching the progress view;
// the CSV export; and a centre's cohorts in the directory.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestApp } from '../../../test/db.ts';
import { DEMO_PASSWORD } from '../../platform/demo.ts';
import { signIn, signUp } from '../identity/testing.ts';
import { judgeToken, STEP_MS, typedCode } from './attendance.ts';
import { academySessions } from './cohort-schema.ts';
import { DEMO_CENTRE_CODE, seedAcademyDemo } from './demo.ts';
import { certifiedTrainer, openTestCohort, openTestSession } from './testing.ts';

const t = useTestApp();
const get = (url: string, cookie?: string, lang = 'th') =>
  t.app.inject({ url, headers: { ...(cookie ? { cookie } : {}), 'accept-language': lang } });
const post = (url: string, cookie: string, payload: unknown = {}, lang = 'th') =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'accept-language': lang },
    payload: payload as Record<string, unknown>,
  });

describe('the academy demo', () => {
  it('has a certified trainer with a cohort at the Roi Et centre, twelve learners and a session under way', async () => {
    await seedAcademyDemo(t.app.db);
    const trainer = await signIn(t.app, 'trainer@talad.local', DEMO_PASSWORD);
    expect((await get('/api/academy/me/roles', trainer)).json().roles).toContain('trainer');
    const mine = (await get('/api/academy/me/cohorts', trainer)).json();
    expect(mine.trainer).toBe(true);
    expect(mine.items).toHaveLength(1);
    const cohort = (await get(`/api/academy/cohorts/${mine.items[0].id}`, trainer)).json();
    expect(cohort).toMatchObject({ access: 'trainer', enrolled: 12, centre: { code: DEMO_CENTRE_CODE } });
    expect(cohort.joinCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(cohort.sessions.map((s: { present: number }) => s.present)).toEqual([9, 7]);
    const progress = (await get(`/api/academy/cohorts/${cohort.id}/progress?limit=50`, trainer)).json();
    expect(progress.summary).toMatchObject({ enrolled: 12, passed: 1, attempted: 2, sessions: 2, attendance: 16 });
    const qr = (await get(`/api/academy/sessions/${cohort.sessions[1].id}/qr`, trainer)).json();
    expect(qr.code).toMatch(/^[0-9]{6}$/);

    // The first learner has not checked in today; the centre's staff see the roster, not the grades.
    const learner = await signIn(t.app, 'learner@talad.local', DEMO_PASSWORD);
    const done = await post(`/api/academy/sessions/${qr.sessionId}/check-in`, learner, { token: qr.code });
    expect(done.json()).toMatchObject({ alreadyCheckedIn: false, cohortTitle: 'รุ่นที่ 1 ขายออนไลน์ ร้อยเอ็ด' });
    const staff = await signIn(t.app, 'centre@talad.local', DEMO_PASSWORD);
    expect((await get(`/api/academy/cohorts/${cohort.id}`, staff)).json().access).toBe('staff');
    expect((await get(`/api/academy/cohorts/${cohort.id}/roster`, staff)).json().total).toBe(12);
    expect((await get(`/api/academy/cohorts/${cohort.id}/progress`, staff)).statusCode).toBe(404);
  });
});

describe('checking in by typing the code', () => {
  it('takes the six digits shown beside the QR code for ten minutes, then calls them expired; other digits are refused', async () => {
    const trainer = await certifiedTrainer(t.app);
    const cohort = await openTestCohort(t.app, trainer.cookie);
    const session = await openTestSession(t.app, trainer.cookie, cohort.id);
    const [row] = await t.app.db.select().from(academySessions).where(eq(academySessions.id, session.id));
    if (!row) throw new Error('no session');
    const shown = new Date();
    const code = typedCode(row, shown);
    expect(judgeToken(row, code, new Date(shown.getTime() + 9 * 60_000))).toBe('ok');
    expect(judgeToken(row, code, new Date(shown.getTime() + 11 * 60_000 + STEP_MS))).toBe('expired');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(judgeToken(row, wrong, shown)).not.toBe('ok');

    const learner = await signUp(t.app);
    await post(`/api/academy/join/${cohort.joinCode}`, learner.cookie);
    const refused = await post(`/api/academy/sessions/${session.id}/check-in`, learner.cookie, { token: wrong }, 'zh');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toBe('二维码无效，请重新扫描屏幕上的二维码');
    const ok = await post(`/api/academy/sessions/${session.id}/check-in`, learner.cookie, { token: code });
    expect(ok.statusCode).toBe(200);
    // Guessing is cut off: the route takes 20 tries a minute from one address for one session.
    let limited = 0;
    for (let i = 0; i < 25; i++) {
      const r = await post(`/api/academy/sessions/${session.id}/check-in`, learner.cookie, { token: '000000' }, 'en');
      if (r.statusCode === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
  });
});

describe('the progress view, its search and its CSV', () => {
  it('finds learners by name, keeps the whole cohort’s summary, and exports everyone with headers in the caller’s language', async () => {
    const trainer = await certifiedTrainer(t.app);
    const cohort = await openTestCohort(t.app, trainer.cookie);
    for (const name of ['สมหญิง รักเรียน', 'สมชาย ขยัน', 'Li Wei', '=HYPERLINK("x")']) {
      const l = await signUp(t.app, { displayName: name });
      await post(`/api/academy/join/${cohort.joinCode}`, l.cookie);
    }
    const found = (
      await get(`/api/academy/cohorts/${cohort.id}/progress?search=${encodeURIComponent('สม')}`, trainer.cookie)
    ).json();
    expect(found.total).toBe(2);
    expect(found.summary.enrolled).toBe(4);
    expect(found.items.map((i: { displayName: string }) => i.displayName).sort()).toEqual([
      'สมชาย ขยัน',
      'สมหญิง รักเรียน',
    ]);
    const li = (await get(`/api/academy/cohorts/${cohort.id}/progress?search=li%20WEI`, trainer.cookie)).json();
    expect(li.items.map((i: { displayName: string }) => i.displayName)).toEqual(['Li Wei']);

    const csv = await get(`/api/academy/cohorts/${cohort.id}/progress.csv`, trainer.cookie, 'zh');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`cohort-${cohort.joinCode}.csv`);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"姓名","报名时间","已学课时","测验次数","最高分（%）","通过","出勤节数"');
    expect(lines).toHaveLength(5);
    expect(lines.some((l) => l.startsWith('"\'=HYPERLINK(""x"")"'))).toBe(true);
    const stranger = await signUp(t.app);
    expect((await get(`/api/academy/cohorts/${cohort.id}/progress.csv`, stranger.cookie)).statusCode).toBe(404);
  });
});

describe('the centre directory', () => {
  it('shows a centre’s cohorts that have not ended, without their join codes', async () => {
    const trainer = await certifiedTrainer(t.app);
    const cohort = await openTestCohort(t.app, trainer.cookie, { title: 'รุ่นเปิดใหม่' });
    const centre = (cohort.centre as { code: string }).code;
    const res = (await get(`/api/academy/centres/${centre}/cohorts`, undefined, 'en')).json();
    expect(res.centre.code).toBe(centre);
    const listed = res.items.find((c: { id: string }) => c.id === cohort.id);
    expect(listed).toMatchObject({ title: 'รุ่นเปิดใหม่', seatsLeft: cohort.capacity });
    expect(JSON.stringify(res)).not.toContain(cohort.joinCode);
    expect((await get('/api/academy/centres/CDC-99-99/cohorts', undefined, 'en')).statusCode).toBe(404);
  });
});
