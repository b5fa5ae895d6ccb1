// Applying for a loan (a few fields, consent given once) and the instant decision through the
// lender's gateway; accepting an offer makes the loan and disburses it into the shop's balance.
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Actor, actorId } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError, type FieldError, notFound } from '../../platform/errors.ts';
import { type Locale, pickText, translate } from '../../platform/i18n.ts';
import { hashRequest, idempotent } from '../../platform/idempotency.ts';
import { newId } from '../../platform/ids.ts';
import { requireApprovedSeller, requireSellerAccess } from '../sellers/index.ts';
import type { FinanceRuntime } from './config.ts';
import { CONSENT_WORDING_VERSION, consentWording, liveConsent, recordAccess } from './consent.ts';
import { CURRENT_SCORECARD, type DecisionInputs, type LenderAnswer, type Offer } from './decision.ts';
import { productWithLender, termsOf } from './lenders.ts';
import { disburse } from './loans.ts';
import { computeProfile, restrictProfile } from './profile.ts';
import { applications, consents, lenders, loanProducts } from './schema.ts';
import { type Scored, score } from './scorecard.ts';
import './messages.ts';

export interface ApplicationInput {
  productId: string;
  amount: number;
  tenorMonths: number;
  purpose: string;
}

export interface Explanation {
  score: number;
  range: { min: number; max: number };
  scorecardVersion: string;
  effectiveOn: string;
  reasons: { code: string; pointsLost: number; text: string; improve: string }[];
  policyReasons: { code: string; text: string }[];
}

export function explain(
  s: { score: number; range: { min: number; max: number }; scorecardVersion: string; effectiveOn: string },
  reasons: { code: string; pointsLost: number }[],
  policyReasons: string[],
  locale: Locale,
): Explanation {
  return {
    score: s.score,
    range: s.range,
    scorecardVersion: s.scorecardVersion,
    effectiveOn: s.effectiveOn,
    reasons: reasons.map((r) => ({
      code: r.code,
      pointsLost: r.pointsLost,
      text: translate(`finance.reason.${r.code}`, locale),
      improve: translate(`finance.improve.${r.code}`, locale),
    })),
    policyReasons: policyReasons.map((code) => ({ code, text: translate(`finance.policy.${code}`, locale) })),
  };
}

function checkInput(input: ApplicationInput, p: ReturnType<typeof termsOf>) {
  const errors: FieldError[] = [];
  if (!Number.isSafeInteger(input.amount) || input.amount < p.minAmount)
    errors.push({ field: 'amount', code: 'too_small', params: { min: p.minAmount / 100 } });
  else if (input.amount > p.maxAmount)
    errors.push({ field: 'amount', code: 'too_large', params: { max: p.maxAmount / 100 } });
  if (!Number.isInteger(input.tenorMonths) || input.tenorMonths < p.minTenorMonths)
    errors.push({ field: 'tenorMonths', code: 'too_small', params: { min: p.minTenorMonths } });
  else if (input.tenorMonths > p.maxTenorMonths)
    errors.push({ field: 'tenorMonths', code: 'too_large', params: { max: p.maxTenorMonths } });
  const purpose = (input.purpose ?? '').trim();
  if (!purpose) errors.push({ field: 'purpose', code: 'required' });
  else if (purpose.length < 3) errors.push({ field: 'purpose', code: 'too_short', params: { min: 3 } });
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
}

type ApplicationRow = typeof applications.$inferSelect;

