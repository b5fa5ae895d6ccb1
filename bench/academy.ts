// npm run bench:academy — LEARNERS learners each start and submit the demo course's quiz (CONCURRENCY
// at a time, each submission sent twice as a flaky phone would), then VERIFICATIONS verifications of
// the credentials issued. Runs the academy's services in this process against a fresh database: PGlite
// in memory by default, PostgreSQL with ENGINE=postgres or DATABASE_URL. Prints submissions_per_s, p99_ms,
// verify_per_s and lost_submissions (a submission acknowledged but not stored as graded).
// Small run: LEARNERS=50 VERIFICATIONS=100 npm run bench:academy
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '../src/platform/actor.ts';
import { queryRows } from '../src/platform/db.ts';
import { DEMO_COURSE_ID, demoCourse } from '../src/modules/academy/course.ts';
import { verifyCredentialJwt } from '../src/modules/academy/credentials.ts';
import { startAttempt, submitAttempt } from '../src/modules/academy/service.ts';
import { freshBenchDatabase, percentile } from './support.ts';

const LEARNERS = Number(process.env.LEARNERS ?? 5_000);
const VERIFICATIONS = Number(process.env.VERIFICATIONS ?? 20_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);

async function pool<T>(n: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await work(i);
      }
    }),
  );
  return out;
}

async function main() {
  const fresh = await freshBenchDatabase('talad_academy');
  const db = fresh.database.db;
  try {
    const times: number[] = [];
    let acknowledged = 0;
    const t0 = performance.now();
    await pool(LEARNERS, async () => {
      const actor: Actor = { kind: 'user', userId: randomUUID(), isOperator: false, guestTokenHash: null };
      const s = performance.now();
      const a = await startAttempt(db, actor, DEMO_COURSE_ID, { clientAttemptId: randomUUID() }, 'th');
      const answers = Object.fromEntries(
        a.questions.map((q) => {
          const b = demoCourse.quiz.bank.find((x) => x.id === q.id);
          return [q.id, b?.kind === 'multiple' ? b.correct : (b?.correct[0] ?? '')];
        }),
      );
      await Promise.all([1, 2].map(() => submitAttempt(db, actor, a.attemptId, answers, 'th')));
      acknowledged++;
      times.push(performance.now() - s);
    });
    const submitSeconds = (performance.now() - t0) / 1000;
    const [graded] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from academy_attempts where submitted_at is not null`,
    );
    const jwts = (await queryRows<{ jwt: string }>(db, sql`select jwt from academy_credentials`)).map((r) => r.jwt);
    const t1 = performance.now();
    let invalid = 0;
    await pool(VERIFICATIONS, async (i) => {
      const v = await verifyCredentialJwt(db, jwts[i % jwts.length] as string);
      if (!v.valid) invalid++;
    });
    const verifySeconds = (performance.now() - t1) / 1000;
    console.log(
      JSON.stringify({
        engine: fresh.engine,
        learners: LEARNERS,
        verifications: VERIFICATIONS,
        submit_seconds: Math.round(submitSeconds),
        submissions_per_s: Math.round(LEARNERS / submitSeconds),
        p99_ms: Math.round(percentile(times, 99)),
        verify_per_s: Math.round(VERIFICATIONS / verifySeconds),
        lost_submissions: acknowledged - (graded?.n ?? 0),
        invalid_verifications: invalid,
      }),
    );
  } finally {
    await fresh.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
