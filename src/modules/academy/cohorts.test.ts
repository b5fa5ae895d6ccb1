import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { queryRows } from '../../platform/db.ts';
import { PROVINCES } from '../../platform/provinces.ts';
import { operatorSession, signUp } from '../identity/testing.ts';
import { checkIn, checkInToken, GRACE_STEPS, STEP_MS } from './attendance.ts';
import { centreRecords, demoCentreRecords, loadCentres } from './centres.ts';
import { academySessions } from './cohort-schema.ts';
import { DEMO_COURSE_ID } from './course.ts';
import { certifiedTrainer, loadDemoCentres, openTestCohort, openTestSession, passCourseQuiz } from './testing.ts';
import { TRAINER_COURSE_ID } from './trainer-course.ts';
import { eq } from 'drizzle-orm';

const t = useTestApp();
const get = (url: string, cookie?: string, lang = 'th') =>
  t.app.inject({ url, headers: { ...(cookie ? { cookie } : {}), 'accept-language': lang } });
const post = (url: string, cookie: string | undefined, payload: unknown = {}, lang = 'th') =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...(cookie ? { cookie } : {}), 'accept-language': lang },
    payload: payload as Record<string, unknown>,
  });
const user = (cookie: string, userId: string) =>
  ({ kind: 'user', userId, isOperator: false, guestTokenHash: null, cookie }) as const;

describe('community digital centres', () => {
  it('lists 600 centres over all 77 provinces, loads them again in place, and answers in the caller’s language', async () => {
    const all = centreRecords();
    expect(all).toHaveLength(600);
    expect(new Set(all.map((c) => c.provinceCode)).size).toBe(PROVINCES.length);
    expect(new Set(all.map((c) => c.code)).size).toBe(600);
    expect(all.every((c) => c.capacity >= 20 && c.capacity <= 60 && c.districtCode.startsWith(c.provinceCode))).toBe(
      true,
    );
    expect(demoCentreRecords()).toHaveLength(30);
    expect(new Set(demoCentreRecords().map((c) => c.provinceCode)).size).toBe(30);
    await loadCentres(t.app.db, all);
    await loadCentres(t.app.db, all);
    const [n] = await queryRows<{ n: number }>(t.app.db, sql`select count(*)::int as n from academy_centres`);
    expect(n?.n).toBe(600);
    const chiangMai = (await get('/api/academy/centres?province=50&limit=5', undefined, 'zh')).json();
    expect(chiangMai.total).toBeGreaterThanOrEqual(7);
    expect(chiangMai.items[0].name).toMatch(/^清迈社区数字中心/);
    expect(chiangMai.items[0].province.name).toBe('清迈');
    expect(chiangMai.items[0].nameTh).toMatch(/^ศูนย์ดิจิทัลชุมชนตำบล/);
  });
});

