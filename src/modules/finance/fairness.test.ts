// What a decision must never use, and replay: a province (a stand-in for ethnicity — the Malay
// Muslim deep south, the Lao-speaking northeast) and the other excluded attributes are in no
// scorecard variable, no published view finance reads, and change no decision; every stored
// decision replays to the same score, outcome and offer from its inputs and versions (until the
// retention job has deleted the lender's copy of those inputs).
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { queryRows } from '../../platform/db.ts';
import { type DecisionInputs, replayDecision, SCORECARDS } from './decision.ts';
import { EXCLUDED_ATTRIBUTES, FEATURES } from './scorecard.ts';
import { applyFor, giveConsent, sandboxLender, shopWithHistory } from './testing.ts';

const t = useTestApp();

describe('fairness', () => {
  it('scores only allowed features: no excluded attribute in any scorecard or view finance reads', async () => {
    for (const f of FEATURES) expect(EXCLUDED_ATTRIBUTES as readonly string[]).not.toContain(f);
    for (const card of Object.values(SCORECARDS))
      for (const v of card.variables) expect(FEATURES as readonly string[]).toContain(v.feature);
    const cols = await queryRows<{ column_name: string }>(
      t.app.db,
      sql`select column_name from information_schema.columns where table_name in ('seller_sales_monthly', 'seller_shipping_monthly', 'seller_tenure', 'seller_verified_marks', 'seller_ledger_position')`,
    );
    const names = cols.map((c) => c.column_name);
    expect(names.length).toBeGreaterThan(10);
    for (const bad of ['province_code', 'business_type', 'legal_name_th', 'tax_id', 'shipping_address', 'region'])
      expect(names).not.toContain(bad);
  });

  it('decides the same for the same record whatever the province, and after the province changes', async () => {
    const lender = await sandboxLender(t.app);
    const south = await shopWithHistory(t.app, { months: 3, provinceCode: '96' }); // Narathiwat
    const bangkok = await shopWithHistory(t.app, { months: 3, provinceCode: '10' });
    const body = { productId: lender.revenueProductId, amount: 900_000, tenorMonths: 6 };
    const decide = async (shop: typeof south) => {
      await giveConsent(t.app, shop, lender.lenderId);
      const d = (await applyFor(t.app, shop, body)).json();
      return { outcome: d.outcome, score: d.explanation.score, reasons: d.explanation.reasons, offer: d.offer };
    };
    const a = await decide(south);
    const b = await decide(bangkok);
    expect(a).toEqual(b);
    await t.app.db.execute(sql`update sellers set province_code = '94' where id = ${south.sellerId}::uuid`);
    expect(await decide(south)).toEqual(a);
  });
});

describe('replay', () => {
  it('replays every stored decision from its inputs, scorecard version and policy version', async () => {
    const rows = await queryRows<{
      inputs: DecisionInputs;
      scorecard_version: string;
      policy_version: string;
      score: number;
      outcome: string;
      offer: unknown;
      decided_by: string;
    }>(
      t.app.db,
      sql`select inputs, scorecard_version, policy_version, score, outcome::text, offer, decided_by from finance_applications where erased_at is null`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows.filter((r) => r.decided_by === 'sandbox')) {
      const again = replayDecision({
        inputs: r.inputs,
        scorecardVersion: r.scorecard_version,
        policyVersion: r.policy_version,
      });
      expect(again.scored.score).toBe(r.score);
      expect(again.answer.outcome).toBe(r.outcome);
      expect(again.answer.offer).toEqual(r.offer);
    }
  });
});