export function applicationView(a: ApplicationRow, lenderName: string, sandbox: boolean, locale: Locale) {
  const inputs = a.inputs as unknown as DecisionInputs & { range: { min: number; max: number }; effectiveOn: string };
  return {
    id: a.id,
    lenderId: a.lenderId,
    lenderName,
    sandbox,
    productId: a.productId,
    amount: a.amount,
    tenorMonths: a.tenorMonths,
    purpose: a.purposeText,
    outcome: a.outcome,
    status: a.status,
    offer: (a.offer as Offer | null) ?? null,
    explanation: explain(
      { score: a.score, range: inputs.range, scorecardVersion: a.scorecardVersion, effectiveOn: inputs.effectiveOn },
      a.reasons.filter((r) => r.pointsLost > 0),
      a.reasons.filter((r) => r.pointsLost === 0).map((r) => r.code),
      locale,
    ),
    decidedBy: a.decidedBy,
    decisionMs: a.decisionMs,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Profile → consented features → score → the lender's answer: the decision, with the time it took. */
export async function decide(
  db: Executor,
  rt: FinanceRuntime,
  lender: typeof lenders.$inferSelect,
  consentItems: string[],
  sellerId: string,
  inputsBase: Omit<DecisionInputs, 'features'>,
  applicationId: string,
) {
  const started = performance.now();
  const profile = restrictProfile(await computeProfile(db, sellerId), consentItems);
  const { crossborderSharePct: _shownNotScored, ...features } = profile.features;
  const inputs: DecisionInputs = { ...inputsBase, features };
  const scored: Scored = score(CURRENT_SCORECARD, inputs.features);
  const gateway = rt.gateway(lender);
  const answer: LenderAnswer = await gateway.decide({ applicationId, lenderId: lender.id, inputs, profile, scored });
  return { inputs, scored, answer, gateway: gateway.kind, ms: Math.max(0, Math.round(performance.now() - started)) };
}

export async function applyForLoan(
  db: Db,
  actor: Actor,
  rt: FinanceRuntime,
  sellerId: string,
  input: ApplicationInput,
  locale: Locale,
  idempotencyKey?: string,
) {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true, membersOnly: true });
  await requireApprovedSeller(db, sellerId);
  const found = await productWithLender(db, input.productId);
  if (!found) throw new AppError(422, 'validation_failed', {}, [{ field: 'productId', code: 'not_allowed' }]);
  const terms = termsOf(found.p);
  checkInput(input, terms);
  const consent = await liveConsent(db, sellerId, found.l.id, 'credit_assessment');
  if (!consent) throw new AppError(409, 'finance_consent_required', { lender: pickText(found.l.name, locale) });
  const id = newId();
  const d = await decide(
    db,
    rt,
    found.l,
    consent.dataItems,
    sellerId,
    { product: terms, amount: input.amount, tenorMonths: input.tenorMonths },
    id,
  );
  const answer = await idempotent(
    db,
    `finance-apply:${sellerId}`,
    idempotencyKey,
    hashRequest('finance-apply', input),
    async (tx) => {
      const [row] = await tx
        .insert(applications)
        .values({
          id,
          sellerId,
          lenderId: found.l.id,
          productId: terms.productId,
          consentId: consent.id,
          amount: input.amount,
          tenorMonths: input.tenorMonths,
          purposeText: input.purpose.trim(),
          inputs: { ...d.inputs, range: d.scored.range, effectiveOn: d.scored.effectiveOn } as unknown as Record<
            string,
            unknown
          >,
          scorecardVersion: d.scored.scorecardVersion,
          policyVersion: d.answer.policyVersion,
          score: d.scored.score,
          outcome: d.answer.outcome,
          reasons: [
            ...d.scored.reasons.map((r) => ({ code: r.code, pointsLost: r.pointsLost })),
            ...d.answer.policyReasons.map((code) => ({ code, pointsLost: 0 })),
          ],
          offer: d.answer.offer as unknown as Record<string, unknown> | null,
          decidedBy: d.gateway,
          createdBy: actorId(actor)!,
          decisionMs: d.ms,
        })
        .returning();
      await recordAccess(tx, actor, {
        sellerId,
        lenderId: found.l.id,
        consentId: consent.id,
        purpose: 'credit_assessment',
        dataItems: consent.dataItems,
        what: 'decision',
      });
      return { statusCode: 201, body: { id: row.id } };
    },
  );
  return getApplication(db, actor, sellerId, (answer.body as { id: string }).id, locale);
}

