// Retention: the consent names how long the lender keeps what it was shown; once the consent is
// withdrawn, or that period has run out, the retention job deletes the lender's copy of the shared
// profile (the decision itself stays), only once, and the shop's access log says so.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { queryRows } from '../../platform/db.ts';
import { applyFor, eraseExpiredCopies, giveConsent, sandboxLender, shopWithHistory } from './testing.ts';

const t = useTestApp();

const copyOf = async (applicationId: string) => {
  const [row] = await queryRows<{ features: unknown; erased: boolean; outcome: string; score: number }>(
    t.app.db,
    sql`select inputs->'features' as features, erased_at is not null as erased, outcome, score from finance_applications where id = ${applicationId}::uuid`,
  );
  return row;
};

describe('retention of what lenders were shown', () => {
  it('names the retention in the consent and deletes the copy after withdrawal, saying so in the access log', async () => {
    const lender = await sandboxLender(t.app);
    const shop = await shopWithHistory(t.app, { months: 4 });
    const consent = (await giveConsent(t.app, shop, lender.lenderId, { lang: 'en' })).json();
    expect(consent.retentionDays).toBe(365);
    expect(consent.wording).toContain('365');
    const decided = (
      await applyFor(t.app, shop, { productId: lender.revenueProductId, amount: 500_000, tenorMonths: 3 })
    ).json();
    expect((await copyOf(decided.id)).features).not.toBeNull();

    // While the consent is live and within its period, the job keeps the copy.
    await eraseExpiredCopies(t.app.db);
    expect((await copyOf(decided.id)).erased).toBe(false);

    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/sellers/${shop.sellerId}/finance/consents/${consent.id}/withdraw`,
      headers: { cookie: shop.cookie },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await eraseExpiredCopies(t.app.db)).toBeGreaterThanOrEqual(1);
    const after = await copyOf(decided.id);
    expect(after).toMatchObject({
      erased: true,
      features: null,
      outcome: decided.outcome,
      score: decided.explanation.score,
    });
    // The shop still reads its decision, explained.
    const mine = await t.app.inject({
      url: `/api/sellers/${shop.sellerId}/finance/applications/${decided.id}`,
      headers: { cookie: shop.cookie },
    });
    expect(mine.statusCode, mine.body).toBe(200);

    // Once: a second run deletes nothing more and writes no second record.
    await eraseExpiredCopies(t.app.db);
    const log = (
      await t.app.inject({
        url: `/api/sellers/${shop.sellerId}/finance/access-log`,
        headers: { cookie: shop.cookie, 'accept-language': 'en' },
      })
    ).json().items;
    const erased = log.filter((e: any) => e.what.startsWith("The lender's copy of the shared data was deleted"));
    expect(erased).toHaveLength(1);
    expect(erased[0].userId).toBeNull();
  });

  it('deletes the copy when the retention period has run out, though the consent is still live', async () => {
    const lender = await sandboxLender(t.app);
    const shop = await shopWithHistory(t.app, { months: 4 });
    await giveConsent(t.app, shop, lender.lenderId);
    const decided = (
      await applyFor(t.app, shop, { productId: lender.revenueProductId, amount: 500_000, tenorMonths: 3 })
    ).json();
    await eraseExpiredCopies(t.app.db, new Date(Date.now() + 364 * 86_400_000));
    expect((await copyOf(decided.id)).erased).toBe(false);
    await eraseExpiredCopies(t.app.db, new Date(Date.now() + 366 * 86_400_000));
    expect((await copyOf(decided.id)).erased).toBe(true);
  });
});
