// Flagship stores for national products (the model: Tmall's, e.g. the Thai Rice Flagship Store). A
// shop applies with its brand, story and the products its storefront lists; the operator approves
// only when the stated requirements hold:
//   legal_entity        a juristic person (not an individual) with a valid 13-digit tax ID;
//   trademark           a verified, unexpired trademark registration, or an exclusive authorisation
//                       from the owner itself (one level only);
//   marks_per_product   each listed product carries a verified mark;
//   verified_share      at least STANDARDS_FLAGSHIP_MIN_VERIFIED_PERCENT of the shop's products on
//                       sale carry one.
// The flag itself stays the sellers module's (`is_flagship`, which search and the storefront read):
// approval sets it, and a requirement that breaks later (an expired authorisation, a revoked mark)
// takes it off automatically, recording why; it comes back once they all hold again.
import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, systemActor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { type Locale, pickText, translate } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { isValidThaiId } from '../../platform/thai.ts';
import { activeProductIdsOfShop, prepareImage, productFacts } from '../catalog/index.ts';
import { getSeller, getShopBySlug, requireSellerAccess, setFlagship } from '../sellers/index.ts';
import { placeLabel, placeOf } from './areas.ts';
import { type MarkBadge, badgesOf, showingMarks, validEvidence } from './certificates.ts';
import type { StandardsRuntime } from './config.ts';
import { notifyShop } from './notices.ts';
import { requireOperator } from './access.ts';
import { flagshipApplications, lots, type RequirementResult } from './schema.ts';

type ApplicationRow = typeof flagshipApplications.$inferSelect;
const STORY_MAX = 4000;

export interface FlagshipInput {
  brandName: string;
  story: { th: string; zh?: string | null; en?: string | null };
  productIds: string[];
  featuredLotIds?: string[];
}

/** The requirements as they stand now. */
export async function flagshipRequirements(
  db: Executor,
  sellerId: string,
  app: Pick<ApplicationRow, 'productIds'>,
  rt: StandardsRuntime,
): Promise<RequirementResult[]> {
  const seller = await getSeller(db, systemActor('standards'), sellerId);
  const legal = seller.businessType !== 'individual' && isValidThaiId(seller.taxId) && seller.taxId.startsWith('0');
  const evidence = await validEvidence(db, sellerId, ['trademark', 'trademark_authorisation']);
  const onSale = await activeProductIdsOfShop(db, sellerId);
  const marked = new Set(
    (await showingMarks(db, [...new Set([...onSale, ...app.productIds])])).map((m) => m.productId),
  );
  const listed = app.productIds.filter((id) => onSale.includes(id));
  const missing = listed.filter((id) => !marked.has(id)).length;
  const percent = onSale.length ? Math.floor((onSale.filter((id) => marked.has(id)).length * 100) / onSale.length) : 0;
  return [
    { code: 'legal_entity', ok: legal, params: { businessType: seller.businessType } },
    {
      code: 'trademark',
      ok: evidence.length > 0,
      params: { kind: evidence[0]?.kind ?? '', expiresOn: evidence[0]?.expiresOn ?? '' },
    },
    { code: 'marks_per_product', ok: listed.length > 0 && missing === 0, params: { listed: listed.length, missing } },
    {
      code: 'verified_share',
      ok: onSale.length > 0 && percent >= rt.flagshipMinVerifiedPercent,
      params: { percent, min: rt.flagshipMinVerifiedPercent },
    },
  ];
}

async function requireApplication(db: Executor, sellerId: string, lock = false): Promise<ApplicationRow> {
  const q = db.select().from(flagshipApplications).where(eq(flagshipApplications.sellerId, sellerId));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('flagship_application');
  return row;
}