describe('trainers', () => {
  it('makes a trainer of whoever passes the train-the-trainer course, and unmakes one whose credential is revoked', async () => {
    await loadDemoCentres(t.app);
    const someone = await signUp(t.app);
    expect((await get('/api/academy/me/roles', someone.cookie)).json().roles).toEqual(['learner']);
    const refused = await post(
      '/api/academy/cohorts',
      someone.cookie,
      {
        centreCode: demoCentreRecords()[0]?.code,
        courseId: DEMO_COURSE_ID,
        title: 'x',
        startsOn: '2099-01-01',
        endsOn: '2099-01-02',
      },
      'en',
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('academy_not_a_trainer');
    expect(refused.json().detail).toContain('train-the-trainer');
    const course = (await get(`/api/academy/courses/${TRAINER_COURSE_ID}`, someone.cookie, 'zh')).json();
    expect(course.title).toBe('培训师培训：在社区数字中心讲授 SMEs 4.0');
    const early = await post(`/api/academy/courses/${TRAINER_COURSE_ID}/attempts`, someone.cookie, {}, 'en');
    expect(early.json().code).toBe('academy_prerequisites_missing');
    expect((await passCourseQuiz(t.app, someone.cookie, DEMO_COURSE_ID)).passed).toBe(true);
    const passed = await passCourseQuiz(t.app, someone.cookie, TRAINER_COURSE_ID);
    expect(passed.passed).toBe(true);
    expect((await get('/api/academy/me/roles', someone.cookie)).json().roles).toEqual(['learner', 'trainer']);
    const op = await operatorSession(t.app);
    await post(`/api/academy/credentials/${passed.credentialId}/revoke`, op.cookie, { reason: 'ทดสอบ' });
    expect((await get('/api/academy/me/roles', someone.cookie)).json().roles).toEqual(['learner']);
  });
});

describe('cohorts', () => {
  it('opens a cohort over some modules of a course, with bad input named per field in the caller’s language', async () => {
    const trainer = await certifiedTrainer(t.app);
    const centre = demoCentreRecords()[1];
    await loadDemoCentres(t.app);
    const bad = await post(
      '/api/academy/cohorts',
      trainer.cookie,
      {
        centreCode: centre?.code,
        courseId: DEMO_COURSE_ID,
        moduleIds: ['m9'],
        title: 'รุ่นจีน',
        startsOn: '2099-02-01',
        endsOn: '2099-02-10',
      },
      'zh',
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'moduleIds.0', code: 'not_allowed' });
    const seats = await post('/api/academy/cohorts', trainer.cookie, {
      centreCode: centre?.code,
      courseId: DEMO_COURSE_ID,
      title: 'รุ่นใหญ่',
      startsOn: '2099-02-01',
      endsOn: '2099-02-10',
      capacity: (centre?.capacity ?? 0) + 1,
    });
    expect(seats.json().errors[0]).toMatchObject({ field: 'capacity', code: 'too_large' });
    expect(seats.json().errors[0].detail).toContain(String(centre?.capacity));
    const dates = await post(
      '/api/academy/cohorts',
      trainer.cookie,
      { centreCode: centre?.code, courseId: DEMO_COURSE_ID, title: 'ก', startsOn: '2099-02-10', endsOn: '2099-02-01' },
      'en',
    );
    expect(dates.json().errors[0]).toMatchObject({ field: 'endsOn', detail: 'must not be before the start' });
    const [{ n } = { n: -1 }] = await queryRows<{ n: number }>(
      t.app.db,
      sql`select count(*)::int as n from academy_cohorts where trainer_id = ${trainer.userId}`,
    );
    expect(n).toBe(0);

    const china = await openTestCohort(t.app, trainer.cookie, { moduleIds: ['m3'], title: 'รุ่นขายไปจีน' });
    expect(china.modules).toEqual(
      [{ id: 'm3', title: 'ขายไปจีน', lessons: 1 }].map((m) =>
        expect.objectContaining({ id: m.id, lessons: m.lessons }),
      ),
    );
    expect(china.capacity).toBe(demoCentreRecords()[0]?.capacity);
    expect(china.joinCode).toMatch(/^[A-Z2-9]{8}$/);
    const mine = (await get('/api/academy/me/cohorts', trainer.cookie)).json();
    expect(mine.trainer).toBe(true);
    expect(mine.items.map((c: { id: string }) => c.id)).toContain(china.id);
  });

  it('never enrols more learners than the seats, however many enrol at once; enrolling twice takes one seat', async () => {
    const trainer = await certifiedTrainer(t.app);
    const cohort = await openTestCohort(t.app, trainer.cookie, { capacity: 3 });
    const learners = await Promise.all(Array.from({ length: 8 }, () => signUp(t.app)));
    const results = await Promise.all(learners.map((l) => post(`/api/academy/join/${cohort.joinCode}`, l.cookie)));
    const codes = results.map((r) => (r.statusCode === 200 ? 'ok' : r.json().code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(3);
    expect(codes.filter((c) => c === 'academy_cohort_full')).toHaveLength(5);
    const winner = learners[codes.indexOf('ok')] as (typeof learners)[number];
    const again = await post(`/api/academy/join/${cohort.joinCode}`, winner.cookie);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ alreadyEnrolled: true, enrolled: 3, seatsLeft: 0 });
    const roster = (await get(`/api/academy/cohorts/${cohort.id}/roster`, trainer.cookie)).json();
    expect(roster.total).toBe(3);
    const full = results.find((r) => r.statusCode === 409);
    expect(full?.json().detail).toBe('รุ่นนี้เต็มแล้ว (รับได้ 3 คน)');
  });
});

