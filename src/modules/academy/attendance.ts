// In-person sessions and attendance by a rotating QR code. A code is `<step>.<mac>`: the 30-second
// step it was shown in and an HMAC-SHA256 of (session, step) under the session's own secret, so only
// the server makes one and a photo forwarded to someone absent is stale within minutes. A code is
// taken for GRACE_STEPS steps (10 minutes) after it was shown, so a late arrival or a phone on a slow
// line still checks in; a repeat check-in is a no-op (one row per learner and session); an expired,
// future or forged code is refused. Beside the QR code the screen shows a six-digit code of the same
// step (another HMAC input) for a phone without a camera; it is judged the same way, and the check-in
// route is rate-limited so nobody can run through the million codes in the ten minutes one lasts.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { printable } from '../../platform/typed-text.ts';
import { usersByIds } from '../identity/index.ts';
import { academyAttendance, academyCohorts, academyEnrolments, academySessions } from './cohort-schema.ts';
import { cohortAccess, cohortTeaching } from './cohorts.ts';

export const STEP_MS = 30_000;
export const GRACE_STEPS = 20;
/** Arriving more than this long after the start counts as late. */
const LATE_AFTER_MS = 15 * 60_000;

type SessionRow = typeof academySessions.$inferSelect;
const stepAt = (at: Date) => Math.floor(at.getTime() / STEP_MS);
const mac = (s: SessionRow, step: number) =>
  createHmac('sha256', Buffer.from(s.secret, 'base64url')).update(`${s.id}.${step}`).digest().subarray(0, 16);

export function checkInToken(s: SessionRow, at: Date): string {
  const step = stepAt(at);
  return `${step.toString(36)}.${mac(s, step).toString('base64url')}`;
}