export interface FlagshipView {
  sellerId: string;
  status: ApplicationRow['status'];
  brandName: string;
  story: { th: string; zh: string | null; en: string | null };
  productIds: string[];
  featuredLotIds: string[];
  bannerUrl: string | null;
  requirements: (RequirementResult & { text: string })[];
  checkedAt: string | null;
  rejectionReason: string | null;
  decidedAt: string | null;
  lapsedAt: string | null;
}

export function flagshipView(row: ApplicationRow, rt: StandardsRuntime, locale: Locale): FlagshipView {
  return {
    sellerId: row.sellerId,
    status: row.status,
    brandName: row.brandName,
    story: { th: row.storyTh, zh: row.storyZh, en: row.storyEn },
    productIds: row.productIds,
    featuredLotIds: row.featuredLotIds,
    bannerUrl: row.bannerKey ? rt.media.url(row.bannerKey) : null,
    requirements: row.requirements.map((r) => ({
      ...r,
      text: translate(`standards.requirement.${r.code}.${r.ok ? 'ok' : 'failed'}`, locale, r.params),
    })),
    checkedAt: row.checkedAt?.toISOString() ?? null,
    rejectionReason: row.rejectionReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    lapsedAt: row.lapsedAt?.toISOString() ?? null,
  };
}

/** A shop (its owner) applies, or edits its storefront; an approved store stays approved if the requirements still hold. */
export async function applyForFlagship(
  db: Executor,
  actor: Actor,
  sellerId: string,
  input: FlagshipInput,
  rt: StandardsRuntime,
  locale: Locale,
): Promise<FlagshipView> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true });
  const errors = [];
  if (!input.brandName.trim()) errors.push({ field: 'brandName', code: 'required' });
  if (!input.story.th.trim()) errors.push({ field: 'story.th', code: 'required' });
  if (input.story.th.length > STORY_MAX)
    errors.push({ field: 'story.th', code: 'too_long', params: { max: STORY_MAX } });
  const products = await productFacts(db, input.productIds);
  if (!input.productIds.length) errors.push({ field: 'productIds', code: 'required' });
  else if (input.productIds.some((id) => products.get(id)?.sellerId !== sellerId))
    errors.push({ field: 'productIds', code: 'not_product_of_shop' });
  const featured = input.featuredLotIds ?? [];
  if (featured.length) {
    const found = await db
      .select({ id: lots.id })
      .from(lots)
      .where(and(eq(lots.sellerId, sellerId), inArray(lots.id, featured)));
    if (found.length !== new Set(featured).size) errors.push({ field: 'featuredLotIds', code: 'not_lot_of_shop' });
  }
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(flagshipApplications)
      .where(eq(flagshipApplications.sellerId, sellerId))
      .for('update');
    const values = {
      brandName: input.brandName.trim(),
      storyTh: input.story.th.trim(),
      storyZh: input.story.zh?.trim() || null,
      storyEn: input.story.en?.trim() || null,
      productIds: [...new Set(input.productIds)],
      featuredLotIds: [...new Set(featured)],
      updatedAt: new Date(),
    };
    const requirements = await flagshipRequirements(tx, sellerId, values, rt);
    const keep = current && (current.status === 'approved' || current.status === 'lapsed');
    const [row] = current
      ? await tx
          .update(flagshipApplications)
          .set({
            ...values,
            requirements,
            checkedAt: new Date(),
            ...(keep ? {} : { status: 'pending' as const, rejectionReason: null }),
          })
          .where(eq(flagshipApplications.id, current.id))
          .returning()
      : await tx
          .insert(flagshipApplications)
          .values({ id: newId(), sellerId, ...values, requirements, checkedAt: new Date() })
          .returning();
    if (keep) await recheckFlagship(tx, sellerId, rt);
    return flagshipView(keep ? await requireApplication(tx, sellerId) : row, rt, locale);
  });
}

