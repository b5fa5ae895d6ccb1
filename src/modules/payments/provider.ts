// One interface in front of every payment gateway. An adapter speaks its provider's signed
// protocol over a Transport: real HTTP in production, in-process requests to the local sandbox
// gateway (the same routes, signatures and bodies) in sandbox mode and in tests.
import type { Locale } from '../../platform/i18n.ts';
import type { PaymentMethod } from './status.ts';

export type ProviderName = 'alipay' | 'gateway';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
}
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}
export type Transport = (req: HttpRequest) => Promise<HttpAnswer>;

/** Real HTTP with a timeout, for gateways on the network. */
export const fetchTransport =
  (timeoutMs = 15_000): Transport =>
  async (req) => {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.method === 'GET' ? undefined : req.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
  };

export interface IntentForProvider {
  id: string;
  groupId: string;
  method: PaymentMethod;
  amount: number;
  currency: string;
  reference: string;
  expiresAt: Date;
  /** The buyer's page language: the gateway sends the buyer back to the payment page in it. */
  locale?: Locale;
}

export interface StartedPayment {
  providerRef: string;
  redirectUrl: string | null;
}
export interface RefundAnswer {
  status: 'succeeded' | 'pending' | 'failed';
  providerRefundId: string | null;
}

/** A notification after its signature checked out, in the platform's terms. */
export interface GatewayNotification {
  provider: ProviderName;
  /** The gateway's id for this notification: a replay carries the same one. */
  notificationId: string;
  kind: 'processing' | 'succeeded' | 'failed' | 'refund_succeeded' | 'refund_failed';
  /** Our intent id (Alipay's paymentRequestId, the gateway's idempotency key). */
  intentId: string;
  providerRef: string;
  amount: number;
  currency: string;
  /** Our refund id, for refund notifications. */
  refundId?: string;
  failureCode?: string;
  /** The paying account's real-name holder, where the gateway reports it (Alipay, cross-border). */
  payer?: { name: string; idNumber: string };
}

export class NotificationRejected extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

export interface RawNotification {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface PaymentProvider {
  readonly name: ProviderName;
  startPayment(intent: IntentForProvider): Promise<StartedPayment>;
  requestRefund(r: {
    refundId: string;
    intentId: string;
    providerRef: string;
    amount: number;
    currency: string;
    reason: string;
  }): Promise<RefundAnswer>;
  /** Verifies the signature and freshness; throws NotificationRejected when it cannot be trusted. */
  readNotification(raw: RawNotification, now?: number): GatewayNotification;
  /** The answer the provider expects: acknowledged, or refused with a status and code. */
  answer(outcome: { ok: true } | { ok: false; status: number; code: string }, path: string): HttpAnswer;
}

export class GatewayError extends Error {
  constructor(
    readonly provider: ProviderName,
    message: string,
  ) {
    super(`${provider}: ${message}`);
  }
}
