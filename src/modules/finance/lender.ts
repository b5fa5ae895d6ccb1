// The lender console's side: a lender's staff see only the shops that consented to that lender,
// only the data items each consent names, and only while it is live; every read is recorded for
// the shop to see. A referred application is decided here by a person.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Locale, pickText, translate } from '../../platform/i18n.ts';
import { sellerFacts } from '../sellers/index.ts';
import { requireLenderStaff } from './access.ts';
import { applicationView, explain } from './applications.ts';
import { liveConsent, recordAccess } from './consent.ts';
import { CURRENT_SCORECARD, offerTerms } from './decision.ts';
import { termsOf } from './lenders.ts';
import { computeProfile, restrictProfile } from './profile.ts';
import { applications, consents, lenders, loanProducts } from './schema.ts';
import { score } from './scorecard.ts';

const shopName = (facts: Awaited<ReturnType<typeof sellerFacts>>, id: string, locale: Locale) => {
  const f = facts.get(id);
  return f ? pickText(f.shopName, locale) : '';
};

export async function lenderSellers(db: Executor, actor: Actor, lenderId: string, locale: Locale) {
  await requireLenderStaff(db, actor, lenderId);
  const rows = await db
    .select()
    .from(consents)
    .where(
      and(eq(consents.lenderId, lenderId), eq(consents.purpose, 'credit_assessment'), isNull(consents.withdrawnAt)),
    )
    .orderBy(desc(consents.grantedAt));
  const facts = await sellerFacts(
    db,
    rows.map((r) => r.sellerId),
  );
  return rows.map((c) => ({
    sellerId: c.sellerId,
    shopName: shopName(facts, c.sellerId, locale),
    dataItems: c.dataItems.map((i) => ({ code: i, label: translate(`finance.item.${i}`, locale) })),
    grantedAt: c.grantedAt.toISOString(),
  }));
}

/** A consented shop's profile as the lender may see it (only the consented items), with its score. Recorded. */
export async function lenderProfile(db: Executor, actor: Actor, lenderId: string, sellerId: string, locale: Locale) {
  await requireLenderStaff(db, actor, lenderId);
  const consent = await liveConsent(db, sellerId, lenderId, 'credit_assessment');
  if (!consent) throw notFound('seller');
  const profile = restrictProfile(await computeProfile(db, sellerId), consent.dataItems);
  await recordAccess(db, actor, {
    sellerId,
    lenderId,
    consentId: consent.id,
    purpose: 'credit_assessment',
    dataItems: consent.dataItems,
    what: 'profile',
  });
  const { crossborderSharePct: _notScored, ...features } = profile.features;
  const scored = score(CURRENT_SCORECARD, features);
  const facts = await sellerFacts(db, [sellerId]);
  return {
    sellerId,
    shopName: shopName(facts, sellerId, locale),
    dataItems: consent.dataItems,
    profile,
    explanation: explain(scored, scored.reasons, [], locale),
  };
}

/** Applications made to the lender by shops whose consent is still live. Recorded per shop. */
export async function lenderApplications(db: Executor, actor: Actor, lenderId: string, locale: Locale) {
  await requireLenderStaff(db, actor, lenderId);
  const rows = await db
    .select({ a: applications, name: lenders.name, gateway: lenders.gateway })
    .from(applications)
    .innerJoin(lenders, eq(lenders.id, applications.lenderId))
    .innerJoin(
      consents,
      and(
        eq(consents.sellerId, applications.sellerId),
        eq(consents.lenderId, applications.lenderId),
        eq(consents.purpose, 'credit_assessment'),
        isNull(consents.withdrawnAt),
      ),
    )
    .where(eq(applications.lenderId, lenderId))
    .orderBy(desc(applications.createdAt))
    .limit(100);
  const facts = await sellerFacts(db, [...new Set(rows.map((r) => r.a.sellerId))]);
  for (const sellerId of new Set(rows.map((r) => r.a.sellerId))) {
    const consent = await liveConsent(db, sellerId, lenderId, 'credit_assessment');
    await recordAccess(db, actor, {
      sellerId,
      lenderId,
      consentId: consent!.id,
      purpose: 'credit_assessment',
      dataItems: consent!.dataItems,
      what: 'application',
    });
  }
  return rows.map((r) => ({
    ...applicationView(r.a, pickText(r.name, locale), r.gateway === 'sandbox', locale),
    sellerId: r.a.sellerId,
    shopName: shopName(facts, r.a.sellerId, locale),
  }));
}

/** A person at the lender decides a referred application: an offer on the product's terms, or a decline with a reason. */
export async function decideReferral(
  db: Executor,
  actor: Actor,
  lenderId: string,
  applicationId: string,
  input: { outcome: 'offer' | 'decline'; note?: string },
  locale: Locale,
) {
  const userId = await requireLenderStaff(db, actor, lenderId);
  const [row] = await db
    .select({ a: applications, p: loanProducts })
    .from(applications)
    .innerJoin(loanProducts, eq(loanProducts.id, applications.productId))
    .where(and(eq(applications.id, applicationId), eq(applications.lenderId, lenderId)));
  if (!row || !(await liveConsent(db, row.a.sellerId, lenderId, 'credit_assessment'))) throw notFound('application');
  if (row.a.outcome !== 'refer' || row.a.status !== 'decided') throw new AppError(409, 'finance_not_referred');
  const offer =
    input.outcome === 'offer' ? offerTerms(termsOf(row.p), row.a.amount, row.a.tenorMonths, row.p.rateBp) : null;
  const [updated] = await db
    .update(applications)
    .set({
      outcome: input.outcome,
      offer: offer as unknown as Record<string, unknown> | null,
      decidedBy: `person:${userId}`,
      reasons: [
        ...row.a.reasons,
        { code: input.outcome === 'offer' ? 'person_offered' : 'person_declined', pointsLost: 0 },
      ],
    })
    .where(and(eq(applications.id, applicationId), eq(applications.outcome, 'refer')))
    .returning();
  if (!updated) throw new AppError(409, 'finance_not_referred');
  const [l] = await db.select().from(lenders).where(eq(lenders.id, lenderId));
  return applicationView(updated, pickText(l.name, locale), l.gateway === 'sandbox', locale);
}
