// Sessions end on sign-out and on a password change; an account lists and revokes its own sessions
// and cannot touch another account's.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestApp } from '../../../test/db.ts';
import { signIn, signUp, TEST_PASSWORD } from './testing.ts';

const t = useTestApp();
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: { cookie } });

describe('sessions', () => {
  it('lists, revokes, and ends them on sign-out and password change', async () => {
    const a = await signUp(t.app, { displayName: 'สมชาย' });
    const phone = await signIn(t.app, a.email!);
    const list = await me(a.cookie);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(2);
    const other = list.json().find((s: { current: boolean }) => !s.current);
    // Another account cannot end it.
    const b = await signUp(t.app, { displayName: 'สมหญิง' });
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other.id}`,
      headers: { cookie: b.cookie },
    });
    expect(foreign.statusCode).toBe(404);
    expect((await me(phone)).statusCode).toBe(200);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other.id}`,
      headers: { cookie: a.cookie },
    });
    expect(revoke.statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    // A password change ends every other session; the old password no longer signs in.
    const laptop = await signIn(t.app, a.email!);
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: a.cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a new long passphrase' },
    });
    expect(change.statusCode).toBe(204);
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(a.cookie)).statusCode).toBe(200);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { identifier: a.email, password: TEST_PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    // Sign-out ends the session for good.
    await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: a.cookie } });
    expect((await me(a.cookie)).statusCode).toBe(401);
  });

  it('names each device, keeps when it was last seen (written at most every five minutes), and ends all the others', async () => {
    const a = await signUp(t.app, { displayName: 'มานี' });
    const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'user-agent': firefox },
      payload: { identifier: a.email, password: TEST_PASSWORD },
    });
    const laptop = String(signedIn.headers['set-cookie']).split(';')[0];
    const list = (await me(a.cookie)).json();
    expect(list[0].current).toBe(true);
    const other = list.find((s: { current: boolean }) => !s.current);
    expect(other.userAgent).toBe(firefox);
    // Used ten minutes ago: the next request writes the time; used a minute ago: nothing is written.
    await t.app.db.execute(
      sql`update sessions set last_seen_at = now() - interval '10 minutes' where user_id = ${a.userId}`,
    );
    await me(laptop);
    const seen = (await me(a.cookie)).json();
    const minutesAgo = (iso: string) => (Date.now() - Date.parse(iso)) / 60_000;
    for (const s of seen) expect(minutesAgo(s.lastSeenAt)).toBeLessThan(1);
    await t.app.db.execute(
      sql`update sessions set last_seen_at = now() - interval '1 minute' where user_id = ${a.userId}`,
    );
    await me(laptop);
    for (const s of (await me(a.cookie)).json()) expect(minutesAgo(s.lastSeenAt)).toBeGreaterThan(0.9);
    // Sign out everywhere else: the laptop is signed out, this browser stays in.
    const phone = await signIn(t.app, a.email!);
    const all = await t.app.inject({ method: 'DELETE', url: '/api/auth/sessions', headers: { cookie: a.cookie } });
    expect(all.json()).toEqual({ ended: 2 });
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(a.cookie)).json()).toHaveLength(1);
  });
});