/** The six digits to type instead of scanning, for the step of `at`. */
export function typedCode(s: SessionRow, at: Date, step = stepAt(at)): string {
  const d = createHmac('sha256', Buffer.from(s.secret, 'base64url')).update(`${s.id}.${step}.typed`).digest();
  return String(d.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

function judgeTyped(s: SessionRow, code: string, at: Date): 'ok' | 'forged' | 'expired' {
  const now = stepAt(at);
  const same = (step: number) => timingSafeEqual(Buffer.from(typedCode(s, at, step)), Buffer.from(code));
  for (let step = now + 1; step >= now - GRACE_STEPS; step--) if (same(step)) return 'ok';
  for (let step = now - GRACE_STEPS - 1; step >= now - 4 * GRACE_STEPS; step--) if (same(step)) return 'expired';
  return 'forged';
}

/** 'ok', or why a code is refused: forged (bad format or MAC, or from the future) or expired. */
export function judgeToken(s: SessionRow, token: string, at: Date): 'ok' | 'forged' | 'expired' {
  if (/^[0-9]{6}$/.test(token)) return judgeTyped(s, token, at);
  const m = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return 'forged';
  const step = Number.parseInt(m[1] as string, 36);
  const given = Buffer.from(m[2] as string, 'base64url');
  if (given.length !== 16 || !timingSafeEqual(given, mac(s, step))) return 'forged';
  const now = stepAt(at);
  if (step > now + 1) return 'forged';
  return now - step > GRACE_STEPS ? 'expired' : 'ok';
}

export async function openSession(
  db: Executor,
  actor: Actor,
  cohortId: string,
  input: { title: string; startsAt: string; endsAt: string },
) {
  await cohortTeaching(db, actor, cohortId);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const title = printable(input.title);
  if (!title) throw invalid('title', 'required');
  if (!(endsAt > startsAt)) throw invalid('endsAt', 'before_start');
  const [row] = await db
    .insert(academySessions)
    .values({
      id: newId(),
      cohortId,
      title,
      startsAt,
      endsAt,
      secret: randomBytes(32).toString('base64url'),
    })
    .returning();
  return sessionView(row as SessionRow, 0);
}

const sessionView = (s: SessionRow, present: number) => ({
  id: s.id,
  cohortId: s.cohortId,
  title: s.title,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  closed: s.closedAt !== null,
  present,
});

async function sessionOr404(db: Executor, id: string): Promise<SessionRow> {
  const [s] = await db.select().from(academySessions).where(eq(academySessions.id, id));
  if (!s) throw notFound('session');
  return s;
}

/** The code to show now, its check-in address and a QR code of it (SVG), for the cohort's trainer. */
export async function sessionQr(db: Executor, actor: Actor, sessionId: string, publicBase: string, now = new Date()) {
  const s = await sessionOr404(db, sessionId);
  await cohortTeaching(db, actor, s.cohortId).catch(() => {
    throw notFound('session');
  });
  if (s.closedAt) throw new AppError(409, 'academy_session_closed');
  const token = checkInToken(s, now);
  const url = `${publicBase.replace(/\/$/, '')}/academy/check-in/${s.id}?t=${encodeURIComponent(token)}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const next = (stepAt(now) + 1) * STEP_MS;
  return {
    sessionId: s.id,
    token,
    code: typedCode(s, now),
    url,
    svg,
    rotatesInMs: next - now.getTime(),
    rotateEveryMs: STEP_MS,
  };
}

export async function closeSession(db: Executor, actor: Actor, sessionId: string) {
  const s = await sessionOr404(db, sessionId);
  await cohortTeaching(db, actor, s.cohortId).catch(() => {
    throw notFound('session');
  });
  const [row] = await db
    .update(academySessions)
    .set({ closedAt: sql`coalesce(${academySessions.closedAt}, now())` })
    .where(eq(academySessions.id, s.id))
    .returning();
  return sessionView(row as SessionRow, await presentCount(db, s.id));
}

async function presentCount(db: Executor, sessionId: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(academyAttendance)
    .where(eq(academyAttendance.sessionId, sessionId));
  return r?.n ?? 0;
}

/**
 * A learner checks in with the code they scanned. The code is judged before anything else, so a
 * guess tells nothing about the session; then the learner must be enrolled in its cohort.
 */
export async function checkIn(db: Executor, actor: Actor, sessionId: string, token: string, now = new Date()) {
  if (actor.kind !== 'user') throw unauthenticated();
  const [s] = await db.select().from(academySessions).where(eq(academySessions.id, sessionId));
  const verdict = s ? judgeToken(s, token, now) : 'forged';
  if (!s || verdict === 'forged') throw new AppError(400, 'academy_checkin_invalid');
  if (verdict === 'expired') throw new AppError(410, 'academy_checkin_expired');
  if (s.closedAt && s.closedAt < now) throw new AppError(410, 'academy_session_closed');
  const [enrolled] = await db
    .select({ u: academyEnrolments.userId })
    .from(academyEnrolments)
    .where(and(eq(academyEnrolments.cohortId, s.cohortId), eq(academyEnrolments.userId, actor.userId)));
  if (!enrolled) throw new AppError(403, 'academy_not_enrolled');
  const late = now.getTime() - s.startsAt.getTime() > LATE_AFTER_MS;
  const [fresh] = await db
    .insert(academyAttendance)
    .values({ sessionId: s.id, cohortId: s.cohortId, userId: actor.userId, checkedInAt: now, late })
    .onConflictDoNothing()
    .returning();
  const [row] = fresh
    ? [fresh]
    : await db
        .select()
        .from(academyAttendance)
        .where(and(eq(academyAttendance.sessionId, s.id), eq(academyAttendance.userId, actor.userId)));
  const [cohort] = await db
    .select({ title: academyCohorts.title })
    .from(academyCohorts)
    .where(eq(academyCohorts.id, s.cohortId));
  return {
    sessionId: s.id,
    cohortId: s.cohortId,
    cohortTitle: cohort?.title ?? '',
    title: s.title,
    checkedInAt: (row?.checkedInAt ?? now).toISOString(),
    late: row?.late ?? late,
    alreadyCheckedIn: !fresh,
  };
}

/** Who checked in to a session: the trainer, the centre's staff and operators. */
export async function sessionAttendance(db: Executor, actor: Actor, sessionId: string) {
  const s = await sessionOr404(db, sessionId);
  const { access } = await cohortAccess(db, actor, s.cohortId).catch(() => {
    throw notFound('session');
  });
  if (access === 'learner') throw notFound('session');
  const rows = await db
    .select()
    .from(academyAttendance)
    .where(eq(academyAttendance.sessionId, s.id))
    .orderBy(asc(academyAttendance.checkedInAt));
  const names = await usersByIds(
    db,
    rows.map((r) => r.userId),
  );
  return {
    session: sessionView(s, rows.length),
    items: rows.map((r) => ({
      userId: r.userId,
      displayName: names.get(r.userId)?.displayName ?? '',
      checkedInAt: r.checkedInAt.toISOString(),
      late: r.late,
    })),
  };
}
