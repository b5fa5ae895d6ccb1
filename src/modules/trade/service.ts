// The rules of B2B trade: business buyers and their teams, requests for quotation seen only by
// matching verified shops, quotes (at most 10 per request, one per shop, edited once) and the
// buyer's side-by-side comparison. Functions take (db or tx, actor, input); access is checked here.
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { type Actor, isOperator } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError, forbidden, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import { LOCALES, type Locale } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { activeProductIdsOfShop } from '../catalog/index.ts';
import { requireApprovedSeller, requireSellerAccess, sellerFacts } from '../sellers/index.ts';
import { productMarkCodes } from '../standards/index.ts';
import { INCOTERMS, type Incoterm, incotermAllows, TRANSPORT_MODES, type TransportMode, usccProblem } from './codes.ts';
import './messages.ts';
import { tradeBuyerMembers, tradeBuyers, tradeQuotes, tradeRfqs, tradeSellerProfiles } from './schema.ts';

export const MAX_QUOTES = 10;

const userId = (actor: Actor): string => {
  if (actor.kind !== 'user') throw unauthenticated();
  return actor.userId;
};

export interface BuyerInput {
  companyName: string;
  country: string;
  registrationNumber: string;
  language: Locale;
}

export async function registerBuyer(db: Db, actor: Actor, input: BuyerInput) {
  const uid = userId(actor);
  const country = input.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw invalid('country', 'invalid');
  if (!input.companyName.trim()) throw invalid('companyName', 'required');
  if (!LOCALES.includes(input.language)) throw invalid('language', 'invalid');
  const registrationNumber = input.registrationNumber.trim().toUpperCase();
  if (country === 'CN') {
    const problem = usccProblem(registrationNumber);
    if (problem) throw invalid('registrationNumber', problem);
  } else if (!/^[A-Z0-9-]{5,30}$/.test(registrationNumber)) throw invalid('registrationNumber', 'invalid');
  const id = newId();
  await db.transaction(async (tx) => {
    await tx
      .insert(tradeBuyers)
      .values({ id, companyName: input.companyName.trim(), country, registrationNumber, language: input.language });
    await tx.insert(tradeBuyerMembers).values({ buyerId: id, userId: uid, role: 'owner' });
  });
  return getBuyer(db, actor, id);
}

/** The buyer account the actor belongs to (404 when none: nothing is told about others). */
export async function buyerOfActor(db: Executor, actor: Actor) {
  const uid = userId(actor);
  const [row] = await db
    .select({ buyer: tradeBuyers, role: tradeBuyerMembers.role })
    .from(tradeBuyerMembers)
    .innerJoin(tradeBuyers, eq(tradeBuyers.id, tradeBuyerMembers.buyerId))
    .where(eq(tradeBuyerMembers.userId, uid))
    .limit(1);
  if (!row) throw notFound('trade_buyer');
  return row;
}

export async function getBuyer(db: Executor, actor: Actor, id: string) {
  const uid = userId(actor);
  const [buyer] = await db.select().from(tradeBuyers).where(eq(tradeBuyers.id, id));
  if (!buyer) throw notFound('trade_buyer');
  const members = await db.select().from(tradeBuyerMembers).where(eq(tradeBuyerMembers.buyerId, id));
  if (!isOperator(actor) && !members.some((m) => m.userId === uid)) throw notFound('trade_buyer');
  return {
    id: buyer.id,
    companyName: buyer.companyName,
    country: buyer.country,
    registrationNumber: buyer.registrationNumber,
    verified: buyer.registrationVerifiedAt !== null,
    language: buyer.language,
    members: members.map((m) => ({ userId: m.userId, role: m.role })),
  };
}

/** An operator verifies the registration against the registry's record (done by hand: no registry is reachable). */
export async function verifyBuyer(db: Executor, actor: Actor, id: string) {
  if (!isOperator(actor)) throw actor.kind === 'guest' ? unauthenticated() : forbidden();
  const done = await db
    .update(tradeBuyers)
    .set({ registrationVerifiedAt: new Date() })
    .where(eq(tradeBuyers.id, id))
    .returning({ id: tradeBuyers.id });
  if (!done.length) throw notFound('trade_buyer');
  return getBuyer(db, actor, id);
}

