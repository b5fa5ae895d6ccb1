// The partner directory: logistics, inspection, packaging, photography and training partners a
// shop may hire, searchable by service, province and words; shops that used one review it (one
// review per shop and partner, rating 1–5, text kept in its language).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import { LOCALES, type Locale } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import './messages.ts';
import { type PartnerText, tradePartnerReviews, tradePartners } from './schema.ts';

export const PARTNER_KINDS = ['logistics', 'inspection', 'packaging', 'photography', 'training'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export interface PartnerSeed {
  slug: string;
  kind: PartnerKind;
  name: PartnerText;
  description: PartnerText;
  provinces: string[];
  languages: Locale[];
  contact: { email?: string; phone?: string; website?: string };
}

/** Adds the partners not yet listed (by slug); run by the demo seed. */
export async function seedPartners(db: Executor, partners: readonly PartnerSeed[]): Promise<void> {
  for (const p of partners) {
    for (const code of p.provinces) if (!provinceByCode(code)) throw new Error(`unknown province ${code}`);
    await db
      .insert(tradePartners)
      .values({ id: newId(), ...p })
      .onConflictDoNothing({ target: tradePartners.slug });
  }
}

type PartnerRow = typeof tradePartners.$inferSelect;

async function ratings(db: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, { average: number; count: number }>();
  const rows = await db
    .select({
      partnerId: tradePartnerReviews.partnerId,
      average: sql<string>`round(avg(${tradePartnerReviews.rating}), 1)::text`,
      count: sql<number>`count(*)::int`,
    })
    .from(tradePartnerReviews)
    .where(
      sql`${tradePartnerReviews.partnerId} in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    )
    .groupBy(tradePartnerReviews.partnerId);
  return new Map(rows.map((r) => [r.partnerId, { average: Number(r.average), count: Number(r.count) }]));
}

const partnerView = (p: PartnerRow, rating?: { average: number; count: number }) => ({
  id: p.id,
  slug: p.slug,
  kind: p.kind as PartnerKind,
  name: p.name,
  description: p.description,
  provinces: p.provinces,
  languages: p.languages,
  contact: p.contact,
  rating: rating ?? { average: 0, count: 0 },
});

export interface PartnerQuery {
  service?: string;
  province?: string;
  q?: string;
}

/** The directory: by service, by a province served, by words in the name or description (any language). */
export async function searchPartners(db: Executor, query: PartnerQuery) {
  const where = [];
  if (query.service) {
    if (!PARTNER_KINDS.includes(query.service as PartnerKind)) throw invalid('service', 'invalid');
    where.push(eq(tradePartners.kind, query.service));
  }
  if (query.province) {
    if (!provinceByCode(query.province)) throw invalid('province', 'invalid');
    where.push(sql`${tradePartners.provinces} @> ${JSON.stringify([query.province])}::jsonb`);
  }
  const words = query.q?.trim();
  if (words) {
    const like = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${tradePartners.name}::text ilike ${like} or ${tradePartners.description}::text ilike ${like})`);
  }
  const rows = await db
    .select()
    .from(tradePartners)
    .where(where.length ? and(...where) : undefined)
    .orderBy(tradePartners.slug)
    .limit(200);
  const r = await ratings(
    db,
    rows.map((p) => p.id),
  );
  return rows.map((p) => partnerView(p, r.get(p.id)));
}

async function partnerBySlug(db: Executor, slug: string): Promise<PartnerRow> {
  const [p] = await db.select().from(tradePartners).where(eq(tradePartners.slug, slug));
  if (!p) throw notFound('trade_partner');
  return p;
}

/** One partner with its reviews, newest first. */
export async function getPartner(db: Executor, slug: string) {
  const p = await partnerBySlug(db, slug);
  const reviews = await db
    .select()
    .from(tradePartnerReviews)
    .where(eq(tradePartnerReviews.partnerId, p.id))
    .orderBy(desc(tradePartnerReviews.createdAt));
  return {
    ...partnerView(p, (await ratings(db, [p.id])).get(p.id)),
    reviews: reviews.map((r) => ({
      id: r.id,
      sellerId: r.sellerId,
      rating: r.rating,
      body: r.body,
      language: r.language as Locale,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

export interface ReviewInput {
  rating: number;
  body: string;
  language: Locale;
}

/** A member of the shop reviews a partner the shop used: once per shop (409 partner_review_exists). */
export async function reviewPartner(db: Db, actor: Actor, sellerId: string, slug: string, input: ReviewInput) {
  if (actor.kind !== 'user') throw unauthenticated();
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  const p = await partnerBySlug(db, slug);
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) throw invalid('rating', 'rating_range');
  const body = input.body.trim();
  if (!body) throw invalid('body', 'required');
  if (!LOCALES.includes(input.language)) throw invalid('language', 'invalid');
  const id = newId();
  const done = await db
    .insert(tradePartnerReviews)
    .values({
      id,
      partnerId: p.id,
      sellerId,
      authorUserId: actor.userId,
      rating: input.rating,
      body,
      language: input.language,
    })
    .onConflictDoNothing()
    .returning({ id: tradePartnerReviews.id });
  if (!done.length) throw new AppError(409, 'partner_review_exists');
  return getPartner(db, slug);
}