/** The storefront's banner: a photo checked by its content and stored without its camera metadata. */
export async function setFlagshipBanner(
  db: Executor,
  actor: Actor,
  sellerId: string,
  read: () => Promise<Buffer>,
  rt: StandardsRuntime,
  locale: Locale,
): Promise<FlagshipView> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true });
  const current = await requireApplication(db, sellerId);
  const image = await prepareImage(await read());
  const ext = image.format === 'jpeg' ? 'jpg' : image.format;
  const key = `flagship/${sellerId}/${newId()}.${ext}`;
  await rt.media.put(key, image.original, ext === 'jpg' ? 'image/jpeg' : `image/${ext}`);
  const [row] = await db
    .update(flagshipApplications)
    .set({ bannerKey: key, updatedAt: new Date() })
    .where(eq(flagshipApplications.id, current.id))
    .returning();
  if (current.bannerKey) await rt.media.delete(current.bannerKey).catch(() => undefined);
  return flagshipView(row, rt, locale);
}

export async function myFlagship(db: Executor, actor: Actor, sellerId: string, rt: StandardsRuntime, locale: Locale) {
  await requireSellerAccess(db, actor, sellerId);
  const [row] = await db.select().from(flagshipApplications).where(eq(flagshipApplications.sellerId, sellerId));
  return row ? flagshipView(row, rt, locale) : null;
}

export async function flagshipQueue(db: Executor, actor: Actor, rt: StandardsRuntime, locale: Locale) {
  requireOperator(actor);
  const rows = await db.select().from(flagshipApplications).orderBy(flagshipApplications.createdAt);
  const out = [];
  for (const row of rows) {
    // The operator decides on the requirements as they stand, not as they were when the shop applied.
    const requirements =
      row.status === 'pending' ? await flagshipRequirements(db, row.sellerId, row, rt) : row.requirements;
    out.push(flagshipView({ ...row, requirements }, rt, locale));
  }
  return out;
}

/** The operator approves: refused, naming each requirement not met, unless all hold. */
export async function approveFlagship(
  db: Executor,
  actor: Actor,
  sellerId: string,
  rt: StandardsRuntime,
  locale: Locale,
) {
  requireOperator(actor);
  return db.transaction(async (tx) => {
    const current = await requireApplication(tx, sellerId, true);
    if (current.status === 'approved') return flagshipView(current, rt, locale);
    const requirements = await flagshipRequirements(tx, sellerId, current, rt);
    const failed = requirements.filter((r) => !r.ok);
    if (failed.length)
      throw new AppError(
        409,
        'flagship_requirements_unmet',
        { n: failed.length },
        failed.map((r) => ({ field: `requirements.${r.code}`, code: `requirement_${r.code}`, params: r.params })),
      );
    const [row] = await tx
      .update(flagshipApplications)
      .set({
        status: 'approved',
        requirements,
        checkedAt: new Date(),
        decidedBy: actor.kind === 'user' ? actor.userId : null,
        decidedAt: new Date(),
        rejectionReason: null,
        lapsedAt: null,
      })
      .where(eq(flagshipApplications.id, current.id))
      .returning();
    await setFlagship(tx, actor, sellerId, { isFlagship: true });
    return flagshipView(row, rt, locale);
  });
}

export async function rejectFlagship(
  db: Executor,
  actor: Actor,
  sellerId: string,
  reason: string | undefined,
  rt: StandardsRuntime,
  locale: Locale,
) {
  requireOperator(actor);
  const why = (reason ?? '').trim();
  if (!why) throw invalid('reason', 'required');
  return db.transaction(async (tx) => {
    const current = await requireApplication(tx, sellerId, true);
    const [row] = await tx
      .update(flagshipApplications)
      .set({
        status: 'rejected',
        rejectionReason: why,
        decidedBy: actor.kind === 'user' ? actor.userId : null,
        decidedAt: new Date(),
      })
      .where(eq(flagshipApplications.id, current.id))
      .returning();
    if (current.status === 'approved') await setFlagship(tx, actor, sellerId, { isFlagship: false });
    return flagshipView(row, rt, locale);
  });
}

