import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { operatorSession, signUp } from '../identity/testing.ts';
import { DEMO_COURSE_ID, demoCourse } from './course.ts';

const t = useTestApp();

const correctAnswers = (ids: string[]) =>
  Object.fromEntries(
    ids.map((id) => {
      const q = demoCourse.quiz.bank.find((x) => x.id === id);
      if (!q) throw new Error(id);
      return [id, q.kind === 'multiple' ? q.correct : (q.correct[0] as string)];
    }),
  );

async function start(cookie: string, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/academy/courses/${DEMO_COURSE_ID}/attempts`,
    headers: { cookie, ...headers },
    payload: {},
  });
}

async function passQuiz(cookie: string) {
  const a = (await start(cookie)).json();
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/academy/attempts/${a.attemptId}/submit`,
    headers: { cookie },
    payload: { answers: correctAnswers(a.questions.map((q: { id: string }) => q.id)) },
  });
  return res.json();
}

describe('courses', () => {
  it('shows the demo course in Thai, Chinese and English with lessons, time and the learner’s progress', async () => {
    const learner = await signUp(t.app);
    const zh = await t.app.inject({
      url: `/api/academy/courses/${DEMO_COURSE_ID}`,
      headers: { cookie: learner.cookie, 'accept-language': 'zh' },
    });
    expect(zh.statusCode).toBe(200);
    expect(zh.json().title).toBe('SMEs 4.0：网上销售');
    const th = (
      await t.app.inject({ url: `/api/academy/courses/${DEMO_COURSE_ID}`, headers: { cookie: learner.cookie } })
    ).json();
    expect(th.title).toBe('SMEs 4.0: ขายออนไลน์');
    const china = th.modules
      .flatMap((m: { lessons: unknown[] }) => m.lessons)
      .find((l: { id: string }) => l.id === 'selling-to-china');
    expect(china.body).toContain('5,000 หยวน');
    expect(china.body).toContain('26,000');
    expect(th.estimatedMinutes).toBe(110);
    expect(th.progress).toEqual({ done: 0, total: 5 });
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/academy/courses/${DEMO_COURSE_ID}/lessons/open-shop/complete`,
      headers: { cookie: learner.cookie },
    });
    expect(done.json()).toEqual({ done: 1, total: 5 });
  });
});

describe('quizzes', () => {
  it('draws one attempt per category and never sends the answers or feedback before submission', async () => {
    const learner = await signUp(t.app);
    const res = await start(learner.cookie);
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a.questions).toHaveLength(6);
    const cats = a.questions.map((q: { id: string }) => demoCourse.quiz.bank.find((b) => b.id === q.id)?.category);
    expect(cats.filter((c: string) => c === 'china')).toHaveLength(2);
    expect(res.body).not.toMatch(/"correct"|"feedback"/);
    // The answer of a short question (5000) appears nowhere in what the browser got.
    expect(res.body).not.toContain('5000');
  });

  it('grades on the server with feedback per question; a failed attempt counts, and attempts run out', async () => {
    const learner = await signUp(t.app);
    for (let i = 1; i <= 3; i++) {
      const a = (await start(learner.cookie)).json();
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/academy/attempts/${a.attemptId}/submit`,
        headers: { cookie: learner.cookie },
        payload: { answers: {} },
      });
      expect(r.json()).toMatchObject({ passed: false, scorePercent: 0, attemptsLeft: 3 - i, credentialId: null });
      expect(r.json().results[0].feedback).toBeTruthy();
    }
    const over = await start(learner.cookie, { 'accept-language': 'zh' });
    expect(over.statusCode).toBe(409);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(over.json()).toMatchObject({ code: 'academy_no_attempts_left' });
    expect(over.json().detail).toContain('3');
  });

  it('lets only the last allowed attempt start when a learner starts many at once', async () => {
    const learner = await signUp(t.app);
    const all = await Promise.all(Array.from({ length: 6 }, () => start(learner.cookie)));
    expect(all.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(all.filter((r) => r.statusCode === 409)).toHaveLength(3);
  });

  it('grades a resent submission once and a repeated Idempotency-Key returns the same attempt', async () => {
    const learner = await signUp(t.app);
    const a = (await start(learner.cookie, { 'idempotency-key': 'offline-1' })).json();
    const again = (await start(learner.cookie, { 'idempotency-key': 'offline-1' })).json();
    expect(again.attemptId).toBe(a.attemptId);
    const answers = correctAnswers(a.questions.map((q: { id: string }) => q.id));
    const [r1, r2] = await Promise.all(
      [answers, {}].map((ans) =>
        t.app.inject({
          method: 'POST',
          url: `/api/academy/attempts/${a.attemptId}/submit`,
          headers: { cookie: learner.cookie },
          payload: { answers: ans },
        }),
      ),
    );
    expect(r1?.json().scorePercent).toBe(r2?.json().scorePercent);
  });

  it('shows grades only to the learner and operators; another learner gets 404', async () => {
    const learner = await signUp(t.app);
    const other = await signUp(t.app);
    await passQuiz(learner.cookie);
    const mine = await t.app.inject({ url: '/api/academy/me/grades', headers: { cookie: learner.cookie } });
    expect(mine.json().items).toHaveLength(1);
    const peek = await t.app.inject({
      url: `/api/academy/learners/${learner.userId}/grades`,
      headers: { cookie: other.cookie },
    });
    expect(peek.statusCode).toBe(404);
    const op = await operatorSession(t.app);
    const seen = await t.app.inject({
      url: `/api/academy/learners/${learner.userId}/grades`,
      headers: { cookie: op.cookie },
    });
    expect(seen.json().items[0].passed).toBe(true);
    const other2 = await t.app.inject({
      method: 'POST',
      url: `/api/academy/attempts/${(await start(other.cookie)).json().attemptId}/submit`,
      headers: { cookie: learner.cookie },
      payload: { answers: {} },
    });
    expect(other2.statusCode).toBe(404);
  });
});

