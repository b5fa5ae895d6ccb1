// Accounts and sessions: sign-up and sign-in with an email or a Thai mobile number, argon2id
// password hashes, and server-side sessions whose secret only the cookie holds.
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { hash, verify } from '@node-rs/argon2';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, unauthenticated, type FieldError } from '../../platform/errors.ts';
import { hashSecret, newId, newSecret } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../platform/idempotency.ts';
import type { Locale } from '../../platform/i18n.ts';
import { normalizeEmail, normalizeThaiMobile } from '../../platform/thai.ts';
import { sessions, users } from './schema.ts';
import './messages.ts';

export const PASSWORD_MIN_LENGTH = 8;
// argon2 hashes whatever it is given; a cap keeps a megabyte "password" from costing CPU.
export const PASSWORD_MAX_LENGTH = 256;
const DISPLAY_NAME_MAX_LENGTH = 100;

export type Role = 'buyer' | 'operator';
export interface User {
  id: string;
  email: string | null;
  phone: string | null;
  displayName: string;
  locale: Locale;
  roles: Role[];
  createdAt: string;
}

type UserRow = typeof users.$inferSelect;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    phone: row.phone,
    displayName: row.displayName,
    locale: (['th', 'zh', 'en'].includes(row.locale) ? row.locale : 'th') as Locale,
    roles: row.isOperator ? ['buyer', 'operator'] : ['buyer'],
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A mainland China mobile number as E.164 (+86 and 11 digits starting 13-19), typed with or
 * without +86 / 0086 / 86, spaces or dashes: Chinese shoppers sign up with theirs.
 */
export function normalizeChinaMobile(input: string): string | null {
  const s = input.replace(/[\s\-().]/g, '');
  const national = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(s)?.[1];
  return national ? `+86${national}` : null;
}

/**
 * An account's mobile number as E.164: a Thai mobile (+66; a number typed without a country code
 * and starting 0 stays Thai) or a mainland China one (+86). The two never read alike: Thai
 * national numbers start with the trunk 0, Chinese mobiles with 1.
 */
export function normalizeAccountMobile(input: string): string | null {
  return normalizeThaiMobile(input) ?? normalizeChinaMobile(input);
}

/** An email or a mobile number (Thai or Chinese) as typed, in the form accounts are stored under. */
export function parseLogin(identifier: string): { email: string } | { phone: string } | null {
  if (identifier.includes('@')) {
    const email = normalizeEmail(identifier);
    return email ? { email } : null;
  }
  const phone = normalizeAccountMobile(identifier);
  return phone ? { phone } : null;
}

export interface NewUser {
  email?: string | null;
  phone?: string | null;
  password: string;
  displayName: string;
  locale?: Locale;
  isOperator?: boolean;
}

function checkPassword(password: string, errors: FieldError[]): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    errors.push({ field: 'password', code: 'too_short', params: { min: PASSWORD_MIN_LENGTH } });
  else if (length > PASSWORD_MAX_LENGTH)
    errors.push({ field: 'password', code: 'too_long', params: { max: PASSWORD_MAX_LENGTH } });
}

/**
 * Creates an account (also used by the demo seed for operators). Needs an email or a mobile
 * number (Thai or mainland China) or both; an address already taken is a 409 `account_exists`.
 */
export async function createUser(db: Executor, input: NewUser): Promise<User> {
  const errors: FieldError[] = [];
  const hasEmail = Boolean(input.email?.trim());
  const hasPhone = Boolean(input.phone?.trim());
  const email = hasEmail ? normalizeEmail(input.email!) : null;
  const phone = hasPhone ? normalizeAccountMobile(input.phone!) : null;
  if (!hasEmail && !hasPhone) {
    errors.push({ field: 'email', code: 'required' }, { field: 'phone', code: 'required' });
  }
  if (hasEmail && !email) errors.push({ field: 'email', code: 'bad_format' });
  if (hasPhone && !phone) errors.push({ field: 'phone', code: 'bad_format' });
  checkPassword(input.password, errors);
  const displayName = input.displayName.trim();
  if (!displayName) errors.push({ field: 'displayName', code: 'required' });
  else if (displayName.length > DISPLAY_NAME_MAX_LENGTH)
    errors.push({ field: 'displayName', code: 'too_long', params: { max: DISPLAY_NAME_MAX_LENGTH } });
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);

  const taken = await db
    .select({ id: users.id })
    .from(users)
    .where(or(email ? eq(users.email, email) : sql`false`, phone ? eq(users.phone, phone) : sql`false`))
    .limit(1);
  if (taken.length) throw new AppError(409, 'account_exists');

  const passwordHash = await hash(input.password); // @node-rs/argon2 defaults to argon2id
  try {
    const [row] = await db
      .insert(users)
      .values({
        id: newId(),
        email,
        phone,
        passwordHash,
        displayName,
        locale: input.locale ?? 'th',
        isOperator: input.isOperator ?? false,
      })
      .returning();
    return toUser(row);
  } catch (err) {
    // Two sign-ups with the same address at once: the unique index decides.
    if (isUniqueViolation(err)) throw new AppError(409, 'account_exists');
    throw err;
  }
}

export interface Session {
  token: string;
  expiresAt: Date;
}

/** Enough of a User-Agent to name the browser and system; the rest is not worth keeping. */
const USER_AGENT_MAX_LENGTH = 400;

