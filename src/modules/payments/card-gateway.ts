// The card-and-PromptPay gateway adapter (a charges API in the style of Thai card acquirers). We
// create a charge per intent with the intent id as Idempotency-Key; for PromptPay the platform
// shows its own dynamic QR (promptpay.ts) and the gateway matches the incoming transfer by the
// reference in it. Notifications carry Standard Webhooks signatures (webhooks.ts); the webhook id
// is the notification id we de-duplicate on. A 2xx answer acknowledges; anything else is retried.
import type { Locale } from '../../platform/i18n.ts';
import type { CardGatewaySettings } from './config.ts';
import {
  GatewayError,
  NotificationRejected,
  type GatewayNotification,
  type HttpAnswer,
  type PaymentProvider,
  type RawNotification,
  type Transport,
} from './provider.ts';
import { verifyWebhook, WebhookRejected } from './webhooks.ts';

export function cardGatewayProvider(
  s: CardGatewaySettings,
  transport: Transport,
  urls: { redirect: (intentId: string, locale?: Locale) => string },
): PaymentProvider {
  async function call(path: string, idempotencyKey: string, payload: object): Promise<Record<string, any>> {
    const res = await transport({
      method: 'POST',
      url: `${s.gatewayUrl}${path}`,
      body: JSON.stringify(payload),
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${s.apiKey}`,
        'idempotency-key': idempotencyKey,
      },
    });
    if (res.status >= 300)
      throw new GatewayError('gateway', `${path} answered ${res.status}: ${res.body.slice(0, 200)}`);
    return JSON.parse(res.body);
  }

  return {
    name: 'gateway',

    async startPayment(intent) {
      const charge = await call('/v1/charges', intent.id, {
        amount: intent.amount,
        currency: intent.currency,
        method: intent.method,
        reference: intent.reference,
        expiresAt: intent.expiresAt.toISOString(),
        returnUrl: urls.redirect(intent.id, intent.locale),
      });
      return { providerRef: String(charge.id), redirectUrl: charge.authorizeUri ? String(charge.authorizeUri) : null };
    },

    async requestRefund(r) {
      const refund = await call(`/v1/charges/${encodeURIComponent(r.providerRef)}/refunds`, r.refundId, {
        amount: r.amount,
        currency: r.currency,
        reason: r.reason.slice(0, 256),
      });
      return {
        status: refund.status === 'succeeded' ? 'succeeded' : refund.status === 'failed' ? 'failed' : 'pending',
        providerRefundId: refund.id ? String(refund.id) : null,
      };
    },

    readNotification(raw: RawNotification, now = Date.now()): GatewayNotification {
      let id: string;
      try {
        id = verifyWebhook(s.webhookSecret, raw.headers, raw.body, now).id;
      } catch (err) {
        if (err instanceof WebhookRejected)
          throw new NotificationRejected(401, err.reason === 'stale_timestamp' ? 'stale_timestamp' : 'bad_signature');
        throw err;
      }
      let event: any;
      try {
        event = JSON.parse(raw.body);
      } catch {
        throw new NotificationRejected(400, 'bad_request');
      }
      const kinds: Record<string, GatewayNotification['kind']> = {
        'charge.processing': 'processing',
        'charge.succeeded': 'succeeded',
        'charge.failed': 'failed',
        'charge.expired': 'failed',
        'refund.succeeded': 'refund_succeeded',
        'refund.failed': 'refund_failed',
      };
      const kind = kinds[event?.type];
      const d = event?.data ?? {};
      if (!kind) throw new NotificationRejected(400, 'bad_request');
      return {
        provider: 'gateway',
        notificationId: id,
        kind,
        intentId: String(d.merchantRequestId ?? ''),
        providerRef: String(d.chargeId ?? ''),
        amount: Number(d.amount),
        currency: String(d.currency ?? ''),
        ...(d.refundRequestId ? { refundId: String(d.refundRequestId) } : {}),
        ...(d.failureCode ? { failureCode: String(d.failureCode) } : {}),
      };
    },

    answer(outcome): HttpAnswer {
      return outcome.ok
        ? { status: 204, headers: {}, body: '' }
        : {
            status: outcome.status,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ error: outcome.code }),
          };
    },
  };
}
