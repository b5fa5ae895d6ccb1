// Payment intents: a buyer's attempt to pay one order group by one method. Creating one asks its
// gateway to expect the payment; only the gateway's signed notification (notifications.ts) ever
// confirms it — never the buyer's word.
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../../platform/actor.ts';
import { AppError, notFound, notFoundIfDenied } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { idempotent } from '../../platform/idempotency.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { getOrderGroup } from '../orders/index.ts';
import type { PaymentsConfig } from './config.ts';
import { convertMinor, currentRate, FX_ROUNDING } from './fx.ts';
import { promptPayPayload } from './promptpay.ts';
import type { PaymentProvider, ProviderName } from './provider.ts';
import { paymentIntents } from './schema.ts';
import { groupRequirement } from './requirements.ts';
import { isOpen, METHOD_CURRENCY, METHOD_PROVIDER, type IntentStatus, type PaymentMethod } from './status.ts';
import './messages.ts';

export interface PaymentsContext {
  db: Db;
  config: PaymentsConfig;
  providers: Record<ProviderName, PaymentProvider>;
  log: FastifyBaseLogger;
}

export type IntentRow = typeof paymentIntents.$inferSelect;

export interface IntentView {
  id: string;
  groupId: string;
  method: PaymentMethod;
  provider: string;
  status: IntentStatus;
  amount: number;
  currency: string;
  groupAmount: number;
  groupCurrency: string;
  fx: { rate: string; source: string; rounding: string } | null;
  reference: string;
  expiresAt: string;
  redirectUrl: string | null;
  succeededAt: string | null;
  refundedAmount: number;
  /** Why a payment did not pay the group (e.g. payer_mismatch: sent back, the payer was not the cross-border buyer). */
  failureCode: string | null;
  promptpay: { payload: string; qrSvg: string; qrPng: string; payee: string } | null;
  sandbox: boolean;
}

export function toIntentView(i: IntentRow, config: PaymentsConfig): IntentView {
  return {
    id: i.id,
    groupId: i.groupId,
    method: i.method,
    provider: i.provider,
    status: i.status,
    amount: i.amount,
    currency: i.currency,
    groupAmount: i.groupAmount,
    groupCurrency: i.groupCurrency,
    fx: i.fxRate
      ? {
          rate: i.fxRate.replace(/0+$/, '').replace(/\.$/, ''),
          source: i.fxSource ?? '',
          rounding: i.fxRounding ?? FX_ROUNDING,
        }
      : null,
    reference: i.reference,
    expiresAt: i.expiresAt.toISOString(),
    redirectUrl: i.redirectUrl,
    succeededAt: i.succeededAt ? i.succeededAt.toISOString() : null,
    refundedAmount: i.refundedAmount,
    failureCode: i.failureCode,
    promptpay:
      i.method === 'promptpay'
        ? {
            payload: promptPayPayload({ target: config.promptpayId, amountSatang: i.amount, reference: i.reference }),
            qrSvg: `/api/payment-intents/${i.id}/qr.svg`,
            qrPng: `/api/payment-intents/${i.id}/qr.png`,
            payee: config.promptpayIdText,
          }
        : null,
    sandbox: config.sandbox,
  };
}

/** A short reference a person can read out to a call centre, also carried in the QR: "TLD" + 10 base32 characters. */
export function newReference(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return 'TLD' + [...randomBytes(10)].map((b) => alphabet[b % 32]).join('');
}

/** The group as the buyer sees it; refuses groups that are paid, expired or cancelled. */
async function payableGroup(db: Executor, actor: Actor, groupId: string, locale: Locale) {
  const group = await getOrderGroup(db, actor, groupId, locale);
  if (group.orders.some((o) => o.status === 'cancelled')) throw new AppError(409, 'order_expired');
  if (group.orders.every((o) => o.status !== 'pending_payment')) throw new AppError(409, 'already_paid');
  return group;
}

export async function createIntent(
  ctx: PaymentsContext,
  actor: Actor,
  groupId: string,
  method: PaymentMethod,
  opts: { idempotencyKey?: string; locale: Locale; now?: Date },
): Promise<IntentView> {
  const { db, config } = ctx;
  // The intent and the answer under the key are written in one transaction; the gateway is told
  // after the commit (idempotently, by intent id), so a retry also finishes a start that failed.
  const answer = await idempotent(db, `payment-intent:${groupId}`, opts.idempotencyKey, method, async (tx) => ({
    statusCode: 201,
    body: { id: (await openIntent(tx, actor, groupId, method, config, opts)).id },
  }));
  const row = await intentRow(db, (answer.body as { id: string }).id);
  if (!row) throw notFound('payment');
  return toIntentView(await ensureStarted(ctx, row, opts.locale), config);
}