/**
 * Checks an approved (or lapsed) store's requirements again, in the caller's transaction: a broken one
 * takes the flagship badge off and tells the shop why; all holding again gives it back. Returns
 * whether the store's standing changed.
 */
export async function recheckFlagship(tx: Executor, sellerId: string, rt: StandardsRuntime): Promise<boolean> {
  const [current] = await tx
    .select()
    .from(flagshipApplications)
    .where(eq(flagshipApplications.sellerId, sellerId))
    .for('update');
  if (!current || (current.status !== 'approved' && current.status !== 'lapsed')) return false;
  const requirements = await flagshipRequirements(tx, sellerId, current, rt);
  const failed = requirements.filter((r) => !r.ok);
  const system = systemActor('standards-flagship');
  const now = new Date();
  if (current.status === 'approved' && failed.length) {
    await tx
      .update(flagshipApplications)
      .set({ status: 'lapsed', requirements, checkedAt: now, lapsedAt: now })
      .where(eq(flagshipApplications.id, current.id));
    await setFlagship(tx, system, sellerId, { isFlagship: false });
    await notifyShop(
      tx,
      sellerId,
      'flagship_lapsed',
      { reasons: failed.map((r) => r.code).join(',') },
      `lapsed:${now.toISOString()}`,
    );
    return true;
  }
  if (current.status === 'lapsed' && !failed.length) {
    await tx
      .update(flagshipApplications)
      .set({ status: 'approved', requirements, checkedAt: now, lapsedAt: null })
      .where(eq(flagshipApplications.id, current.id));
    await setFlagship(tx, system, sellerId, { isFlagship: true });
    await notifyShop(tx, sellerId, 'flagship_restored', {}, `restored:${now.toISOString()}`);
    return true;
  }
  await tx
    .update(flagshipApplications)
    .set({ requirements, checkedAt: now })
    .where(eq(flagshipApplications.id, current.id));
  return false;
}

export interface FlagshipStorefront {
  brandName: string;
  story: string;
  storyLang: Locale;
  bannerUrl: string | null;
  badges: MarkBadge[];
  featuredLots: { lotNumber: string; traceCode: string; producerName: string; area: string; harvestedOn: string }[];
}

/** The public storefront of an approved flagship store, or null (not a flagship store now). */
export async function flagshipStorefront(
  db: Executor,
  slug: string,
  rt: StandardsRuntime,
  locale: Locale,
): Promise<FlagshipStorefront | null> {
  const shop = await getShopBySlug(db, slug);
  const [row] = await db.select().from(flagshipApplications).where(eq(flagshipApplications.sellerId, shop.id));
  if (row?.status !== 'approved' || !shop.isFlagship) return null;
  const marks = await showingMarks(db, row.productIds);
  // One badge per kind of mark across the listed products.
  const byKind = new Map(marks.map((m) => [m.kind, m]));
  const featured = row.featuredLotIds.length
    ? await db
        .select()
        .from(lots)
        .where(and(eq(lots.sellerId, shop.id), inArray(lots.id, row.featuredLotIds), eq(lots.status, 'active')))
    : [];
  const story = pickText({ th: row.storyTh, zh: row.storyZh, en: row.storyEn }, locale);
  return {
    brandName: row.brandName,
    story,
    storyLang: story === row.storyTh ? 'th' : locale,
    bannerUrl: row.bannerKey ? rt.media.url(row.bannerKey) : null,
    badges: await badgesOf(db, [...byKind.values()], locale),
    // In the order the shop chose them.
    featuredLots: featured
      .sort((a, b) => row.featuredLotIds.indexOf(a.id) - row.featuredLotIds.indexOf(b.id))
      .map((l) => {
        const place = placeOf(l.areaCode);
        return {
          lotNumber: l.lotNumber,
          traceCode: l.traceCode,
          producerName: l.producerName,
          area: place ? placeLabel(place) : l.areaCode,
          harvestedOn: l.harvestedOn,
        };
      }),
  };
}
