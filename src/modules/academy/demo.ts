// The academy's demo, through the module's own services (so it obeys the same rules): the 30 demo
// centres; a trainer certified the way any trainer is (the SMEs 4.0 quiz, then the train-the-trainer
// quiz, passed with the bank's answers); the staff of the Roi Et centre; and a cohort there with
// twelve learners at different points — lessons done, the quiz passed by some — and a session
// under way today that seven of them have checked in to with its rotating code.
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { DEMO_PASSWORD } from '../../platform/demo.ts';
import { createUser } from '../identity/index.ts';
import { checkIn, checkInToken, openSession } from './attendance.ts';
import { demoCentreRecords, loadCentres } from './centres.ts';
import { academySessions } from './cohort-schema.ts';
import { enrol, openCohort } from './cohorts.ts';
import { courseById, DEMO_COURSE_ID, lessonsOf, type Question } from './course.ts';
import { grantAcademyRole } from './roles.ts';
import { completeLesson, startAttempt, submitAttempt } from './service.ts';
import { TRAINER_COURSE_ID } from './trainer-course.ts';

export const DEMO_CENTRE_CODE = 'CDC-45-01';
const asUser = (userId: string): Actor => ({ kind: 'user', userId, isOperator: false, guestTokenHash: null });
const day = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Bangkok' });

/** Takes a course's quiz once, answering `right` of the drawn questions correctly. */
async function takeQuiz(db: Db, actor: Actor, courseId: string, right = Number.POSITIVE_INFINITY) {
  const course = courseById(courseId);
  if (!course) throw new Error(courseId);
  const attempt = await startAttempt(db, actor, courseId, {}, 'th');
  const answers = Object.fromEntries(
    attempt.questions.map(({ id }, i) => {
      const q = course.quiz.bank.find((x) => x.id === id) as Question;
      const good = q.kind === 'multiple' ? q.correct : (q.correct[0] as string);
      return [id, i < right ? good : q.kind === 'short' ? '-' : []];
    }),
  );
  return submitAttempt(db, actor, attempt.attemptId, answers, 'th');
}

const LEARNERS = [
  'มาลี ขายดี',
  'สมชาย ใจงาม',
  'บุญมี ทองคำ',
  'ประไพ ศรีสวัสดิ์',
  'วิไล แก้วมณี',
  'สุดา พรมมา',
  'ทองใบ บุญเรือง',
  'จันทร์เพ็ญ สายทอง',
  'อำนาจ ชัยมงคล',
  'นงลักษณ์ ภูผา',
  'เสถียร คำดี',
  'รัตนา นาคสุข',
];

export async function seedAcademyDemo(db: Db): Promise<void> {
  await loadCentres(db, demoCentreRecords());
  const trainer = await createUser(db, {
    email: 'trainer@talad.local',
    password: DEMO_PASSWORD,
    displayName: 'ครูประภา วิทยากรดิจิทัล',
  });
  const t = asUser(trainer.id);
  await takeQuiz(db, t, DEMO_COURSE_ID);
  const certified = await takeQuiz(db, t, TRAINER_COURSE_ID);
  if (!certified.passed) throw new Error('demo trainer not certified');

  const staff = await createUser(db, {
    email: 'centre@talad.local',
    password: DEMO_PASSWORD,
    displayName: 'เจ้าหน้าที่ศูนย์ดิจิทัลชุมชนตำบลกำแพง',
  });
  await grantAcademyRole(
    db,
    { kind: 'system', name: 'demo-seed' },
    {
      userId: staff.id,
      role: 'centre_staff',
      centreCode: DEMO_CENTRE_CODE,
    },
  );

  const cohort = await openCohort(db, t, {
    centreCode: DEMO_CENTRE_CODE,
    courseId: DEMO_COURSE_ID,
    title: 'รุ่นที่ 1 ขายออนไลน์ ร้อยเอ็ด',
    startsOn: day(-7),
    endsOn: day(30),
  });
  const firstSession = await openSession(db, t, cohort.id, {
    title: 'คาบที่ 1: เปิดร้านและถ่ายภาพสินค้า',
    startsAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() - 7 * 86_400_000 + 3 * 3_600_000).toISOString(),
  });
  const today = await openSession(db, t, cohort.id, {
    title: 'คาบที่ 2: เขียนชื่อสินค้าภาษาไทยและจีน',
    startsAt: new Date(Date.now() - 20 * 60_000).toISOString(),
    endsAt: new Date(Date.now() + 160 * 60_000).toISOString(),
  });
  const [first] = await db.select().from(academySessions).where(eq(academySessions.id, firstSession.id));
  const [now] = await db.select().from(academySessions).where(eq(academySessions.id, today.id));
  const lessons = lessonsOf(courseById(DEMO_COURSE_ID)!);

  for (const [i, displayName] of LEARNERS.entries()) {
    const learner = await createUser(db, {
      email: i === 0 ? 'learner@talad.local' : `learner${String(i + 1).padStart(2, '0')}@talad.local`,
      password: DEMO_PASSWORD,
      displayName,
    });
    const a = asUser(learner.id);
    await enrol(db, a, cohort.joinCode, 'th');
    // The first learner is left with work to do in the demo: no lessons, not checked in today.
    if (i === 0) continue;
    const done = [5, 5, 4, 3, 3, 2, 2, 1, 1, 0, 0][i - 1] as number;
    for (const l of lessons.slice(0, done)) await completeLesson(db, a, DEMO_COURSE_ID, l.id);
    if (done === 5) await takeQuiz(db, a, DEMO_COURSE_ID, i === 2 ? 3 : Number.POSITIVE_INFINITY);
    if (first && i <= 9) await checkIn(db, a, first.id, checkInToken(first, first.startsAt), first.startsAt);
    if (now && i <= 7) await checkIn(db, a, now.id, checkInToken(now, new Date()));
  }
}
