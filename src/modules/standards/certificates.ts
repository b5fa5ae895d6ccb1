// A shop registers a certificate with its document; the number is claimed for that shop (another
// shop presenting it is refused) and asked of the agency's look-up (the sandbox here). Views for
// the shop and the operator, and the badges buyers see: only verified marks whose expiry date has
// not passed, which are also the marks search indexes (certificationSource).
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Locale, pickText, translate } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { productFacts } from '../catalog/index.ts';
import { requireSellerAccess, sellerFacts } from '../sellers/index.ts';
import { placeLabel, placeOf } from './areas.ts';
import { lookupFor } from './agency.ts';
import { bangkokDay, type StandardsRuntime } from './config.ts';
import { storeDocument } from '../../platform/uploads.ts';
import { type CertificateKind, ISSUERS, isMark, MARK_KINDS } from './numbers.ts';
import { type AgencyAnswer, certificates, geographicalIndications, numberClaims } from './schema.ts';
import { type CertificateInput, validateCertificate } from './validate.ts';
import './messages.ts';

type CertificateRow = typeof certificates.$inferSelect;

export interface CertificateView {
  id: string;
  sellerId: string;
  productId: string | null;
  variantId: string | null;
  product: { id: string; title: string } | null;
  kind: CertificateKind;
  kindLabel: string;
  number: string;
  standardRef: string | null;
  gi: { id: string; name: string; registrationNumber: string } | null;
  originArea: { code: string; label: string } | null;
  details: Record<string, unknown>;
  issuedOn: string;
  expiresOn: string;
  status: CertificateRow['status'];
  /** Verified and not past its expiry date: shown as a badge. */
  showing: boolean;
  reviewReason: string | null;
  reviewedAt: string | null;
  agencyAnswer: AgencyAnswer | null;
  document: { type: string; bytes: number; url: string };
  createdAt: string;
}

export const kindLabel = (kind: string, locale: Locale) =>
  isMark(kind) ? translate(`search.mark.${kind}`, locale) : translate(`standards.kind.${kind}`, locale);

export async function certificateViews(
  db: Executor,
  rows: CertificateRow[],
  locale: Locale,
): Promise<CertificateView[]> {
  if (!rows.length) return [];
  const giIds = [...new Set(rows.map((r) => r.giId).filter((x): x is string => Boolean(x)))];
  const [products, gis] = await Promise.all([
    productFacts(
      db,
      rows.map((r) => r.productId).filter((x): x is string => Boolean(x)),
    ),
    giIds.length
      ? db.select().from(geographicalIndications).where(inArray(geographicalIndications.id, giIds))
      : Promise.resolve([]),
  ]);
  const today = bangkokDay();
  return rows.map((r) => {
    const product = r.productId ? products.get(r.productId) : undefined;
    const gi = gis.find((g) => g.id === r.giId);
    const place = r.originAreaCode ? placeOf(r.originAreaCode) : null;
    return {
      id: r.id,
      sellerId: r.sellerId,
      productId: r.productId,
      variantId: r.variantId,
      product: product ? { id: product.id, title: pickText(product.title, locale) } : null,
      kind: r.kind,
      kindLabel: kindLabel(r.kind, locale),
      number: r.number,
      standardRef: r.standardRef,
      gi: gi
        ? {
            id: gi.id,
            name: pickText({ th: gi.nameTh, zh: gi.nameZh, en: gi.nameEn }, locale),
            registrationNumber: gi.registrationNumber,
          }
        : null,
      originArea: place ? { code: place.code, label: placeLabel(place) } : null,
      details: r.details,
      issuedOn: r.issuedOn,
      expiresOn: r.expiresOn,
      status: r.status,
      showing: r.status === 'verified' && r.expiresOn >= today,
      reviewReason: r.reviewReason,
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      agencyAnswer: r.agencyAnswer ?? null,
      document: {
        type: r.documentType,
        bytes: r.documentBytes,
        url: `/api/sellers/${r.sellerId}/certificates/${r.id}/document`,
      },
      createdAt: r.createdAt.toISOString(),
    };
  });
}

/**
 * Registers a certificate with its document, pending the operator's review. Nothing is kept when
 * anything is wrong: the fields are checked first, the document is stored only then and removed
 * again if the number turns out to be another shop's.
 */
export async function registerCertificate(
  db: Executor,
  actor: Actor,
  rt: StandardsRuntime,
  input: { sellerId: string; read: () => Promise<{ certificate: CertificateInput; document: Buffer }> },
  locale: Locale = 'th',
): Promise<CertificateView> {
  const { sellerId } = input;
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  // The upload is read only now, so that a stranger's request costs no transfer.
  const upload = await input.read();
  const valid = await validateCertificate(db, sellerId, upload.certificate);
  await refuseOthersNumber(db, sellerId, valid.kind, valid.numberKey);
  const id = newId();
  const stored = await storeDocument(
    rt.documents,
    `certificates/${sellerId}`,
    id,
    upload.document,
    rt.documentLimitBytes,
  );
  try {
    const shop = (await sellerFacts(db, [sellerId])).get(sellerId);
    const answer = await lookupFor(rt.agencies, valid.kind).check(valid.number, shop?.shopName.th ?? '');
    const row = await db.transaction(async (tx) => {
      await tx
        .insert(numberClaims)
        .values({ kind: valid.kind, numberKey: valid.numberKey, sellerId })
        .onConflictDoNothing();
      await refuseOthersNumber(tx, sellerId, valid.kind, valid.numberKey);
      const [created] = await tx
        .insert(certificates)
        .values({
          id,
          sellerId,
          ...valid,
          documentKey: stored.key,
          documentType: stored.type,
          documentBytes: stored.bytes,
          agencyAnswer: answer,
          createdBy: actor.kind === 'user' ? actor.userId : null,
        })
        .returning();
      return created;
    });
    return (await certificateViews(db, [row], locale))[0];
  } catch (err) {
    await rt.documents.delete(stored.key).catch(() => undefined);
    throw err;
  }
}

