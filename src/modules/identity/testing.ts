// Test helpers for every module's tests: accounts and signed-in sessions in a few lines.
//   const buyer = await signUp(app);                 // { cookie, userId, email, phone, password }
//   await app.inject({ url: '/api/me', headers: { cookie: buyer.cookie } });
//   const op = await operatorSession(app);           // an operator, signed in
import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../platform/db.ts';
import { createUser } from './accounts.ts';
import { SESSION_COOKIE } from './service.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}${randomInt(1e6).toString(36)}`;

/** A fresh address each call, so tests sharing one database never collide. */
export const uniqueEmail = (label = 'user') => `${label}.${unique()}@example.test`;
/** A fresh Thai mobile number in the way people type it, e.g. "081-234-5678". */
export const uniqueMobile = () => {
  const digits = `08${String(randomInt(1e8)).padStart(8, '0')}`;
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
};

export interface TestAccount {
  /** The value for a `cookie` request header: `talad_session=...`. */
  cookie: string;
  userId: string;
  email: string | null;
  phone: string | null;
  password: string;
}

/** The `cookie` header that carries the session a sign-up or sign-in response set. */
export function sessionCookieOf(res: { cookies: { name: string; value: string }[] }): string {
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  if (!c) throw new Error('the response set no session cookie');
  return `${SESSION_COOKIE}=${c.value}`;
}

/** Signs up through the API (email by default) and returns the signed-in session. */
export async function signUp(
  app: FastifyInstance,
  input: { email?: string; phone?: string; password?: string; displayName?: string; locale?: 'th' | 'zh' | 'en' } = {},
): Promise<TestAccount> {
  const body = {
    ...(input.email || !input.phone ? { email: input.email ?? uniqueEmail() } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    password: input.password ?? TEST_PASSWORD,
    displayName: input.displayName ?? 'ผู้ทดสอบ',
    ...(input.locale ? { locale: input.locale } : {}),
  };
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: body });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  const user = res.json();
  return {
    cookie: sessionCookieOf(res),
    userId: user.id,
    email: user.email,
    phone: user.phone,
    password: body.password,
  };
}

/** Signs in through the API; returns the `cookie` header value. */
export async function signIn(app: FastifyInstance, identifier: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { identifier, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return sessionCookieOf(res);
}

/** Creates a platform operator account directly (sign-up never makes operators). */
export async function makeOperator(
  db: Executor,
  input: { email?: string; password?: string; displayName?: string } = {},
): Promise<{ userId: string; email: string; password: string }> {
  const email = input.email ?? uniqueEmail('operator');
  const password = input.password ?? TEST_PASSWORD;
  const user = await createUser(db, {
    email,
    password,
    displayName: input.displayName ?? 'ผู้ดูแลระบบ',
    isOperator: true,
  });
  return { userId: user.id, email, password };
}

/** An operator, signed in through the API. */
export async function operatorSession(app: FastifyInstance): Promise<TestAccount> {
  const op = await makeOperator(app.db);
  return {
    cookie: await signIn(app, op.email, op.password),
    userId: op.userId,
    email: op.email,
    phone: null,
    password: op.password,
  };
}

// The test entry: the module's public entry, and what only tests reach.
export * from './index.ts';
export { sessions, users } from './schema.ts';
