import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { useTestApp, testConfig } from '../../../test/db.ts';
import { users } from './schema.ts';
import { normalizeAccountMobile } from './accounts.ts';
import { operatorSession, sessionCookieOf, signUp, TEST_PASSWORD, uniqueEmail, uniqueMobile } from './testing.ts';

const t = useTestApp();

const signInWith = (identifier: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { identifier, password }, headers });

describe('sign-up', () => {
  it('creates an account with an email, hashes the password with argon2id and signs the user in', async () => {
    const email = uniqueEmail('somchai');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: `  ${email.toUpperCase()} `, password: TEST_PASSWORD, displayName: 'สมชาย ใจดี' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email, phone: null, displayName: 'สมชาย ใจดี', roles: ['buyer'], locale: 'th' });
    const [row] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(TEST_PASSWORD);
    const me = await t.app.inject({ url: '/api/me', headers: { cookie: sessionCookieOf(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(email);
  });

  it('stores a Thai mobile number as +66 and accepts it typed another way at sign-in', async () => {
    const typed = uniqueMobile(); // "08x-xxx-xxxx"
    const national = typed.replace(/-/g, '').slice(1);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { phone: typed, password: TEST_PASSWORD, displayName: 'มาลี' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().phone).toBe(`+66${national}`);
    const spaced = `+66 ${national.slice(0, 2)} ${national.slice(2, 5)} ${national.slice(5)}`;
    const signIn = await signInWith(spaced, TEST_PASSWORD);
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().phone).toBe(`+66${national}`);
  });

  it('stores a mainland China mobile as +86 (E.164), and signs in with it typed with or without +86', async () => {
    const national = `13${String(Date.now() % 1e9).padStart(9, '0')}`;
    const typed = `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`; // "138 0013 8000"
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { phone: typed, password: TEST_PASSWORD, displayName: '王小明', locale: 'zh' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().phone).toBe(`+86${national}`);
    for (const form of [national, `+86 ${national}`, `0086${national}`, `+86-${typed.replace(/ /g, '-')}`]) {
      const signIn = await signInWith(form, TEST_PASSWORD);
      expect(signIn.statusCode, form).toBe(200);
      expect(signIn.json().phone).toBe(`+86${national}`);
    }
  });

  it('keeps a number typed without a country code Thai, and refuses what is neither a Thai nor a Chinese mobile', async () => {
    expect(normalizeAccountMobile('0812345678')).toBe('+66812345678');
    expect(normalizeAccountMobile('66812345678')).toBe('+66812345678');
    expect(normalizeAccountMobile('13800138000')).toBe('+8613800138000');
    expect(normalizeAccountMobile('8613800138000')).toBe('+8613800138000');
    for (const bad of ['12800138000', '1380013800', '+86 010 1234 5678', '+6613800138000', '0212345678'])
      expect(normalizeAccountMobile(bad), bad).toBeNull();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { phone: '12800138000', password: TEST_PASSWORD, displayName: 'x' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'phone', code: 'bad_format' })]);
  });

  it('stores 081-234-5678 as +66812345678', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { phone: '081-234-5678', password: TEST_PASSWORD, displayName: 'ทดสอบ' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().phone).toBe('+66812345678');
    expect((await signInWith('+66 81 234 5678', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses an email or phone that already has an account with 409 account_exists', async () => {
    const account = await signUp(t.app, { email: uniqueEmail(), phone: uniqueMobile() });
    const sameEmail = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: account.email!.toUpperCase(), password: TEST_PASSWORD, displayName: 'x' },
    });
    expect(sameEmail.statusCode).toBe(409);
    expect(sameEmail.json()).toMatchObject({ code: 'account_exists', detail: expect.stringContaining('มีบัญชี') });
    const samePhone = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers: { 'accept-language': 'en' },
      payload: { phone: `0${account.phone!.slice(3)}`, password: TEST_PASSWORD, displayName: 'x' },
    });
    expect(samePhone.statusCode).toBe(409);
    expect(samePhone.json().detail).toMatch(/already exists/);
  });

  it('names each bad field: short password, malformed email, a landline, no address at all', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers: { 'accept-language': 'en' },
      payload: { email: 'not-an-email', phone: '02-123-4567', password: 'short', displayName: 'x' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'bad_format', detail: 'has the wrong format' },
        { field: 'phone', code: 'bad_format', detail: 'has the wrong format' },
        { field: 'password', code: 'too_short', detail: 'is too short (at least 8)' },
      ]),
    );
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { password: TEST_PASSWORD, displayName: 'x' },
    });
    expect(none.statusCode).toBe(422);
    expect(
      none
        .json()
        .errors.map((e: any) => e.field)
        .sort(),
    ).toEqual(['email', 'phone']);
  });
});

