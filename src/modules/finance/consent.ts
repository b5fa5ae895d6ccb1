// Consent under the PDPA (B.E. 2562, s. 19): explicit, separate for each lender and each purpose,
// naming the data shared and how long the lender keeps it, as easy to withdraw as to give. Every
// consent (with the wording the shop saw) and every access to a shop's data is recorded, and the
// shop reads who looked at what. After a withdrawal nothing more is shared.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { type Actor, actorId } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { type Locale, pickText, translate } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { DATA_ITEMS, type DataItem } from './profile.ts';
import { accessLog, consents, type I18n, lenders } from './schema.ts';
import './messages.ts';

export const CONSENT_WORDING_VERSION = 'pdpa-finance-2026-12';
export type Purpose = 'credit_assessment' | 'loan_servicing';

/** The wording of one consent in one language, from the lender, the purpose, the items and the retention. */
export function consentWording(
  lenderName: I18n,
  purpose: Purpose,
  items: readonly string[],
  retentionDays: number,
  locale: Locale,
): string {
  return translate(`finance.consent.wording.${purpose}`, locale, {
    lender: pickText(lenderName, locale),
    items: items.map((i) => translate(`finance.item.${i}`, locale)).join(', '),
    days: retentionDays,
  });
}

export interface ConsentView {
  id: string;
  lenderId: string;
  lenderName: string;
  purpose: Purpose;
  dataItems: string[];
  dataItemLabels: string[];
  retentionDays: number;
  wording: string;
  wordingVersion: string;
  grantedAt: string;
  withdrawnAt: string | null;
  live: boolean;
}

function consentView(c: typeof consents.$inferSelect, lenderName: I18n, locale: Locale): ConsentView {
  return {
    id: c.id,
    lenderId: c.lenderId,
    lenderName: pickText(lenderName, locale),
    purpose: c.purpose,
    dataItems: c.dataItems,
    dataItemLabels: c.dataItems.map((i) => translate(`finance.item.${i}`, locale)),
    retentionDays: c.retentionDays,
    wording: pickText(c.wording, locale),
    wordingVersion: c.wordingVersion,
    grantedAt: c.grantedAt.toISOString(),
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    live: !c.withdrawnAt,
  };
}

export async function grantConsent(
  db: Executor,
  actor: Actor,
  sellerId: string,
  input: { lenderId: string; purpose: Purpose; dataItems: string[] },
  locale: Locale,
): Promise<ConsentView> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true, membersOnly: true });
  const items = [...new Set(input.dataItems)];
  if (!items.length) throw invalid('dataItems', 'required');
  const unknown = items.find((i) => !DATA_ITEMS.includes(i as DataItem));
  if (unknown) throw invalid('dataItems', 'not_allowed');
  const [lender] = await db.select().from(lenders).where(eq(lenders.id, input.lenderId));
  if (!lender?.active) throw notFound('lender');
  const wording = {
    th: consentWording(lender.name, input.purpose, items, lender.retentionDays, 'th'),
    zh: consentWording(lender.name, input.purpose, items, lender.retentionDays, 'zh'),
    en: consentWording(lender.name, input.purpose, items, lender.retentionDays, 'en'),
  };
  return db.transaction(async (tx) => {
    // Consenting again replaces the live consent of the same lender and purpose (a new record; the old one stays).
    await tx
      .update(consents)
      .set({ withdrawnAt: new Date(), withdrawnBy: actorId(actor) })
      .where(
        and(
          eq(consents.sellerId, sellerId),
          eq(consents.lenderId, input.lenderId),
          eq(consents.purpose, input.purpose),
          isNull(consents.withdrawnAt),
        ),
      );
    const [c] = await tx
      .insert(consents)
      .values({
        id: newId(),
        sellerId,
        lenderId: input.lenderId,
        purpose: input.purpose,
        dataItems: items,
        retentionDays: lender.retentionDays,
        wording,
        wordingVersion: CONSENT_WORDING_VERSION,
        grantedBy: actorId(actor)!,
      })
      .returning();
    return consentView(c, lender.name, locale);
  });
}

export async function withdrawConsent(
  db: Executor,
  actor: Actor,
  sellerId: string,
  consentId: string,
  locale: Locale,
): Promise<ConsentView> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true, membersOnly: true });
  const [c] = await db
    .update(consents)
    .set({ withdrawnAt: new Date(), withdrawnBy: actorId(actor) })
    .where(and(eq(consents.id, consentId), eq(consents.sellerId, sellerId), isNull(consents.withdrawnAt)))
    .returning();
  if (!c) {
    const [old] = await db
      .select()
      .from(consents)
      .where(and(eq(consents.id, consentId), eq(consents.sellerId, sellerId)));
    if (!old) throw notFound('consent');
    throw new AppError(409, 'finance_consent_withdrawn');
  }
  const [lender] = await db.select().from(lenders).where(eq(lenders.id, c.lenderId));
  return consentView(c, lender.name, locale);
}

export async function shopConsents(db: Executor, actor: Actor, sellerId: string, locale: Locale) {
  await requireSellerAccess(db, actor, sellerId);
  const rows = await db
    .select({ c: consents, name: lenders.name })
    .from(consents)
    .innerJoin(lenders, eq(lenders.id, consents.lenderId))
    .where(eq(consents.sellerId, sellerId))
    .orderBy(desc(consents.grantedAt));
  return rows.map((r) => consentView(r.c, r.name, locale));
}

/** The live consent of a shop for a lender and purpose, or null. */
export async function liveConsent(db: Executor, sellerId: string, lenderId: string, purpose: Purpose) {
  const [c] = await db
    .select()
    .from(consents)
    .where(
      and(
        eq(consents.sellerId, sellerId),
        eq(consents.lenderId, lenderId),
        eq(consents.purpose, purpose),
        isNull(consents.withdrawnAt),
      ),
    );
  return c ?? null;
}

/** Writes one access to a shop's data: who (a lender's person, or the system deciding for the lender), what, under which consent. */
export async function recordAccess(
  db: Executor,
  actor: Actor,
  a: {
    sellerId: string;
    lenderId: string;
    consentId: string | null;
    purpose: Purpose;
    dataItems: string[];
    what: string;
  },
): Promise<void> {
  await db.insert(accessLog).values({
    id: newId(),
    ...a,
    userId: actor.kind === 'user' ? actor.userId : null,
    actorKind: actor.kind,
  });
}

export async function shopAccessLog(db: Executor, actor: Actor, sellerId: string, locale: Locale) {
  await requireSellerAccess(db, actor, sellerId);
  const rows = await db
    .select({ a: accessLog, name: lenders.name })
    .from(accessLog)
    .innerJoin(lenders, eq(lenders.id, accessLog.lenderId))
    .where(eq(accessLog.sellerId, sellerId))
    .orderBy(desc(accessLog.at))
    .limit(200);
  return rows.map(({ a, name }) => ({
    id: a.id,
    at: a.at.toISOString(),
    lenderName: pickText(name, locale),
    who: translate(a.userId ? 'finance.access.who.staff' : 'finance.access.who.system', locale, {
      lender: pickText(name, locale),
    }),
    userId: a.userId,
    purpose: a.purpose,
    what: translate(`finance.access.what.${a.what}`, locale),
    dataItems: a.dataItems.map((i) => translate(`finance.item.${i}`, locale)),
  }));
}