/** A number another shop registered first is not this shop's to present. */
async function refuseOthersNumber(db: Executor, sellerId: string, kind: CertificateKind, numberKey: string) {
  const [claim] = await db
    .select()
    .from(numberClaims)
    .where(and(eq(numberClaims.kind, kind), eq(numberClaims.numberKey, numberKey)));
  if (claim && claim.sellerId !== sellerId)
    throw new AppError(409, 'certificate_number_taken', {}, [{ field: 'number', code: 'number_of_another_shop' }]);
}

export async function shopCertificates(
  db: Executor,
  actor: Actor,
  sellerId: string,
  locale: Locale,
): Promise<CertificateView[]> {
  await requireSellerAccess(db, actor, sellerId);
  const rows = await db
    .select()
    .from(certificates)
    .where(eq(certificates.sellerId, sellerId))
    .orderBy(desc(certificates.createdAt));
  return certificateViews(db, rows, locale);
}

export async function requireCertificate(db: Executor, id: string, lock = false): Promise<CertificateRow> {
  const q = db.select().from(certificates).where(eq(certificates.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('certificate');
  return row;
}

/** The document, for the shop's members and operators. */
export async function certificateDocument(
  db: Executor,
  actor: Actor,
  rt: StandardsRuntime,
  sellerId: string,
  certificateId: string,
) {
  await requireSellerAccess(db, actor, sellerId);
  const row = await requireCertificate(db, certificateId);
  if (row.sellerId !== sellerId) throw notFound('certificate');
  const object = await rt.documents.get(row.documentKey);
  if (!object) throw notFound('document');
  return { ...object, filename: `${row.kind}-${row.id}.${row.documentKey.split('.').pop()}` };
}

/** Verified marks still valid today, of these products (their own or one of their variants'). */
export async function showingMarks(db: Executor, productIds: string[], now = new Date()): Promise<CertificateRow[]> {
  if (!productIds.length) return [];
  return db
    .select()
    .from(certificates)
    .where(
      and(
        inArray(certificates.productId, productIds),
        eq(certificates.status, 'verified'),
        gte(certificates.expiresOn, bangkokDay(now)),
        inArray(certificates.kind, [...MARK_KINDS]),
      ),
    );
}

/** For search (its certificationSourceHook): each product's mark codes. */
export async function productMarkCodes(db: Executor, productIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const r of await showingMarks(db, productIds)) {
    const list = out.get(r.productId!) ?? [];
    if (!list.includes(r.kind)) list.push(r.kind);
    out.set(r.productId!, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}

/** For product cards: each product's verified marks, in the marks' order, with an OTOP mark's stars. */
export async function productMarkSummaries(
  db: Executor,
  productIds: string[],
): Promise<Map<string, { kind: string; stars: number | null }[]>> {
  const out = new Map<string, { kind: string; stars: number | null }[]>();
  const rows = await showingMarks(db, productIds);
  rows.sort((a, b) => MARK_KINDS.indexOf(a.kind as never) - MARK_KINDS.indexOf(b.kind as never));
  for (const r of rows) {
    const list = out.get(r.productId!) ?? [];
    const stars = typeof r.details?.stars === 'number' ? r.details.stars : null;
    if (!list.some((m) => m.kind === r.kind)) list.push({ kind: r.kind, stars });
    out.set(r.productId!, list);
  }
  return out;
}

export interface MarkBadge {
  certificateId: string;
  kind: string;
  label: string;
  /** What the mark means and what Talad checked, in the reader's language. */
  explanation: string;
  issuer: string;
  number: string;
  standardRef: string | null;
  variantId: string | null;
  expiresOn: string;
  verifiedAt: string | null;
  gi: { name: string; registrationNumber: string } | null;
  originArea: string | null;
  stars: number | null;
  year: number | null;
}

export async function badgesOf(db: Executor, rows: CertificateRow[], locale: Locale): Promise<MarkBadge[]> {
  const views = await certificateViews(db, rows, locale);
  return views.map((v) => ({
    certificateId: v.id,
    kind: v.kind,
    label: v.kindLabel,
    explanation: translate(`standards.explain.${v.kind}`, locale),
    issuer: ISSUERS[v.kind][locale],
    number: v.number,
    standardRef: v.standardRef,
    variantId: v.variantId,
    expiresOn: v.expiresOn,
    verifiedAt: v.reviewedAt,
    gi: v.gi ? { name: v.gi.name, registrationNumber: v.gi.registrationNumber } : null,
    originArea: v.originArea?.label ?? null,
    stars: typeof v.details.stars === 'number' ? v.details.stars : null,
    year: typeof v.details.year === 'number' ? v.details.year : null,
  }));
}

/** The badges of one product (public). */
export async function productBadges(db: Executor, productId: string, locale: Locale): Promise<MarkBadge[]> {
  const rows = await showingMarks(db, [productId]);
  rows.sort((a, b) => MARK_KINDS.indexOf(a.kind as never) - MARK_KINDS.indexOf(b.kind as never));
  return badgesOf(db, rows, locale);
}

/** Certificates of a shop (or of its products) still counting for a flagship store: verified, not expired. */
export async function validEvidence(
  db: Executor,
  sellerId: string,
  kinds: CertificateKind[],
): Promise<CertificateRow[]> {
  return db
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.sellerId, sellerId),
        inArray(certificates.kind, kinds),
        eq(certificates.status, 'verified'),
        sql`${certificates.expiresOn} >= ${bangkokDay()}::date`,
      ),
    );
}
