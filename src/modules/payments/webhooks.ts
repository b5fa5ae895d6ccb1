// Standard Webhooks (../shared/REFERENCE.md, "Payments and webhooks"): webhook-id, webhook-timestamp
// and webhook-signature = "v1," + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)), where the
// secret is "whsec_" + base64(key). Timestamps more than 5 minutes away are refused, signatures are
// compared in constant time, and the id is the idempotency key (de-duplicated by the caller).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export class WebhookRejected extends Error {
  constructor(readonly reason: 'missing_headers' | 'stale_timestamp' | 'bad_signature') {
    super(reason);
  }
}

export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

function keyOf(secret: string): Buffer {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
  if (key.length < 16) throw new Error('a webhook secret must hold at least 16 bytes');
  return key;
}

const digest = (key: Buffer, id: string, timestamp: string, body: string) =>
  createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();

export function signWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const ts = String(timestampSeconds);
  return {
    'webhook-id': id,
    'webhook-timestamp': ts,
    'webhook-signature': `v1,${digest(keyOf(secret), id, ts, body).toString('base64')}`,
  };
}

/** Checks a delivery; returns its id, or throws WebhookRejected. `body` is the raw request body. */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now = Date.now(),
): { id: string; timestamp: number } {
  const one = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const id = one('webhook-id');
  const ts = one('webhook-timestamp');
  const signatures = one('webhook-signature');
  if (!id || !ts || !signatures) throw new WebhookRejected('missing_headers');
  if (!/^\d{1,12}$/.test(ts) || Math.abs(Math.floor(now / 1000) - Number(ts)) > WEBHOOK_TOLERANCE_SECONDS)
    throw new WebhookRejected('stale_timestamp');
  const expected = digest(keyOf(secret), id, ts, body);
  // The header may carry several space-separated signatures (key rotation); one match is enough.
  let match = false;
  for (const part of signatures.split(' ')) {
    const [version, value] = part.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const given = Buffer.from(value, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) match = true;
  }
  if (!match) throw new WebhookRejected('bad_signature');
  return { id, timestamp: Number(ts) };
}
