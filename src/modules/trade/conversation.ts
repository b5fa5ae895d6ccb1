// Messages on a request: one thread between the buyer and each shop that quoted. Text is stored as
// written with its language; a translation is stored beside it, never instead of it, and says who
// made it. No translation service is reachable from here: the sender may add its own translation
// ('sender'), and a `Translator` may be plugged in later (its output is marked with its name).
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { buyerOfActor } from './service.ts';
import { tradeMessages, tradeQuotes, tradeRfqs } from './schema.ts';

/** The seam for a machine translator (none is configured: no external service is reachable). */
export type Translator = { name: string; translate(text: string, from: Locale, to: Locale): Promise<string> };

export interface MessageInput {
  body: string;
  language: Locale;
  translation?: { language: Locale; body: string } | null;
}

const view = (m: typeof tradeMessages.$inferSelect) => ({
  id: m.id,
  rfqId: m.rfqId,
  sellerId: m.sellerId,
  author: m.author as 'buyer' | 'seller',
  original: { language: m.language as Locale, body: m.body },
  translation:
    m.translationBody && m.translationLanguage
      ? { language: m.translationLanguage as Locale, body: m.translationBody, translatedBy: m.translatedBy ?? 'sender' }
      : null,
  createdAt: m.createdAt.toISOString(),
});
export type MessageView = ReturnType<typeof view>;

function checked(input: MessageInput) {
  const body = input.body.trim();
  if (!body) throw invalid('body', 'required');
  const translation = input.translation?.body.trim() ? input.translation : null;
  if (translation && translation.language === input.language) throw invalid('translation.language', 'same_language');
  return { body, translation };
}

/** The shop's quote on the request, which is what opens a thread; 404 when it did not quote. */
async function quoteOf(db: Executor, rfqId: string, sellerId: string) {
  const [q] = await db
    .select({ id: tradeQuotes.id })
    .from(tradeQuotes)
    .where(and(eq(tradeQuotes.rfqId, rfqId), eq(tradeQuotes.sellerId, sellerId)));
  if (!q) throw notFound('rfq');
}

async function buyersRfq(db: Executor, actor: Actor, rfqId: string) {
  const { buyer } = await buyerOfActor(db, actor);
  const [rfq] = await db
    .select({ id: tradeRfqs.id })
    .from(tradeRfqs)
    .where(and(eq(tradeRfqs.id, rfqId), eq(tradeRfqs.buyerId, buyer.id)));
  if (!rfq) throw notFound('rfq');
}

async function insert(
  db: Executor,
  row: { rfqId: string; sellerId: string; author: 'buyer' | 'seller'; authorUserId: string | null },
  input: MessageInput,
) {
  const { body, translation } = checked(input);
  const id = newId();
  await db.insert(tradeMessages).values({
    id,
    ...row,
    language: input.language,
    body,
    translationLanguage: translation?.language ?? null,
    translationBody: translation?.body.trim() ?? null,
    translatedBy: translation ? 'sender' : null,
  });
  return view((await db.select().from(tradeMessages).where(eq(tradeMessages.id, id)))[0]);
}

const thread = async (db: Executor, rfqId: string, sellerId: string) =>
  (
    await db
      .select()
      .from(tradeMessages)
      .where(and(eq(tradeMessages.rfqId, rfqId), eq(tradeMessages.sellerId, sellerId)))
      .orderBy(asc(tradeMessages.createdAt), asc(tradeMessages.id))
  ).map(view);

/** The buyer writes to a shop that quoted on its request. */
export async function buyerSends(db: Executor, actor: Actor, rfqId: string, sellerId: string, input: MessageInput) {
  await buyersRfq(db, actor, rfqId);
  await quoteOf(db, rfqId, sellerId);
  return insert(
    db,
    { rfqId, sellerId, author: 'buyer', authorUserId: actor.kind === 'user' ? actor.userId : null },
    input,
  );
}

/** The buyer reads its thread with one quoting shop. */
export async function buyerThread(db: Executor, actor: Actor, rfqId: string, sellerId: string) {
  await buyersRfq(db, actor, rfqId);
  await quoteOf(db, rfqId, sellerId);
  return thread(db, rfqId, sellerId);
}

/** A shop that quoted writes to the buyer (only on its own thread). */
export async function sellerSends(db: Executor, actor: Actor, sellerId: string, rfqId: string, input: MessageInput) {
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  await quoteOf(db, rfqId, sellerId);
  return insert(
    db,
    { rfqId, sellerId, author: 'seller', authorUserId: actor.kind === 'user' ? actor.userId : null },
    input,
  );
}

export async function sellerThread(db: Executor, actor: Actor, sellerId: string, rfqId: string) {
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true });
  await quoteOf(db, rfqId, sellerId);
  return thread(db, rfqId, sellerId);
}
