import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signWebhook, verifyWebhook, WebhookRejected } from './webhooks.ts';
import { alipayRequestTime, signAlipay, verifyAlipay, signedContent } from './alipay-signature.ts';

const rejection = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof WebhookRejected ? e.reason : String(e);
  }
};

describe('Standard Webhooks', () => {
  const secret = newWebhookSecret();
  const now = Date.now();
  const ts = Math.floor(now / 1000);

  it('signs exactly as the independent standardwebhooks package does, and accepts what it signs', () => {
    const wh = new Webhook(secret);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.json(), (id, body) => {
        const ours = signWebhook(secret, id, ts, body);
        expect(ours['webhook-signature']).toBe(wh.sign(id, new Date(ts * 1000), body));
        expect(() => wh.verify(body, ours)).not.toThrow();
        const theirs = {
          'webhook-id': id,
          'webhook-timestamp': String(ts),
          'webhook-signature': wh.sign(id, new Date(ts * 1000), body),
        };
        expect(verifyWebhook(secret, theirs, body, now).id).toBe(id);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a forged signature, another secret, a changed body and missing headers', () => {
    const body = JSON.stringify({ type: 'charge.succeeded', data: { amount: 134000 } });
    const headers = signWebhook(secret, 'msg_1', ts, body);
    expect(rejection(() => verifyWebhook(secret, headers, body, now))).toBeNull();
    expect(rejection(() => verifyWebhook(newWebhookSecret(), headers, body, now))).toBe('bad_signature');
    expect(rejection(() => verifyWebhook(secret, headers, body.replace('134000', '1'), now))).toBe('bad_signature');
    expect(rejection(() => verifyWebhook(secret, { ...headers, 'webhook-id': 'msg_2' }, body, now))).toBe(
      'bad_signature',
    );
    expect(
      rejection(() =>
        verifyWebhook(
          secret,
          { ...headers, 'webhook-signature': 'v1,' + Buffer.alloc(32).toString('base64') },
          body,
          now,
        ),
      ),
    ).toBe('bad_signature');
    expect(rejection(() => verifyWebhook(secret, { ...headers, 'webhook-signature': 'v1,AAAA' }, body, now))).toBe(
      'bad_signature',
    );
    expect(rejection(() => verifyWebhook(secret, { 'webhook-id': 'msg_1' }, body, now))).toBe('missing_headers');
    // One valid signature among several (key rotation) is enough.
    expect(
      rejection(() =>
        verifyWebhook(
          secret,
          { ...headers, 'webhook-signature': `v1,bm9wZQ== ${headers['webhook-signature']}` },
          body,
          now,
        ),
      ),
    ).toBeNull();
  });

  it('refuses timestamps more than five minutes old or ahead, even with a valid signature', () => {
    const body = '{}';
    expect(rejection(() => verifyWebhook(secret, signWebhook(secret, 'a', ts - 299, body), body, now))).toBeNull();
    expect(rejection(() => verifyWebhook(secret, signWebhook(secret, 'a', ts - 301, body), body, now))).toBe(
      'stale_timestamp',
    );
    expect(rejection(() => verifyWebhook(secret, signWebhook(secret, 'a', ts + 301, body), body, now))).toBe(
      'stale_timestamp',
    );
  });
});

describe('Alipay SHA256withRSA signatures', () => {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const request = {
    method: 'POST',
    path: '/ams/api/v1/payments/pay',
    clientId: 'SANDBOX_TALAD',
    requestTime: '2026-04-17T09:00:00+07:00',
    body: '{"paymentRequestId":"p1"}',
  };

  it('signs "POST <path>\\n<client-id>.<request-time>.<body>" and verifies with the public key', () => {
    expect(signedContent(request.method, request.path, request.clientId, request.requestTime, request.body)).toBe(
      'POST /ams/api/v1/payments/pay\nSANDBOX_TALAD.2026-04-17T09:00:00+07:00.{"paymentRequestId":"p1"}',
    );
    const header = signAlipay(merchant.privateKey, request);
    expect(header).toMatch(/^algorithm=RSA256,keyVersion=1,signature=[A-Za-z0-9%]+$/);
    expect(verifyAlipay(merchant.publicKey, request, header)).toBe(true);
  });

  it('refuses another key, any changed part of the signed content, and malformed headers', () => {
    const header = signAlipay(merchant.privateKey, request);
    expect(verifyAlipay(other.publicKey, request, header)).toBe(false);
    expect(verifyAlipay(merchant.publicKey, { ...request, body: '{"paymentRequestId":"p2"}' }, header)).toBe(false);
    expect(verifyAlipay(merchant.publicKey, { ...request, path: '/ams/api/v1/payments/refund' }, header)).toBe(false);
    expect(verifyAlipay(merchant.publicKey, { ...request, requestTime: '2026-04-17T09:00:01+07:00' }, header)).toBe(
      false,
    );
    expect(verifyAlipay(merchant.publicKey, { ...request, clientId: 'SOMEONE_ELSE' }, header)).toBe(false);
    expect(verifyAlipay(merchant.publicKey, request, signAlipay(other.privateKey, request))).toBe(false);
    expect(verifyAlipay(merchant.publicKey, request, undefined)).toBe(false);
    expect(verifyAlipay(merchant.publicKey, request, 'algorithm=RSA256,keyVersion=1,signature=%E0%A4%A')).toBe(false);
    expect(verifyAlipay(merchant.publicKey, request, header.replace('RSA256', 'HMAC'))).toBe(false);
  });

  it('writes request-time in Bangkok time with its offset', () => {
    expect(alipayRequestTime(new Date('2026-04-17T02:00:00Z'))).toBe('2026-04-17T09:00:00+07:00');
  });
});