describe('attendance by a rotating QR code', () => {
  it('checks in with the code on screen, late arrivals too, once; refuses stale, forged and other sessions’ codes', async () => {
    const trainer = await certifiedTrainer(t.app);
    const cohort = await openTestCohort(t.app, trainer.cookie);
    const [ann, ben, outsider] = await Promise.all([signUp(t.app), signUp(t.app), signUp(t.app)]);
    for (const l of [ann, ben]) await post(`/api/academy/join/${cohort.joinCode}`, l?.cookie);
    const session = await openTestSession(t.app, trainer.cookie, cohort.id, 20 * 60_000);
    const other = await openTestSession(t.app, trainer.cookie, cohort.id);
    const qr = (await get(`/api/academy/sessions/${session.id}/qr`, trainer.cookie)).json();
    expect(qr.url).toContain(`/academy/check-in/${session.id}?t=`);
    expect(qr.svg).toContain('<svg');
    expect(qr.rotateEveryMs).toBe(30_000);
    // The guests of the room: the scanned code works, a second scan is the same check-in.
    const first = await post(`/api/academy/sessions/${session.id}/check-in`, ann?.cookie, { token: qr.token });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ alreadyCheckedIn: false, late: true });
    const replay = await post(`/api/academy/sessions/${session.id}/check-in`, ann?.cookie, { token: qr.token });
    expect(replay.json()).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first.json().checkedInAt });
    // Someone not in the cohort, a code of another session, a forged one.
    const notIn = await post(
      `/api/academy/sessions/${session.id}/check-in`,
      outsider?.cookie,
      { token: qr.token },
      'en',
    );
    expect([notIn.statusCode, notIn.json().code]).toEqual([403, 'academy_not_enrolled']);
    const otherQr = (await get(`/api/academy/sessions/${other.id}/qr`, trainer.cookie)).json();
    const wrong = await post(`/api/academy/sessions/${session.id}/check-in`, ben?.cookie, { token: otherQr.token });
    expect([wrong.statusCode, wrong.json().code]).toEqual([400, 'academy_checkin_invalid']);
    const [step, sig] = qr.token.split('.');
    const forged = await post(`/api/academy/sessions/${session.id}/check-in`, ben?.cookie, {
      token: `${(Number.parseInt(step, 36) + 1).toString(36)}.${sig}`,
    });
    expect(forged.json().code).toBe('academy_checkin_invalid');
    // The code shown 9½ minutes ago still counts (a slow phone); one from 11 minutes ago does not.
    const [row] = await t.app.db.select().from(academySessions).where(eq(academySessions.id, session.id));
    if (!row || !ben) throw new Error('no session');
    const now = new Date();
    const stale = checkInToken(row, new Date(now.getTime() - (GRACE_STEPS + 2) * STEP_MS));
    await expect(checkIn(t.app.db, user(ben.cookie, ben.userId), session.id, stale, now)).rejects.toMatchObject({
      status: 410,
      code: 'academy_checkin_expired',
    });
    const recent = checkInToken(row, new Date(now.getTime() - 19 * STEP_MS));
    const late = await post(`/api/academy/sessions/${session.id}/check-in`, ben.cookie, { token: recent });
    expect(late.statusCode).toBe(200);
    const attendance = (await get(`/api/academy/sessions/${session.id}/attendance`, trainer.cookie)).json();
    expect(attendance.items.map((i: { userId: string }) => i.userId).sort()).toEqual([ann?.userId, ben.userId].sort());
    expect(attendance.session.present).toBe(2);
    // Closing ends check-in.
    await post(`/api/academy/sessions/${session.id}/close`, trainer.cookie);
    const closed = await get(`/api/academy/sessions/${session.id}/qr`, trainer.cookie);
    expect(closed.json().code).toBe('academy_session_closed');
  });
});