describe('credentials', () => {
  it('issues an Open Badges 3.0 VC-JWT that jose verifies with the published key; a tampered one fails', async () => {
    const learner = await signUp(t.app, { displayName: 'สมศรี ใจดี' });
    const result = await passQuiz(learner.cookie);
    expect(result.passed).toBe(true);
    const cred = (await t.app.inject({ url: `/api/academy/credentials/${result.credentialId}` })).json();
    const jwks = (await t.app.inject({ url: '/api/academy/issuer/jwks' })).json();
    const { payload, protectedHeader } = await jwtVerify(cred.jwt, createLocalJWKSet(jwks), {
      issuer: (await t.app.inject({ url: '/api/academy/issuer' })).json().id,
    });
    expect(protectedHeader.alg).toBe('EdDSA');
    const vc = payload.vc as {
      type: string[];
      '@context': string[];
      validFrom: string;
      credentialSubject: { name: string; achievement: { criteria: { narrative: string } } };
      credentialStatus: { id: string };
    };
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc['@context']).toContain('https://www.w3.org/ns/credentials/v2');
    expect(vc.credentialSubject.achievement.criteria.narrative).toBeTruthy();
    expect(vc.credentialSubject.name).toBe('สมศรี ใจดี');
    expect(vc.credentialStatus.id).toContain(`/credentials/${result.credentialId}/status`);
    expect(Date.parse(vc.validFrom)).toBeLessThanOrEqual(Date.now());

    const ok = (await t.app.inject({ method: 'POST', url: '/api/academy/verify', payload: { jwt: cred.jwt } })).json();
    expect(ok.valid).toBe(true);

    // Change the learner's name in the payload, keep the signature.
    const [h, p, s] = cred.jwt.split('.');
    const forged = JSON.parse(Buffer.from(p, 'base64url').toString());
    forged.vc.credentialSubject.name = 'คนอื่น';
    const tampered = `${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${s}`;
    await expect(jwtVerify(tampered, createLocalJWKSet(jwks))).rejects.toThrow();
    const bad = (await t.app.inject({ method: 'POST', url: '/api/academy/verify', payload: { jwt: tampered } })).json();
    expect(bad.valid).toBe(false);
    expect(bad.checks.signature).toBe(false);
  });

  it('says a revoked credential is not valid any more', async () => {
    const learner = await signUp(t.app);
    const { credentialId } = await passQuiz(learner.cookie);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/academy/credentials/${credentialId}/revoke`,
      headers: { cookie: learner.cookie },
      payload: { reason: 'self' },
    });
    expect(refused.statusCode).toBe(403);
    const op = await operatorSession(t.app);
    await t.app.inject({
      method: 'POST',
      url: `/api/academy/credentials/${credentialId}/revoke`,
      headers: { cookie: op.cookie },
      payload: { reason: 'ทุจริตในการสอบ' },
    });
    const v = (await t.app.inject({ url: `/api/academy/credentials/${credentialId}/verify` })).json();
    expect(v).toMatchObject({ valid: false, checks: { signature: true, revocation: false } });
    const status = (await t.app.inject({ url: `/api/academy/credentials/${credentialId}/status` })).json();
    expect(status.revoked).toBe(true);
  });

  it('prints a Thai PDF certificate whose text layer reads in Thai, with the Buddhist year', async () => {
    const learner = await signUp(t.app, { displayName: 'มานี มีนา' });
    const { credentialId } = await passQuiz(learner.cookie);
    const pdf = await t.app.inject({ url: `/api/academy/credentials/${credentialId}/certificate.pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = `/tmp/academy-cert-${credentialId}.pdf`;
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('ประกาศนียบัตร');
    expect(text).toContain('มานี มีนา');
    expect(text).toContain(String(new Date().getFullYear() + 543));
  });
});