/** The owner adds a colleague (an existing user) to the team. */
export async function addMember(db: Executor, actor: Actor, buyerId: string, memberUserId: string) {
  const { buyer, role } = await buyerOfActor(db, actor);
  if (buyer.id !== buyerId) throw notFound('trade_buyer');
  if (role !== 'owner') throw forbidden();
  await db.insert(tradeBuyerMembers).values({ buyerId, userId: memberUserId, role: 'member' }).onConflictDoNothing();
  return getBuyer(db, actor, buyerId);
}

export async function setLanguage(db: Executor, actor: Actor, language: Locale) {
  if (!LOCALES.includes(language)) throw invalid('language', 'invalid');
  const { buyer } = await buyerOfActor(db, actor);
  await db.update(tradeBuyers).set({ language }).where(eq(tradeBuyers.id, buyer.id));
  return getBuyer(db, actor, buyer.id);
}

export async function setTradeProfile(db: Executor, actor: Actor, sellerId: string, categoryIds: string[]) {
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  await db
    .insert(tradeSellerProfiles)
    .values({ sellerId, categoryIds })
    .onConflictDoUpdate({ target: tradeSellerProfiles.sellerId, set: { categoryIds } });
  return { sellerId, categoryIds };
}

export interface RfqInput {
  product: string;
  language: Locale;
  categoryId: string;
  quantity: number;
  unit: string;
  targetPriceMinor?: number | null;
  currency: string;
  incoterm: Incoterm;
  transportMode: TransportMode;
  place: string;
  deliveryFrom: string;
  deliveryTo: string;
  certifications: string[];
  sampleWanted: boolean;
  deadline: string;
}

export async function postRfq(db: Executor, actor: Actor, input: RfqInput) {
  const { buyer } = await buyerOfActor(db, actor);
  if (!buyer.registrationVerifiedAt) throw new AppError(409, 'trade_buyer_not_verified');
  if (!INCOTERMS.includes(input.incoterm)) throw invalid('incoterm', 'invalid');
  if (!TRANSPORT_MODES.includes(input.transportMode)) throw invalid('transportMode', 'invalid');
  if (!incotermAllows(input.incoterm, input.transportMode))
    throw invalid('incoterm', 'incoterm_sea_only', { rule: input.incoterm });
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1) throw invalid('quantity', 'invalid');
  if (!['THB', 'CNY', 'USD'].includes(input.currency)) throw invalid('currency', 'invalid');
  if (input.deliveryTo < input.deliveryFrom) throw invalid('deliveryTo', 'before_start');
  const deadline = new Date(input.deadline);
  if (Number.isNaN(deadline.getTime()) || deadline.getTime() <= Date.now()) throw invalid('deadline', 'in_the_past');
  const id = newId();
  await db.insert(tradeRfqs).values({
    id,
    buyerId: buyer.id,
    createdBy: userId(actor),
    product: input.product.trim(),
    language: input.language,
    categoryId: input.categoryId,
    quantity: input.quantity,
    unit: input.unit,
    targetPriceMinor: input.targetPriceMinor ?? null,
    currency: input.currency,
    incoterm: input.incoterm,
    transportMode: input.transportMode,
    place: input.place,
    deliveryFrom: input.deliveryFrom,
    deliveryTo: input.deliveryTo,
    certifications: [...new Set(input.certifications)].sort(),
    sampleWanted: input.sampleWanted,
    deadline,
    status: 'open',
  });
  return rfqView((await db.select().from(tradeRfqs).where(eq(tradeRfqs.id, id)))[0]);
}

const rfqView = (r: typeof tradeRfqs.$inferSelect) => ({
  ...r,
  deadline: r.deadline.toISOString(),
  createdAt: r.createdAt.toISOString(),
});

/** The requests of the actor's own buyer account, newest first. */
export async function myRfqs(db: Executor, actor: Actor) {
  const { buyer } = await buyerOfActor(db, actor);
  const rows = await db.select().from(tradeRfqs).where(eq(tradeRfqs.buyerId, buyer.id)).orderBy(sql`created_at desc`);
  return rows.map(rfqView);
}

/** The marks the shop's products show now (verified and valid, from the standards module). */
async function shopMarks(db: Executor, sellerId: string): Promise<Set<string>> {
  const marks = await productMarkCodes(db, await activeProductIdsOfShop(db, sellerId));
  return new Set([...marks.values()].flat());
}

const matches = (r: typeof tradeRfqs.$inferSelect, categories: string[], marks: Set<string>) =>
  categories.includes(r.categoryId) && r.certifications.every((c) => marks.has(c));