describe('who sees grades', () => {
  it('shows a learner’s grades to them, their cohort’s trainer and operators; the roster to centre staff; 404 to the rest', async () => {
    const trainer = await certifiedTrainer(t.app);
    const otherTrainer = await certifiedTrainer(t.app);
    const cohort = await openTestCohort(t.app, trainer.cookie);
    const learner = await signUp(t.app);
    const classmate = await signUp(t.app);
    for (const l of [learner, classmate]) await post(`/api/academy/join/${cohort.joinCode}`, l.cookie);
    await passCourseQuiz(t.app, learner.cookie, DEMO_COURSE_ID);
    const op = await operatorSession(t.app);
    const staff = await signUp(t.app);
    const granted = await post('/api/academy/roles', op.cookie, {
      userId: staff.userId,
      role: 'centre_staff',
      centreCode: demoCentreRecords()[0]?.code,
    });
    expect(granted.statusCode).toBe(201);
    expect((await get('/api/academy/me/roles', staff.cookie)).json().roles).toEqual(['learner', 'centre_staff']);
    const grades = `/api/academy/learners/${learner.userId}/grades`;
    const progress = `/api/academy/cohorts/${cohort.id}/progress`;
    const roster = `/api/academy/cohorts/${cohort.id}/roster`;
    const status = async (url: string, cookie: string) => (await get(url, cookie)).statusCode;
    expect(await status(grades, learner.cookie)).toBe(200);
    expect(await status(grades, trainer.cookie)).toBe(200);
    expect((await get(grades, trainer.cookie)).json().items[0].passed).toBe(true);
    expect(await status(grades, op.cookie)).toBe(200);
    for (const who of [otherTrainer, classmate, staff]) expect(await status(grades, who.cookie)).toBe(404);
    expect(await status(progress, trainer.cookie)).toBe(200);
    expect(await status(progress, op.cookie)).toBe(200);
    for (const who of [otherTrainer, classmate, staff, learner]) expect(await status(progress, who.cookie)).toBe(404);
    expect(await status(roster, staff.cookie)).toBe(200);
    for (const who of [otherTrainer, classmate]) expect(await status(roster, who.cookie)).toBe(404);
    // A classmate sees the cohort itself, not its join code's owner view; a stranger sees nothing.
    const seen = (await get(`/api/academy/cohorts/${cohort.id}`, classmate.cookie)).json();
    expect(seen).toMatchObject({ access: 'learner', joinCode: null });
    expect(await status(`/api/academy/cohorts/${cohort.id}`, otherTrainer.cookie)).toBe(404);
  });
});