describe('sign-in', () => {
  it('answers a wrong password and an unknown account identically', async () => {
    const account = await signUp(t.app);
    const wrong = await signInWith(account.email!, 'wrong password!');
    const unknown = await signInWith(uniqueEmail('nobody'), 'wrong password!');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials' });
    expect(unknown.body).toBe(wrong.body);
    expect(wrong.cookies).toEqual([]);
  });

  it('spends about as long on an unknown account as on a wrong password (argon2 runs either way)', async () => {
    const account = await signUp(t.app);
    const time = async (identifier: string) => {
      const t = process.hrtime.bigint();
      await signInWith(identifier, 'wrong password!');
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    await time(account.email!); // warm up
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      wrong.push(await time(account.email!));
      unknown.push(await time(uniqueEmail('ghost')));
    }
    // Skipping the hash would make the unknown account many times faster than the wrong password.
    expect(median(unknown)).toBeGreaterThan(median(wrong) / 3);
  });

  it('ends the session the browser had when it signs in again', async () => {
    const account = await signUp(t.app);
    const res = await signInWith(account.email!, account.password, { cookie: account.cookie });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: account.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: sessionCookieOf(res) } })).statusCode).toBe(200);
  });

  it('sets an httpOnly, SameSite=Lax session cookie that expires after the configured days', async () => {
    const account = await signUp(t.app);
    const res = await signInWith(account.email!, account.password);
    const cookie = res.cookies.find((c) => c.name === 'talad_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(cookie.secure).toBeFalsy();
    const days = (new Date(cookie.expires!).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('marks the cookie Secure when SECURE_COOKIES is on', async () => {
    const secureApp = await buildApp({
      db: t.database.db,
      config: testConfig({ SECURE_COOKIES: 'true' }),
      logger: false,
    });
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        payload: { email: uniqueEmail(), password: TEST_PASSWORD, displayName: 'x' },
      });
      expect(res.cookies[0].secure).toBeFalsy();
      const secure = await secureApp.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        payload: { email: uniqueEmail(), password: TEST_PASSWORD, displayName: 'x' },
      });
      expect(secure.cookies.find((c) => c.name === 'talad_session')!.secure).toBe(true);
    } finally {
      await secureApp.close();
    }
  });

  it('signs out: the session stops working and the cookie is cleared', async () => {
    const account = await signUp(t.app);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: account.cookie } })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: account.cookie } });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'talad_session')?.value).toBe('');
    const me = await t.app.inject({ url: '/api/me', headers: { cookie: account.cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('unauthenticated');
  });
});

describe('sign-in rate limit', () => {
  let limited: FastifyInstance;
  beforeAll(async () => {
    limited = await buildApp({ db: t.database.db, config: testConfig({ SIGN_IN_RATE_LIMIT: '3' }), logger: false });
  });
  afterAll(async () => {
    await limited.close();
  });

  it('stops a fourth attempt on one account within the minute, even from another IP', async () => {
    const account = await signUp(t.app);
    for (let i = 0; i < 3; i++) {
      const res = await limited.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: `10.0.0.${i + 1}`,
        payload: { identifier: account.email, password: 'nope nope nope' },
      });
      expect(res.statusCode).toBe(401);
    }
    const fourth = await limited.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '10.0.0.9',
      payload: { identifier: account.email, password: account.password },
    });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.headers['content-type']).toContain('application/problem+json');
    expect(fourth.json()).toMatchObject({ code: 'rate_limited', detail: 'ทำรายการบ่อยเกินไป กรุณารอสักครู่' });
  });

  it('stops a fourth attempt from one IP, whichever accounts it tries', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await limited.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: '10.1.1.1',
        payload: { identifier: uniqueEmail(), password: 'nope nope nope' },
      });
      expect(res.statusCode).toBe(401);
    }
    const fourth = await limited.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '10.1.1.1',
      headers: { 'accept-language': 'en' },
      payload: { identifier: uniqueEmail(), password: 'x' },
    });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json()).toMatchObject({ code: 'rate_limited', detail: 'Too many attempts, please wait a moment' });
    const otherIp = await limited.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '10.1.1.2',
      payload: { identifier: uniqueEmail(), password: 'x' },
    });
    expect(otherIp.statusCode).toBe(401);
  });

  it('limits sign-ups per IP, so nobody can probe which numbers have accounts', async () => {
    const signUpFrom = (ip: string) =>
      limited.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        remoteAddress: ip,
        payload: { phone: uniqueMobile(), password: TEST_PASSWORD, displayName: 'x' },
      });
    for (let i = 0; i < 3; i++) expect((await signUpFrom('10.2.2.2')).statusCode).toBe(201);
    const fourth = await signUpFrom('10.2.2.2');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().code).toBe('rate_limited');
  });
});

describe('GET /api/me', () => {
  it('shows buyer to everyone and operator to operators', async () => {
    const buyer = await signUp(t.app);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: buyer.cookie } })).json()).toMatchObject({
      roles: ['buyer'],
      sellers: [],
    });
    const op = await operatorSession(t.app);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: op.cookie } })).json().roles).toEqual([
      'buyer',
      'operator',
    ]);
  });

  it('asks a guest to sign in', async () => {
    const res = await t.app.inject({ url: '/api/me', headers: { 'accept-language': 'zh' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('请先登录');
  });
});