/** Open requests an approved shop matches: in its categories, and it shows every mark asked for. */
export async function rfqsForSeller(db: Executor, actor: Actor, sellerId: string) {
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  await requireApprovedSeller(db, sellerId);
  const [profile] = await db.select().from(tradeSellerProfiles).where(eq(tradeSellerProfiles.sellerId, sellerId));
  if (!profile?.categoryIds.length) return [];
  const marks = await shopMarks(db, sellerId);
  const rows = await db
    .select()
    .from(tradeRfqs)
    .where(and(eq(tradeRfqs.status, 'open'), inArray(tradeRfqs.categoryId, profile.categoryIds)));
  return rows.filter((r) => matches(r, profile.categoryIds, marks)).map(rfqView);
}

/** One request as a shop sees it: open and matching, or one it has quoted on (404 otherwise). */
export async function rfqForSeller(db: Executor, actor: Actor, sellerId: string, rfqId: string) {
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  const [rfq] = await db.select().from(tradeRfqs).where(eq(tradeRfqs.id, rfqId));
  if (!rfq) throw notFound('rfq');
  const [quote] = await db
    .select()
    .from(tradeQuotes)
    .where(and(eq(tradeQuotes.rfqId, rfqId), eq(tradeQuotes.sellerId, sellerId)));
  if (!quote) {
    const open = (await rfqsForSeller(db, actor, sellerId)).some((r) => r.id === rfqId);
    if (!open) throw notFound('rfq');
  }
  const [buyer] = await db
    .select({ companyName: tradeBuyers.companyName, country: tradeBuyers.country, language: tradeBuyers.language })
    .from(tradeBuyers)
    .where(eq(tradeBuyers.id, rfq.buyerId));
  return { rfq: rfqView(rfq), buyer, quote: quote ? quoteView(quote) : null };
}

/** The operator's list of business buyers, the unverified first. */
export async function buyersForOperator(db: Executor, actor: Actor) {
  if (!isOperator(actor)) throw actor.kind === 'guest' ? unauthenticated() : forbidden();
  const rows = await db
    .select()
    .from(tradeBuyers)
    .orderBy(sql`registration_verified_at is not null`, sql`created_at desc`)
    .limit(200);
  return rows.map((b) => ({
    id: b.id,
    companyName: b.companyName,
    country: b.country,
    registrationNumber: b.registrationNumber,
    verified: b.registrationVerifiedAt !== null,
    createdAt: b.createdAt.toISOString(),
  }));
}

export interface QuoteInput {
  unitPriceSatang: number;
  moq: number;
  tiers: { minQuantity: number; unitPriceSatang: number }[];
  leadTimeDays: number;
  validUntil: string;
  terms: string;
  language: Locale;
  attachments: { name: string; url: string }[];
  samplePriceSatang?: number | null;
  depositPercent?: number;
}

function checkQuote(q: QuoteInput) {
  if (!Number.isSafeInteger(q.unitPriceSatang) || q.unitPriceSatang < 1) throw invalid('unitPriceSatang', 'invalid');
  if (!Number.isSafeInteger(q.moq) || q.moq < 1) throw invalid('moq', 'invalid');
  let last = q.moq;
  for (const [i, t] of q.tiers.entries()) {
    if (t.minQuantity <= last || t.unitPriceSatang < 1) throw invalid(`tiers.${i}`, 'tier_order');
    last = t.minQuantity;
  }
  if (!Number.isSafeInteger(q.leadTimeDays) || q.leadTimeDays < 0) throw invalid('leadTimeDays', 'invalid');
  if (q.samplePriceSatang != null && (!Number.isSafeInteger(q.samplePriceSatang) || q.samplePriceSatang < 1))
    throw invalid('samplePriceSatang', 'invalid');
  const deposit = q.depositPercent ?? 30;
  if (!Number.isSafeInteger(deposit) || deposit < 10 || deposit > 90) throw invalid('depositPercent', 'deposit_range');
  return { ...q, samplePriceSatang: q.samplePriceSatang ?? null, depositPercent: deposit };
}

/**
 * A shop quotes on a request it matches. The request's row is locked: the 10th quote closes it,
 * and an 11th — however concurrent — is refused with 409 rfq_closed.
 */
