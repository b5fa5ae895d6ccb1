// The Alipay global online-payments adapter: cashier payments in CNY. Requests are signed with the
// merchant's RSA key and answers and notifications verified with Alipay's public key (see
// alipay-signature.ts); the payment request id is our intent id, which makes a retried request
// the same payment. Notifications are answered in Alipay's format: {"result": {...}}.
import type { Locale } from '../../platform/i18n.ts';
import type { AlipaySettings } from './config.ts';
import { alipayRequestTime, signAlipay, verifyAlipay } from './alipay-signature.ts';
import {
  GatewayError,
  NotificationRejected,
  type GatewayNotification,
  type HttpAnswer,
  type PaymentProvider,
  type RawNotification,
  type Transport,
} from './provider.ts';
import { WEBHOOK_TOLERANCE_SECONDS } from './webhooks.ts';

export const ALIPAY_PAY_PATH = '/ams/api/v1/payments/pay';
export const ALIPAY_REFUND_PATH = '/ams/api/v1/payments/refund';

interface AlipayResult {
  resultCode: string;
  resultStatus: 'S' | 'U' | 'F';
  resultMessage?: string;
}

const header = (h: RawNotification['headers'], name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Alipay's request-time must be recent: a captured notification cannot be replayed days later. */
export function freshRequestTime(requestTime: string | undefined, now: number): boolean {
  const t = requestTime ? Date.parse(requestTime) : NaN;
  return Number.isFinite(t) && Math.abs(now - t) <= WEBHOOK_TOLERANCE_SECONDS * 1000;
}

export function alipayProvider(
  s: AlipaySettings,
  transport: Transport,
  urls: { notify: string; redirect: (intentId: string, locale?: Locale) => string },
): PaymentProvider {
  async function call(path: string, payload: object): Promise<Record<string, any>> {
    const body = JSON.stringify(payload);
    const requestTime = alipayRequestTime();
    const res = await transport({
      method: 'POST',
      url: `${s.gatewayUrl}${path}`,
      body,
      headers: {
        'content-type': 'application/json; charset=UTF-8',
        'client-id': s.clientId,
        'request-time': requestTime,
        signature: signAlipay(s.merchantPrivateKey, { method: 'POST', path, clientId: s.clientId, requestTime, body }),
      },
    });
    // Alipay signs its answers too; an unsigned or mis-signed one is not Alipay's.
    const signed = verifyAlipay(
      s.alipayPublicKey,
      {
        method: 'POST',
        path,
        clientId: res.headers['client-id'] ?? '',
        requestTime: res.headers['response-time'] ?? '',
        body: res.body,
      },
      res.headers.signature,
    );
    if (!signed) throw new GatewayError('alipay', `unsigned answer (${res.status}) to ${path}`);
    return JSON.parse(res.body);
  }

  return {
    name: 'alipay',

    async startPayment(intent) {
      const answer = await call(ALIPAY_PAY_PATH, {
        productCode: 'CASHIER_PAYMENT',
        paymentRequestId: intent.id,
        order: {
          referenceOrderId: intent.groupId,
          orderDescription: `Talad ${intent.reference}`,
          orderAmount: { currency: intent.currency, value: String(intent.amount) },
        },
        paymentAmount: { currency: intent.currency, value: String(intent.amount) },
        paymentMethod: { paymentMethodType: 'ALIPAY_CN' },
        paymentExpiryTime: alipayRequestTime(intent.expiresAt),
        paymentNotifyUrl: urls.notify,
        paymentRedirectUrl: urls.redirect(intent.id, intent.locale),
      });
      const result = answer.result as AlipayResult;
      if (result?.resultStatus !== 'U' || !answer.paymentId)
        throw new GatewayError('alipay', `payment not started: ${result?.resultCode}`);
      return { providerRef: String(answer.paymentId), redirectUrl: answer.normalUrl ? String(answer.normalUrl) : null };
    },

    async requestRefund(r) {
      const answer = await call(ALIPAY_REFUND_PATH, {
        refundRequestId: r.refundId,
        paymentId: r.providerRef,
        refundAmount: { currency: r.currency, value: String(r.amount) },
        refundReason: r.reason.slice(0, 256),
      });
      const result = answer.result as AlipayResult;
      const status = result?.resultStatus === 'S' ? 'succeeded' : result?.resultStatus === 'U' ? 'pending' : 'failed';
      return { status, providerRefundId: answer.refundId ? String(answer.refundId) : null };
    },

    readNotification(raw: RawNotification, now = Date.now()): GatewayNotification {
      const clientId = header(raw.headers, 'client-id');
      const requestTime = header(raw.headers, 'request-time');
      if (clientId !== s.clientId) throw new NotificationRejected(401, 'bad_signature');
      if (
        !verifyAlipay(
          s.alipayPublicKey,
          { method: 'POST', path: raw.path, clientId, requestTime: requestTime ?? '', body: raw.body },
          header(raw.headers, 'signature'),
        )
      ) {
        throw new NotificationRejected(401, 'bad_signature');
      }
      if (!freshRequestTime(requestTime, now)) throw new NotificationRejected(401, 'stale_timestamp');
      let n: any;
      try {
        n = JSON.parse(raw.body);
      } catch {
        throw new NotificationRejected(400, 'bad_request');
      }
      const result = n.result as AlipayResult | undefined;
      if (n.notifyType === 'PAYMENT_RESULT' || n.notifyType === 'PAYMENT_PENDING') {
        const kind =
          n.notifyType === 'PAYMENT_PENDING' || result?.resultStatus === 'U'
            ? 'processing'
            : result?.resultStatus === 'S'
              ? 'succeeded'
              : 'failed';
        return {
          provider: 'alipay',
          notificationId: `${n.notifyType}:${n.paymentId}:${result?.resultStatus}`,
          kind,
          intentId: String(n.paymentRequestId ?? ''),
          providerRef: String(n.paymentId ?? ''),
          amount: Number(n.paymentAmount?.value),
          currency: String(n.paymentAmount?.currency ?? ''),
          ...(kind === 'failed' ? { failureCode: String(result?.resultCode ?? 'PAYMENT_FAILED') } : {}),
          ...(n.payerInfo?.certType === 'ID_CARD' && n.payerInfo.name && n.payerInfo.certNo
            ? { payer: { name: String(n.payerInfo.name), idNumber: String(n.payerInfo.certNo) } }
            : {}),
        };
      }
      if (n.notifyType === 'REFUND_RESULT') {
        return {
          provider: 'alipay',
          notificationId: `REFUND_RESULT:${n.refundId}:${n.refundStatus}`,
          kind: n.refundStatus === 'SUCCESS' ? 'refund_succeeded' : 'refund_failed',
          intentId: String(n.paymentRequestId ?? ''),
          providerRef: String(n.paymentId ?? ''),
          refundId: String(n.refundRequestId ?? ''),
          amount: Number(n.refundAmount?.value),
          currency: String(n.refundAmount?.currency ?? ''),
        };
      }
      throw new NotificationRejected(400, 'bad_request');
    },

    answer(outcome, path): HttpAnswer {
      const result = outcome.ok
        ? { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' }
        : { resultCode: outcome.code.toUpperCase(), resultStatus: 'F', resultMessage: outcome.code };
      const body = JSON.stringify({ result });
      const responseTime = alipayRequestTime();
      return {
        status: outcome.ok ? 200 : outcome.status,
        body,
        headers: {
          'content-type': 'application/json; charset=UTF-8',
          'client-id': s.clientId,
          'response-time': responseTime,
          signature: signAlipay(s.merchantPrivateKey, {
            method: 'POST',
            path,
            clientId: s.clientId,
            requestTime: responseTime,
            body,
          }),
        },
      };
    },
  };
}