export async function getApplication(db: Executor, actor: Actor, sellerId: string, id: string, locale: Locale) {
  await requireSellerAccess(db, actor, sellerId);
  const [row] = await db
    .select({ a: applications, name: lenders.name, gateway: lenders.gateway })
    .from(applications)
    .innerJoin(lenders, eq(lenders.id, applications.lenderId))
    .where(and(eq(applications.id, id), eq(applications.sellerId, sellerId)));
  if (!row) throw notFound('application');
  return applicationView(row.a, pickText(row.name, locale), row.gateway === 'sandbox', locale);
}

export async function shopApplications(db: Executor, actor: Actor, sellerId: string, locale: Locale) {
  await requireSellerAccess(db, actor, sellerId);
  const rows = await db
    .select({ a: applications, name: lenders.name, gateway: lenders.gateway })
    .from(applications)
    .innerJoin(lenders, eq(lenders.id, applications.lenderId))
    .where(eq(applications.sellerId, sellerId))
    .orderBy(desc(applications.createdAt))
    .limit(50);
  return rows.map((r) => applicationView(r.a, pickText(r.name, locale), r.gateway === 'sandbox', locale));
}

/**
 * The owner accepts an offer, ticking the separate consent to share repayments with the lender:
 * the application becomes accepted once (a conditional update: a second accept, even at the same
 * moment, gets 409), and the loan is made and disbursed in the same transaction.
 */
export async function acceptOffer(
  db: Db,
  actor: Actor,
  rt: FinanceRuntime,
  sellerId: string,
  applicationId: string,
  input: { servicingConsent: boolean },
  locale: Locale,
  idempotencyKey?: string,
) {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true, membersOnly: true });
  const [app] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.sellerId, sellerId)));
  if (!app) throw notFound('application');
  if (input.servicingConsent !== true)
    throw new AppError(422, 'validation_failed', {}, [
      { field: 'servicingConsent', code: 'finance_servicing_consent' },
    ]);
  await idempotent(
    db,
    `finance-accept:${sellerId}`,
    idempotencyKey,
    hashRequest('finance-accept', { applicationId }),
    async (tx) => {
      if (app.outcome !== 'offer') throw new AppError(409, 'finance_not_an_offer');
      const [won] = await tx
        .update(applications)
        .set({ status: 'accepted' })
        .where(
          and(
            eq(applications.id, applicationId),
            eq(applications.status, 'decided'),
            sql`${applications.createdAt} > now() - make_interval(days => ${rt.offerValidDays})`,
          ),
        )
        .returning();
      if (!won) throw new AppError(409, 'finance_offer_closed');
      const [lender] = await tx.select().from(lenders).where(eq(lenders.id, app.lenderId));
      const live = await liveConsent(tx, sellerId, app.lenderId, 'loan_servicing');
      if (!live) {
        const items = ['sales_monthly', 'ledger_cash_payouts'];
        await tx.insert(consents).values({
          id: newId(),
          sellerId,
          lenderId: app.lenderId,
          purpose: 'loan_servicing',
          dataItems: items,
          retentionDays: lender.retentionDays,
          wording: {
            th: consentWording(lender.name, 'loan_servicing', items, lender.retentionDays, 'th'),
            zh: consentWording(lender.name, 'loan_servicing', items, lender.retentionDays, 'zh'),
            en: consentWording(lender.name, 'loan_servicing', items, lender.retentionDays, 'en'),
          },
          wordingVersion: CONSENT_WORDING_VERSION,
          grantedBy: actorId(actor)!,
        });
      }
      const [product] = await tx.select().from(loanProducts).where(eq(loanProducts.id, app.productId));
      const loanId = await disburse(tx, { application: won, offer: won.offer as unknown as Offer, product });
      return { statusCode: 201, body: { loanId } };
    },
  );
  return getApplication(db, actor, sellerId, applicationId, locale);
}