/** The group's open intent for this method and amount, or a new one (the others stop). */
async function openIntent(
  tx: Executor,
  actor: Actor,
  groupId: string,
  method: PaymentMethod,
  config: PaymentsConfig,
  opts: { locale: Locale; now?: Date },
): Promise<IntentRow> {
  const group = await payableGroup(tx, actor, groupId, opts.locale);
  const now = opts.now ?? new Date();
  const expiresAt = new Date(
    Math.min(now.getTime() + config.intentTtlMinutes * 60_000, Date.parse(group.paymentDueAt)),
  );
  if (expiresAt <= now) throw new AppError(409, 'order_expired');

  const required = await groupRequirement(tx, groupId);
  if (required && required.method !== method)
    throw new AppError(422, 'payment_method_not_allowed', { method: required.method });
  const currency = required?.currency ?? METHOD_CURRENCY[method] ?? group.currency;
  let amount = group.totalSatang;
  let fx: { rate: string; source: string } | null = null;
  if (required) {
    // The amount was fixed at checkout (a cross-border landed total): charged exactly, never re-converted.
    amount = required.amount;
    fx = required.fxRate ? { rate: required.fxRate, source: required.fxSource ?? '' } : null;
  } else if (currency !== group.currency) {
    const rate = await currentRate(tx, group.currency, currency, now);
    if (!rate) throw new AppError(409, 'fx_rate_missing', { from: group.currency, to: currency });
    amount = convertMinor(group.totalSatang, rate.rate);
    fx = { rate: rate.rate, source: rate.source };
  }

  // The group's intents are locked first: two requests for one group queue here.
  const existing = await tx
    .select()
    .from(paymentIntents)
    .where(eq(paymentIntents.groupId, groupId))
    .orderBy(paymentIntents.id)
    .for('update');
  const reusable = existing.find(
    (i) => i.method === method && isOpen(i.status) && i.expiresAt > now && i.amount === amount,
  );
  if (reusable) return reusable;
  // One method at a time: the others stop being offered (a payment that still arrives for one is handled in notifications.ts).
  const others = existing.filter((i) => isOpen(i.status)).map((i) => i.id);
  if (others.length) {
    await tx
      .update(paymentIntents)
      .set({ status: 'cancelled', updatedAt: sql`now()` })
      .where(
        and(eq(paymentIntents.groupId, groupId), sql`${paymentIntents.status} in ('requires_action', 'processing')`),
      );
  }
  const [row] = await tx
    .insert(paymentIntents)
    .values({
      id: newId(),
      groupId,
      method,
      provider: METHOD_PROVIDER[method],
      amount,
      currency,
      groupAmount: group.totalSatang,
      groupCurrency: group.currency,
      fxRate: fx?.rate ?? null,
      fxSource: fx?.source ?? null,
      fxRounding: fx ? FX_ROUNDING : null,
      reference: newReference(),
      expiresAt,
    })
    .returning();
  return row;
}

/** Tells the gateway to expect the payment (idempotent at the gateway by intent id). */
async function ensureStarted(ctx: PaymentsContext, intent: IntentRow, locale?: Locale): Promise<IntentRow> {
  if (intent.providerRef) return intent;
  const started = await ctx.providers[intent.provider as ProviderName].startPayment({ ...intent, locale });
  const [row] = await ctx.db
    .update(paymentIntents)
    .set({ providerRef: started.providerRef, redirectUrl: started.redirectUrl, updatedAt: sql`now()` })
    .where(eq(paymentIntents.id, intent.id))
    .returning();
  return row;
}

export async function intentRow(db: Executor, id: string): Promise<IntentRow | undefined> {
  const [row] = await db.select().from(paymentIntents).where(eq(paymentIntents.id, id));
  return row;
}

/** One intent, to the buyer of its group (or an operator). An open intent past its time reads as expired. */
export async function getIntent(ctx: PaymentsContext, actor: Actor, id: string, locale: Locale): Promise<IntentView> {
  let row = await intentRow(ctx.db, id);
  if (!row) throw notFound('payment');
  await notFoundIfDenied(getOrderGroup(ctx.db, actor, row.groupId, locale), 'payment');
  if (isOpen(row.status) && row.expiresAt <= new Date()) row = (await expireIntents(ctx.db, [row.id]))[0] ?? row;
  return toIntentView(row, ctx.config);
}

/** The intents of a group, newest first (the payment page picks up where the buyer left off). */
export async function groupIntents(
  ctx: PaymentsContext,
  actor: Actor,
  groupId: string,
  locale: Locale,
): Promise<IntentView[]> {
  await getOrderGroup(ctx.db, actor, groupId, locale);
  const rows = await ctx.db
    .select()
    .from(paymentIntents)
    .where(eq(paymentIntents.groupId, groupId))
    .orderBy(sql`${paymentIntents.id} desc`);
  return rows.map((r) => toIntentView(r, ctx.config));
}

/** Open intents past their time become expired (only while still open: a capture is never undone). */
export async function expireIntents(db: Executor, ids?: string[]): Promise<IntentRow[]> {
  return db
    .update(paymentIntents)
    .set({ status: 'expired', updatedAt: sql`now()` })
    .where(
      and(
        sql`${paymentIntents.status} in ('requires_action', 'processing')`,
        sql`${paymentIntents.expiresAt} <= now()`,
        ids ? sql`${paymentIntents.id} = any(${`{${ids.join(',')}}`}::uuid[])` : undefined,
      ),
    )
    .returning();
}

/** When a group's unpaid orders are cancelled (timeout or by hand), its open intents stop. */
export async function stopGroupIntents(
  db: Executor,
  groupId: string,
  status: 'expired' | 'cancelled',
): Promise<number> {
  const rows = await db
    .update(paymentIntents)
    .set({ status, updatedAt: sql`now()` })
    .where(and(eq(paymentIntents.groupId, groupId), sql`${paymentIntents.status} in ('requires_action', 'processing')`))
    .returning({ id: paymentIntents.id });
  return rows.length;
}

/** The capture of a group (for the ledger: what was charged, in which currency, at which rate). */
export async function captureOf(db: Executor, groupId: string): Promise<IntentRow | null> {
  const [row] = await db
    .select()
    .from(paymentIntents)
    .where(and(eq(paymentIntents.groupId, groupId), eq(paymentIntents.capturesGroup, true)));
  return row ?? null;
}
