// What the shop is told by the standards module (a mark expiring within 30 days or expired, a
// flagship badge taken off or given back, a recall): one notice per event, however often the job
// runs, read in the seller centre in the reader's language.
import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { type Locale, translate } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { shopNotices } from './schema.ts';

export async function notifyShop(
  db: Executor,
  sellerId: string,
  code: string,
  params: Record<string, string | number>,
  dedupeKey: string,
): Promise<boolean> {
  const rows = await db
    .insert(shopNotices)
    .values({ id: newId(), sellerId, code, params, dedupeKey })
    .onConflictDoNothing()
    .returning({ id: shopNotices.id });
  return rows.length > 0;
}

export interface NoticeView {
  id: string;
  code: string;
  params: Record<string, string | number>;
  text: string;
  createdAt: string;
}

export async function shopNoticeList(
  db: Executor,
  actor: Actor,
  sellerId: string,
  locale: Locale,
): Promise<NoticeView[]> {
  await requireSellerAccess(db, actor, sellerId);
  const rows = await db
    .select()
    .from(shopNotices)
    .where(eq(shopNotices.sellerId, sellerId))
    .orderBy(desc(shopNotices.createdAt))
    .limit(50);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    params: r.params,
    text: translate(`standards.notice.${r.code}`, locale, r.params),
    createdAt: r.createdAt.toISOString(),
  }));
}
