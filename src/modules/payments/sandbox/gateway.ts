// The local sandbox gateway: it stands in for Alipay and for the card/PromptPay gateway, which
// cannot be reached from here, and keeps their rules: a charge is paid once, only before it
// expires, only to the platform's PromptPay account, refunds never exceed what was paid, and every
// notification is signed with the gateway's own keys and retried until answered as expected.
// It shares nothing with the platform side but the wire protocol.
import { randomBytes } from 'node:crypto';
import { and, eq, lte, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { newId } from '../../../platform/ids.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Db, Executor } from '../../../platform/db.ts';
import type { SandboxKeys } from '../config.ts';
import { alipayRequestTime, signAlipay } from '../alipay-signature.ts';
import { scanPromptPay, type PromptPayTarget } from '../promptpay.ts';
import type { Transport } from '../provider.ts';
import { signWebhook } from '../webhooks.ts';
import { sandboxCharges, sandboxDeliveries, sandboxRefunds } from '../schema.ts';

export type SandboxGatewayName = 'alipay' | 'gateway';
export type ChargeRow = typeof sandboxCharges.$inferSelect;

export interface SandboxGateway {
  db: Db;
  keys: SandboxKeys;
  /** The platform's PromptPay account: transfers to any other account are not this merchant's. */
  merchantPromptPay: PromptPayTarget;
  /** How notifications reach the platform, and where. */
  transport: Transport;
  notifyPaths: Record<SandboxGatewayName, string>;
  log: FastifyBaseLogger;
}

const refused = (reason: string) => new AppError(409, 'sandbox_payment_refused', { reason });
const token = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`;

export async function createCharge(
  db: Executor,
  c: {
    gateway: SandboxGatewayName;
    method: string;
    merchantRequestId: string;
    reference: string;
    amount: number;
    currency: string;
    expiresAt: Date;
  },
): Promise<ChargeRow> {
  await db
    .insert(sandboxCharges)
    .values({ id: token(c.gateway === 'alipay' ? '2026SBXALIPAY' : 'chrg_sbx_'), ...c })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(sandboxCharges)
    .where(and(eq(sandboxCharges.gateway, c.gateway), eq(sandboxCharges.merchantRequestId, c.merchantRequestId)));
  return row;
}

export async function chargeById(db: Executor, id: string): Promise<ChargeRow | undefined> {
  const [row] = await db.select().from(sandboxCharges).where(eq(sandboxCharges.id, id));
  return row;
}

/** Marks a pending, unexpired charge paid (or failed) and queues the notification; refuses anything else. */
/** The wallet holder's real-name identity, as Alipay reports it for cross-border payments (sandbox: typed by the payer). */
export interface SandboxPayer {
  name: string;
  idNumber: string;
}

async function settleCharge(
  g: SandboxGateway,
  find: (tx: Executor) => Promise<ChargeRow | undefined>,
  outcome: 'succeeded' | 'failed',
  paid?: { amount: number },
  payer?: SandboxPayer,
): Promise<ChargeRow> {
  return g.db.transaction(async (tx) => {
    const found = await find(tx);
    if (!found) throw refused('unknown_reference');
    const [charge] = await tx.select().from(sandboxCharges).where(eq(sandboxCharges.id, found.id)).for('update');
    if (charge.status !== 'pending') throw refused(charge.status === 'succeeded' ? 'already_paid' : charge.status);
    if (charge.expiresAt <= new Date()) {
      await tx.update(sandboxCharges).set({ status: 'expired' }).where(eq(sandboxCharges.id, charge.id));
      throw refused('expired');
    }
    await tx.update(sandboxCharges).set({ status: outcome }).where(eq(sandboxCharges.id, charge.id));
    const amount = paid?.amount ?? charge.amount;
    if (charge.gateway === 'alipay') {
      await queue(tx, 'alipay', {
        notifyType: 'PAYMENT_RESULT',
        result:
          outcome === 'succeeded'
            ? { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' }
            : { resultCode: 'USER_CANCELLED', resultStatus: 'F', resultMessage: 'payment failed' },
        paymentRequestId: charge.merchantRequestId,
        paymentId: charge.id,
        paymentAmount: { currency: charge.currency, value: String(amount) },
        paymentCreateTime: alipayRequestTime(charge.createdAt),
        paymentTime: alipayRequestTime(),
        ...(payer ? { payerInfo: { name: payer.name, certType: 'ID_CARD', certNo: payer.idNumber } } : {}),
      });
    } else {
      const data = {
        chargeId: charge.id,
        merchantRequestId: charge.merchantRequestId,
        reference: charge.reference,
        amount,
        currency: charge.currency,
      };
      if (outcome === 'succeeded' && charge.method === 'card')
        await queue(tx, 'gateway', { type: 'charge.processing', data });
      await queue(tx, 'gateway', {
        type: `charge.${outcome}`,
        data: outcome === 'failed' ? { ...data, failureCode: 'card_declined' } : data,
      });
    }
    return { ...charge, status: outcome };
  });
}

/** A buyer's banking app scanned the platform's QR and transferred its amount. */
export async function payPromptPay(g: SandboxGateway, payload: string): Promise<ChargeRow> {
  let scanned: ReturnType<typeof scanPromptPay>;
  try {
    scanned = scanPromptPay(payload);
  } catch (err) {
    throw refused((err as Error).message);
  }
  if (scanned.target.kind !== g.merchantPromptPay.kind || scanned.target.value !== g.merchantPromptPay.value)
    throw refused('not_the_merchant_account');
  if (scanned.currency !== '764' || scanned.amountSatang === null || !scanned.reference)
    throw refused('not_a_dynamic_qr');
  const charge = await settleCharge(
    g,
    async (tx) => {
      const [row] = await tx
        .select()
        .from(sandboxCharges)
        .where(and(eq(sandboxCharges.reference, scanned.reference!), eq(sandboxCharges.method, 'promptpay')));
      return row;
    },
    'succeeded',
    { amount: scanned.amountSatang },
  );
  await deliverDue(g);
  return charge;
}

/** The buyer approved the payment in the (sandbox) Alipay wallet. */
export async function confirmAlipay(g: SandboxGateway, paymentId: string, payer?: SandboxPayer): Promise<ChargeRow> {
  const charge = await settleCharge(
    g,
    (tx) => chargeById(tx, paymentId).then((c) => (c?.gateway === 'alipay' ? c : undefined)),
    'succeeded',
    undefined,
    payer,
  );
  await deliverDue(g);
  return charge;
}

/** Luhn check, as a card form does before anything is sent. */
export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  [...number].reverse().forEach((ch, i) => {
    let d = Number(ch);
    if (i % 2) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  });
  return sum % 10 === 0;
}

/** Sandbox cards: 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 declined. */
export async function payCard(g: SandboxGateway, chargeId: string, cardNumber: string): Promise<ChargeRow> {
  const digits = cardNumber.replace(/[\s-]/g, '');
  if (!luhnValid(digits)) throw refused('invalid_card_number');
  const charge = await settleCharge(
    g,
    (tx) => chargeById(tx, chargeId).then((c) => (c?.gateway === 'gateway' && c.method === 'card' ? c : undefined)),
    digits === '4000000000000002' ? 'failed' : 'succeeded',
  );
  await deliverDue(g);
  return charge;
}

/** A merchant's refund request: once per merchant refund id, never beyond what was paid. */
export async function refundCharge(
  g: SandboxGateway,
  gateway: SandboxGatewayName,
  chargeId: string,
  merchantRefundId: string,
  amount: number,
): Promise<{ id: string; status: 'succeeded' | 'pending' }> {
  return g.db.transaction(async (tx) => {
    const [prior] = await tx
      .select()
      .from(sandboxRefunds)
      .where(and(eq(sandboxRefunds.gateway, gateway), eq(sandboxRefunds.merchantRefundId, merchantRefundId)));
    if (prior) return { id: prior.id, status: gateway === 'alipay' ? 'succeeded' : 'pending' };
    const [charge] = await tx
      .select()
      .from(sandboxCharges)
      .where(and(eq(sandboxCharges.id, chargeId), eq(sandboxCharges.gateway, gateway)))
      .for('update');
    if (!charge || charge.status !== 'succeeded') throw refused('not_paid');
    if (!Number.isSafeInteger(amount) || amount <= 0 || charge.refunded + amount > charge.amount)
      throw refused('refund_exceeds_payment');
    const id = token(gateway === 'alipay' ? '2026SBXREFUND' : 'rfnd_sbx_');
    await tx.insert(sandboxRefunds).values({ id, gateway, chargeId, merchantRefundId, amount });
    await tx
      .update(sandboxCharges)
      .set({ refunded: sql`${sandboxCharges.refunded} + ${amount}` })
      .where(eq(sandboxCharges.id, chargeId));
    // Alipay answers a refund at once; the card gateway confirms it later by webhook.
    if (gateway === 'alipay') return { id, status: 'succeeded' as const };
    await queue(tx, 'gateway', {
      type: 'refund.succeeded',
      data: {
        chargeId,
        merchantRequestId: charge.merchantRequestId,
        refundId: id,
        refundRequestId: merchantRefundId,
        amount,
        currency: charge.currency,
      },
    });
    return { id, status: 'pending' as const };
  });
}

async function queue(tx: Executor, gateway: SandboxGatewayName, body: object): Promise<void> {
  await tx.insert(sandboxDeliveries).values({ id: newId(), gateway, body });
}

/** Signs one delivery the way its gateway does. The webhook id stays the same across retries; the time is each attempt's. */
export function signedDelivery(
  g: SandboxGateway,
  d: { id: string; gateway: string; body: unknown },
  now = Date.now(),
): { path: string; headers: Record<string, string>; body: string } {
  const body = JSON.stringify(d.body);
  const path = g.notifyPaths[d.gateway as SandboxGatewayName];
  if (d.gateway === 'alipay') {
    const requestTime = alipayRequestTime(new Date(now));
    return {
      path,
      body,
      headers: {
        'content-type': 'application/json; charset=UTF-8',
        'client-id': g.keys.alipayClientId,
        'request-time': requestTime,
        signature: signAlipay(g.keys.alipayPrivateKey, {
          method: 'POST',
          path,
          clientId: g.keys.alipayClientId,
          requestTime,
          body,
        }),
      },
    };
  }
  return {
    path,
    body,
    headers: {
      'content-type': 'application/json',
      ...signWebhook(g.keys.cardWebhookSecret, `msg_${d.id}`, Math.floor(now / 1000), body),
    },
  };
}

const MAX_ATTEMPTS = 15;

/**
 * Sends the notifications that are due. Each is claimed first (pushed back by its backoff), so two
 * senders never send one twice at once; answered ones are done, others wait their backoff.
 */
export async function deliverDue(g: SandboxGateway, limit = 50): Promise<number> {
  const claimed = await g.db
    .update(sandboxDeliveries)
    .set({
      attempts: sql`${sandboxDeliveries.attempts} + 1`,
      nextAttemptAt: sql`now() + least(interval '1 hour', interval '2 seconds' * power(2, ${sandboxDeliveries.attempts}))`,
    })
    .where(
      sql`${sandboxDeliveries.id} in (select id from sandbox_gateway_deliveries where delivered_at is null and next_attempt_at <= now() and attempts < ${MAX_ATTEMPTS} order by created_at limit ${limit} for update skip locked)`,
    )
    .returning();
  for (const d of claimed.sort((a, b) => +a.createdAt - +b.createdAt)) {
    const signed = signedDelivery(g, d);
    let answer = '';
    let ok = false;
    try {
      const res = await g.transport({ method: 'POST', url: signed.path, headers: signed.headers, body: signed.body });
      answer = `${res.status} ${res.body.slice(0, 200)}`;
      ok =
        res.status >= 200 &&
        res.status < 300 &&
        (d.gateway !== 'alipay' || JSON.parse(res.body)?.result?.resultStatus === 'S');
    } catch (err) {
      answer = String(err);
    }
    await g.db
      .update(sandboxDeliveries)
      .set({ lastAnswer: answer, ...(ok ? { deliveredAt: sql`now()` } : {}) })
      .where(eq(sandboxDeliveries.id, d.id));
    if (!ok) g.log.warn({ delivery: d.id, answer }, 'sandbox gateway: notification not accepted; will retry');
  }
  return claimed.length;
}

/** Pending charges past their time expire, as at a real gateway. */
export async function expireCharges(db: Executor): Promise<void> {
  await db
    .update(sandboxCharges)
    .set({ status: 'expired' })
    .where(and(eq(sandboxCharges.status, 'pending'), lte(sandboxCharges.expiresAt, new Date())));
}

export async function undelivered(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sandboxDeliveries)
    .where(and(isNull(sandboxDeliveries.deliveredAt), lt(sandboxDeliveries.attempts, MAX_ATTEMPTS)));
  return row.n;
}