export async function startSession(
  db: Executor,
  userId: string,
  ttlDays: number,
  userAgent?: string | null,
): Promise<Session> {
  const token = newSecret();
  const expiresAt = new Date(Date.now() + ttlDays * 24 * 60 * 60 * 1000);
  await db.insert(sessions).values({
    tokenHash: hashSecret(token),
    userId,
    expiresAt,
    userAgent: userAgent ? userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
  });
  // Housekeeping: a user's expired sessions go when they next sign in.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, sql`now()`)));
  return { token, expiresAt };
}

/** Sign-up always creates a buyer; operators are made by the seed or by another operator's tooling. */
export async function signUp(
  db: Executor,
  _actor: Actor,
  input: Omit<NewUser, 'isOperator'> & { sessionTtlDays: number; userAgent?: string },
): Promise<{ user: User; session: Session }> {
  const user = await createUser(db, { ...input, isOperator: false });
  return { user, session: await startSession(db, user.id, input.sessionTtlDays, input.userAgent) };
}

let dummyHash: Promise<string> | undefined;
/** A real argon2id hash of nothing anyone knows, so an unknown account costs one verify too. */
const dummyPasswordHash = () => (dummyHash ??= hash(newSecret()));

/**
 * A wrong password and an unknown account get the same 401 `invalid_credentials`, after the same
 * amount of argon2 work, so the answer does not reveal which accounts exist.
 */
export async function signIn(
  db: Executor,
  _actor: Actor,
  input: { identifier: string; password: string; sessionTtlDays: number; userAgent?: string },
): Promise<{ user: User; session: Session }> {
  const login = parseLogin(input.identifier);
  const [row] = login
    ? await db
        .select()
        .from(users)
        .where('email' in login ? eq(users.email, login.email) : eq(users.phone, login.phone))
    : [];
  const password = input.password.slice(0, PASSWORD_MAX_LENGTH * 4);
  const ok = row
    ? await verify(row.passwordHash, password)
    : (await verify(await dummyPasswordHash(), password), false);
  if (!row || !ok) throw new AppError(401, 'invalid_credentials');
  return { user: toUser(row), session: await startSession(db, row.id, input.sessionTtlDays, input.userAgent) };
}

/** Ends the session the cookie names; signing out twice is harmless. */
export async function signOut(db: Executor, sessionToken: string | undefined): Promise<void> {
  if (sessionToken) await db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(sessionToken)));
}

export async function getUser(db: Executor, userId: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row ? toUser(row) : null;
}

export async function usersByIds(db: Executor, ids: string[]): Promise<Map<string, User>> {
  if (!ids.length) return new Map();
  const rows = await db.select().from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, toUser(r)]));
}

/** The signed-in user; guests and integrations get 401. */
export async function currentUser(db: Executor, actor: Actor): Promise<User> {
  if (actor.kind !== 'user') throw unauthenticated();
  const user = await getUser(db, actor.userId);
  if (!user) throw unauthenticated();
  return user;
}

/**
 * A session as its account sees it: a public id (not the secret), the browser that opened it, when
 * it started, was last used (to within five minutes) and ends.
 */
export interface SessionInfo {
  id: string;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

const sessionId = (tokenHash: string) => tokenHash.slice(0, 24);

/** The signed-in account's live sessions: the one asking (`current`) first, then the last used first. */
export async function listSessions(db: Executor, actor: Actor, currentToken?: string): Promise<SessionInfo[]> {
  if (actor.kind !== 'user') throw unauthenticated();
  const mine = currentToken ? hashSecret(currentToken) : '';
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, actor.userId), sql`${sessions.expiresAt} > now()`));
  return rows
    .sort((a, b) => Number(b.tokenHash === mine) - Number(a.tokenHash === mine) || +b.lastSeenAt - +a.lastSeenAt)
    .map((r) => ({
      id: sessionId(r.tokenHash),
      userAgent: r.userAgent,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      current: r.tokenHash === mine,
    }));
}

/** Ends one of the account's own sessions; another account's session id is simply not found. */
export async function revokeSession(db: Executor, actor: Actor, id: string): Promise<void> {
  if (actor.kind !== 'user') throw unauthenticated();
  const gone = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, actor.userId), sql`left(${sessions.tokenHash}, 24) = ${id}`))
    .returning({ t: sessions.tokenHash });
  if (!gone.length) throw new AppError(404, 'not_found', { what: 'session' });
}

/** Ends every session of the account but the one asking ("sign out everywhere else"); how many ended. */
export async function revokeOtherSessions(db: Executor, actor: Actor, currentToken?: string): Promise<number> {
  if (actor.kind !== 'user') throw unauthenticated();
  const keep = currentToken ? hashSecret(currentToken) : '';
  const gone = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, actor.userId), sql`${sessions.tokenHash} <> ${keep}`))
    .returning({ t: sessions.tokenHash });
  return gone.length;
}

/** Changes the password after checking the current one; every other session of the account ends. */
export async function changePassword(
  db: Executor,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepToken?: string },
): Promise<void> {
  if (actor.kind !== 'user') throw unauthenticated();
  const [row] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!row || !(await verify(row.passwordHash, input.currentPassword.slice(0, PASSWORD_MAX_LENGTH * 4))))
    throw new AppError(401, 'invalid_credentials');
  if (input.newPassword.length < PASSWORD_MIN_LENGTH || input.newPassword.length > PASSWORD_MAX_LENGTH)
    throw new AppError(422, 'validation_failed', {}, [
      { field: 'newPassword', code: 'too_short', params: { min: PASSWORD_MIN_LENGTH } },
    ]);
  await db
    .update(users)
    .set({ passwordHash: await hash(input.newPassword) })
    .where(eq(users.id, actor.userId));
  await revokeOtherSessions(db, actor, input.keepToken);
}
