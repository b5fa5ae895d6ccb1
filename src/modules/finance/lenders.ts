// Lenders and their loan products (amount range, tenor, rate, fees, guarantee scheme), kept by
// operators; the lenders' staff; what a shop reads of them (with the consent each purpose asks).
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { type Locale, pickText, translate } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { requireOperator } from './access.ts';
import { consentWording } from './consent.ts';
import type { ProductTerms } from './decision.ts';
import { DATA_ITEMS } from './profile.ts';
import { type I18n, lenderStaff, lenders, loanProducts } from './schema.ts';

export interface NewLender {
  name: I18n;
  gateway: 'sandbox' | 'webhook';
  webhookUrl?: string | null;
  retentionDays: number;
}

export async function createLender(db: Executor, actor: Actor, input: NewLender) {
  requireOperator(actor);
  if (input.gateway === 'webhook' && !/^https?:\/\//.test(input.webhookUrl ?? ''))
    throw invalid('webhookUrl', 'required');
  const [l] = await db
    .insert(lenders)
    .values({
      id: newId(),
      name: input.name,
      gateway: input.gateway,
      webhookUrl: input.webhookUrl ?? null,
      retentionDays: input.retentionDays,
    })
    .returning();
  return l;
}

export async function addLenderStaff(db: Executor, actor: Actor, lenderId: string, userId: string) {
  requireOperator(actor);
  const [l] = await db.select({ id: lenders.id }).from(lenders).where(eq(lenders.id, lenderId));
  if (!l) throw notFound('lender');
  await db.insert(lenderStaff).values({ lenderId, userId }).onConflictDoNothing();
  return { lenderId, userId };
}

export type NewProduct = Omit<ProductTerms, 'productId'> & { name: I18n };

export async function createProduct(db: Executor, actor: Actor, lenderId: string, p: NewProduct) {
  requireOperator(actor);
  const [l] = await db.select({ id: lenders.id }).from(lenders).where(eq(lenders.id, lenderId));
  if (!l) throw notFound('lender');
  if (p.minAmount <= 0 || p.maxAmount < p.minAmount) throw invalid('maxAmount', 'too_small', { min: p.minAmount });
  if (p.minTenorMonths < 1 || p.maxTenorMonths < p.minTenorMonths)
    throw invalid('maxTenorMonths', 'too_small', { min: p.minTenorMonths });
  if (p.repayment === 'revenue_share' && !(p.revenueShareBp && p.revenueShareBp > 0 && p.revenueShareBp <= 5000))
    throw invalid('revenueShareBp', 'required');
  const [row] = await db
    .insert(loanProducts)
    .values({ id: newId(), lenderId, ...p })
    .returning();
  return row;
}

export const termsOf = (p: typeof loanProducts.$inferSelect): ProductTerms => ({
  productId: p.id,
  minAmount: p.minAmount,
  maxAmount: p.maxAmount,
  minTenorMonths: p.minTenorMonths,
  maxTenorMonths: p.maxTenorMonths,
  rateBp: p.rateBp,
  feeBp: p.feeBp,
  guaranteeFeeBp: p.guaranteeFeeBp,
  guaranteeScheme: p.guaranteeScheme,
  repayment: p.repayment,
  revenueShareBp: p.revenueShareBp,
});

export async function productWithLender(db: Executor, productId: string) {
  const [row] = await db
    .select({ p: loanProducts, l: lenders })
    .from(loanProducts)
    .innerJoin(lenders, eq(lenders.id, loanProducts.lenderId))
    .where(and(eq(loanProducts.id, productId), eq(loanProducts.active, true), eq(lenders.active, true)));
  return row ?? null;
}

/** The lenders and their products, with the consent each purpose would ask, in the reader's language. */
export async function lenderCatalogue(db: Executor, locale: Locale) {
  const rows = await db
    .select({ p: loanProducts, l: lenders })
    .from(lenders)
    .leftJoin(loanProducts, and(eq(loanProducts.lenderId, lenders.id), eq(loanProducts.active, true)))
    .where(eq(lenders.active, true))
    .orderBy(asc(lenders.createdAt), asc(loanProducts.minAmount));
  const byLender = new Map<string, any>();
  for (const { l, p } of rows) {
    if (!byLender.has(l.id))
      byLender.set(l.id, {
        id: l.id,
        name: pickText(l.name, locale),
        sandbox: l.gateway === 'sandbox',
        retentionDays: l.retentionDays,
        consentWording: {
          credit_assessment: consentWording(l.name, 'credit_assessment', DATA_ITEMS, l.retentionDays, locale),
          loan_servicing: consentWording(l.name, 'loan_servicing', DATA_ITEMS, l.retentionDays, locale),
        },
        products: [],
      });
    if (p)
      byLender.get(l.id).products.push({
        ...termsOf(p),
        name: pickText(p.name, locale),
        guaranteeLabel: p.guaranteeScheme ? translate(`finance.guarantee.${p.guaranteeScheme}`, locale) : null,
      });
  }
  return [...byLender.values()];
}