export async function submitQuote(db: Db, actor: Actor, sellerId: string, rfqId: string, input: QuoteInput) {
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  await requireApprovedSeller(db, sellerId);
  const values = checkQuote(input);
  const [profile] = await db.select().from(tradeSellerProfiles).where(eq(tradeSellerProfiles.sellerId, sellerId));
  const marks = await shopMarks(db, sellerId);
  return db.transaction(async (tx) => {
    const [rfq] = await tx.select().from(tradeRfqs).where(eq(tradeRfqs.id, rfqId)).for('update');
    if (!rfq || !matches(rfq, profile?.categoryIds ?? [], marks)) throw notFound('rfq');
    if (rfq.status !== 'open' || rfq.deadline.getTime() <= Date.now()) throw new AppError(409, 'rfq_closed');
    const [existing] = await tx
      .select({ id: tradeQuotes.id })
      .from(tradeQuotes)
      .where(and(eq(tradeQuotes.rfqId, rfqId), eq(tradeQuotes.sellerId, sellerId)));
    if (existing) throw new AppError(409, 'quote_exists');
    const id = newId();
    await tx.insert(tradeQuotes).values({ id, rfqId, sellerId, ...values, status: 'submitted' });
    const count = rfq.quoteCount + 1;
    await tx
      .update(tradeRfqs)
      .set(
        count >= MAX_QUOTES ? { quoteCount: count, status: 'closed', closedReason: 'quotes' } : { quoteCount: count },
      )
      .where(eq(tradeRfqs.id, rfqId));
    return quoteView((await tx.select().from(tradeQuotes).where(eq(tradeQuotes.id, id)))[0]);
  });
}

const quoteView = (q: typeof tradeQuotes.$inferSelect) => ({ ...q, createdAt: q.createdAt.toISOString() });

/** The shop edits its own quote once, while the request is open. */
export async function editQuote(db: Db, actor: Actor, sellerId: string, quoteId: string, input: QuoteInput) {
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  const values = checkQuote(input);
  return db.transaction(async (tx) => {
    const [q] = await tx
      .select()
      .from(tradeQuotes)
      .where(and(eq(tradeQuotes.id, quoteId), eq(tradeQuotes.sellerId, sellerId)))
      .for('update');
    if (!q) throw notFound('quote');
    if (q.edits >= 1) throw new AppError(409, 'quote_edited_once');
    if (q.status !== 'submitted') throw new AppError(409, 'rfq_closed');
    await tx
      .update(tradeQuotes)
      .set({ ...values, edits: q.edits + 1 })
      .where(eq(tradeQuotes.id, quoteId));
    return quoteView((await tx.select().from(tradeQuotes).where(eq(tradeQuotes.id, quoteId)))[0]);
  });
}

/** A shop's own quotes, never another shop's. */
export async function shopQuotes(db: Executor, actor: Actor, sellerId: string) {
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  return (await db.select().from(tradeQuotes).where(eq(tradeQuotes.sellerId, sellerId))).map(quoteView);
}

/** The buyer's side-by-side comparison of the quotes on its own request, cheapest first. */
export async function compareQuotes(db: Executor, actor: Actor, rfqId: string) {
  const { buyer } = await buyerOfActor(db, actor);
  const [rfq] = await db
    .select()
    .from(tradeRfqs)
    .where(and(eq(tradeRfqs.id, rfqId), eq(tradeRfqs.buyerId, buyer.id)));
  if (!rfq) throw notFound('rfq');
  const quotes = await db.select().from(tradeQuotes).where(eq(tradeQuotes.rfqId, rfqId));
  const shops = await sellerFacts(
    db,
    quotes.map((q) => q.sellerId),
  );
  return {
    rfq: rfqView(rfq),
    language: buyer.language,
    quotes: quotes
      .map((q) => ({
        ...quoteView(q),
        shop: {
          name: shops.get(q.sellerId)?.shopName ?? { th: '', zh: null, en: null },
          slug: shops.get(q.sellerId)?.slug ?? '',
        },
        totalSatang: q.unitPriceSatang * Math.max(rfq.quantity, q.moq),
      }))
      .sort((a, b) => a.unitPriceSatang - b.unitPriceSatang),
  };
}

/** The job: requests past their deadline close. */
export async function closeDueRfqs(db: Executor): Promise<number> {
  const closed = await db
    .update(tradeRfqs)
    .set({ status: 'closed', closedReason: 'deadline' })
    .where(and(eq(tradeRfqs.status, 'open'), lte(tradeRfqs.deadline, new Date())))
    .returning({ id: tradeRfqs.id });
  return closed.length;
}
