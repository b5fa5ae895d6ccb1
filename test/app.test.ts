import { describe, expect, it } from 'vitest';
import { useTestApp } from './db.ts';

const t = useTestApp();

describe('the platform shell', () => {
  it('answers the health check after touching the database', async () => {
    const res = await t.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.app.inject('/docs/json');
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
    expect(res.json().info.title).toBe('Talad API');
  });

  it('answers an unknown route with problem+json in the asked language', async () => {
    const th = await t.app.inject({ url: '/api/nope' });
    expect(th.statusCode).toBe(404);
    expect(th.headers['content-type']).toContain('application/problem+json');
    expect(th.json()).toMatchObject({ code: 'not_found', detail: 'ไม่พบข้อมูลที่ต้องการ' });
    const zh = await t.app.inject({ url: '/api/nope', headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(zh.json().detail).toBe('未找到所请求的内容');
    const en = await t.app.inject({ url: '/api/nope', headers: { 'accept-language': 'en-US' } });
    expect(en.json().detail).toBe('The requested resource was not found');
  });

  it('sends secure headers', async () => {
    const res = await t.app.inject('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('request limits', () => {
  it('refuses a body over the size limit with problem+json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cart/items',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify({ variantId: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large', detail: 'The request body is too large' });
  });

  it('refuses malformed JSON with problem+json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cart/items',
      headers: { 'content-type': 'application/json' },
      payload: '{"variantId":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('bad_request');
  });
});

describe('security headers', () => {
  it('are on API answers, pages and errors alike', async () => {
    for (const url of ['/api/health', '/api/nope', '/']) {
      const res = await t.app.inject(url);
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