describe('the trainer’s view at 5,000 learners', () => {
  it('adds up progress, grades and attendance right, a page at a time', async () => {
    const trainer = await certifiedTrainer(t.app);
    const cohort = await openTestCohort(t.app, trainer.cookie);
    const s1 = await openTestSession(t.app, trainer.cookie, cohort.id);
    const s2 = await openTestSession(t.app, trainer.cookie, cohort.id);
    const N = 5_000;
    const db = t.app.db;
    const uid = (i: string) => sql.raw(`('00000000-0000-4000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`);
    await db.execute(sql`update academy_cohorts set capacity = ${N}, enrolled = ${N} where id = ${cohort.id}`);
    await db.execute(sql`insert into academy_enrolments (cohort_id, user_id, enrolled_at)
      select ${cohort.id}::uuid, ${uid('i')}, now() - make_interval(secs => ${N} - i) from generate_series(1, ${N}) i`);
    const lessons = ['open-shop', 'photograph-products', 'writing-th-zh', 'pricing-shipping', 'selling-to-china'];
    await db.execute(sql`insert into academy_lesson_progress (user_id, course_id, lesson_id)
      select ${uid('i')}, ${DEMO_COURSE_ID}, (${`{${lessons.join(',')}}`}::text[])[k + 1]
      from generate_series(1, ${N}) i, generate_series(0, 4) k where k < i % 6`);
    await db.execute(sql`insert into academy_attempts (id, user_id, course_id, quiz_id, attempt_no, question_ids, score_percent, passed, submitted_at)
      select gen_random_uuid(), ${uid('i')}, ${DEMO_COURSE_ID}, 'sme-4-0-final', 1, '[]'::jsonb, i % 101, i % 101 >= 60, now()
      from generate_series(1, ${N}) i where i % 3 <> 0
      union all
      select gen_random_uuid(), ${uid('i')}, ${DEMO_COURSE_ID}, 'sme-4-0-final', 2, '[]'::jsonb, 100, true, now()
      from generate_series(1, ${N}) i where i % 3 <> 0 and i % 5 = 0`);
    await db.execute(sql`insert into academy_attendance (session_id, cohort_id, user_id)
      select ${s1.id}::uuid, ${cohort.id}::uuid, ${uid('i')} from generate_series(1, ${N}) i where i % 2 = 0
      union all
      select ${s2.id}::uuid, ${cohort.id}::uuid, ${uid('i')} from generate_series(1, ${N}) i where i % 4 = 0`);
    // What the figures must be, counted here the slow way.
    const is = Array.from({ length: N }, (_, k) => k + 1);
    const best = (i: number) => (i % 3 === 0 ? null : i % 5 === 0 ? 100 : i % 101);
    const bests = is.map(best).filter((b): b is number => b !== null);
    const expected = {
      enrolled: N,
      lessons: 5,
      passed: bests.filter((b) => b >= 60).length,
      attempted: bests.length,
      averageBestPercent: Math.round(bests.reduce((a, b) => a + b, 0) / bests.length),
      completedLessons: is.reduce((a, i) => a + (i % 6), 0),
      sessions: 2,
      attendance: is.filter((i) => i % 2 === 0).length + is.filter((i) => i % 4 === 0).length,
    };
    const quizId = (await import('./course.ts')).demoCourse.quiz.id;
    expect(quizId).toBe('sme-4-0-final');
    const page = (await get(`/api/academy/cohorts/${cohort.id}/progress?limit=50&offset=100`, trainer.cookie)).json();
    expect(page.summary).toEqual(expected);
    expect(page.total).toBe(N);
    expect(page.items).toHaveLength(50);
    // Page 3 starts with learner 101 (enrolment order).
    const learnerOf = (i: number) => ({
      lessonsDone: i % 6,
      attempts: i % 3 === 0 ? 0 : i % 5 === 0 ? 2 : 1,
      bestPercent: best(i),
      passed: (best(i) ?? 0) >= 60,
      sessionsAttended: (i % 2 === 0 ? 1 : 0) + (i % 4 === 0 ? 1 : 0),
    });
    expect(page.items.slice(0, 5)).toEqual([101, 102, 103, 104, 105].map((i) => expect.objectContaining(learnerOf(i))));
    expect(page.items[0].userId).toBe(`00000000-0000-4000-8000-${(101).toString(16).padStart(12, '0')}`);
    const last = (await get(`/api/academy/cohorts/${cohort.id}/progress?limit=200&offset=4900`, trainer.cookie)).json();
    expect(last.items).toHaveLength(100);
    expect(last.items[99]).toMatchObject(learnerOf(N));
    const roster = (await get(`/api/academy/cohorts/${cohort.id}/roster?limit=10&offset=4995`, trainer.cookie)).json();
    expect(roster.total).toBe(N);
    expect(roster.items).toHaveLength(5);
  }, 120_000);
});
