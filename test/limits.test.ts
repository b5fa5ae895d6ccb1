// Limits and cross-site requests against the app listening on loopback: hundreds of idle and slow
// sockets do not stop it answering others; long URLs, big headers and big bodies are refused with
// 414 / 431 / 413; a cookie-authenticated state change from another site is refused (CSRF).
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { request as httpRequest } from 'node:http';
import { useTestApp } from './db.ts';
import { signUp } from '../src/modules/identity/testing.ts';

const t = useTestApp();
let origin = '';
const sockets: Socket[] = [];
afterAll(() => {
  for (const s of sockets) s.destroy();
});

/** A raw request whose headers we choose (fetch refuses some of them). */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET', body?: Buffer | string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    let status = 0;
    const req = httpRequest(`${origin}${path}`, { method, headers }, (res) => {
      status = res.statusCode ?? 0;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    // A server that refuses early may close the socket while the rest of the body is still going out.
    req.on('error', (err) => (status ? resolve({ status, headers: {}, body: '' }) : reject(err)));
    if (body) req.write(body);
    req.end();
  });
}

/** The status a server answers to bytes written on a bare socket (it may close before reading them all). */
function statusOfRaw(text: string): Promise<number> {
  return new Promise((resolve) => {
    const { port } = new URL(origin);
    const s = connect(Number(port), '127.0.0.1');
    let got = '';
    s.on('data', (c) => {
      got += c.toString('latin1');
    });
    const done = () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0));
    s.on('error', done);
    s.on('close', done);
    s.write(text);
    setTimeout(() => s.destroy(), 3000);
  });
}

describe('limits on loopback', () => {
  it('keeps answering while 300 sockets sit idle or trickle headers', async () => {
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(origin);
    for (let i = 0; i < 300; i++) {
      const s = connect(Number(port), '127.0.0.1');
      s.on('error', () => {});
      if (i % 2) s.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '); // never finished
      sockets.push(s);
    }
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 20; i++) expect((await raw('/api/health')).status).toBe(200);
  });

  it('refuses a long URL with 414, big headers with 431 and a big body with 413, as problems', async () => {
    const long = await raw(`/api/products?q=${'a'.repeat(9000)}`, { 'accept-language': 'en' });
    expect(long.status).toBe(414);
    expect(JSON.parse(long.body).code).toBe('uri_too_long');
    expect(String(long.headers['content-type'])).toContain('application/problem+json');
    expect(await statusOfRaw(`GET /api/products?q=${'a'.repeat(40_000)} HTTP/1.1\r\nHost: x\r\n\r\n`)).toBe(431);
    expect(await statusOfRaw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(40_000)}\r\n\r\n`)).toBe(431);
    const big = await raw(
      '/api/auth/sign-in',
      { 'content-type': 'application/json' },
      'POST',
      JSON.stringify({ identifier: 'x'.repeat(2 * 1024 * 1024), password: 'x' }),
    );
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).code).toBe('payload_too_large');
    const upload = await raw(
      '/cart/add',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'POST',
      `variantId=${'v'.repeat(64 * 1024)}`,
    );
    expect(upload.status).toBe(413);
    for (let i = 0; i < 5; i++) expect((await raw('/api/health')).status).toBe(200);
  });
});

describe('cross-site requests (CSRF)', () => {
  it('refuses cookie-authenticated state changes from another site, /cart/add included', async () => {
    const buyer = await signUp(t.app, { displayName: 'ผู้ซื้อ' });
    const evil = await t.app.inject({
      method: 'POST',
      url: '/api/cart/items',
      headers: { cookie: buyer.cookie, origin: 'https://evil.example', 'content-type': 'text/plain' },
      payload: JSON.stringify({ variantId: crypto.randomUUID(), quantity: 1 }),
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().code).toBe('cross_site_request');
    const form = await t.app.inject({
      method: 'POST',
      url: '/cart/add',
      headers: {
        cookie: buyer.cookie,
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: `variantId=${crypto.randomUUID()}&quantity=1`,
    });
    expect(form.statusCode).toBe(403);
    const signOut = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: buyer.cookie, origin: 'null' },
    });
    expect(signOut.statusCode).toBe(403);
    // The shop's own pages post from the same origin.
    const own = await t.app.inject({
      method: 'POST',
      url: '/cart/add',
      headers: {
        cookie: buyer.cookie,
        host: 'talad.test',
        origin: 'http://talad.test',
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: `variantId=${crypto.randomUUID()}&quantity=1&next=https://evil.example/`,
    });
    expect(own.statusCode).toBe(303);
    expect(own.headers.location).not.toContain('evil.example');
  });
});
