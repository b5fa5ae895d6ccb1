// The scorecard and its fit: the scaling (600 at 1:19, 50 points to double), weight of evidence and
// information value as published, logistic regression against its closed form, the committed
// scorecard equal to a fresh fit of the documented simulation, and ledger postings that balance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loanEntries } from '../ledger/index.ts';
import { offerTerms, type ProductTerms } from './decision.ts';
import { fitScorecard, gini, logisticRegression, woeBins } from './fit.ts';
import { readHistoryCsv } from './fit-cli.ts';
import { instalmentPlan } from './loans.ts';
import { CURRENT_SPEC, SIMULATION } from './model-spec.ts';
import { badRateOfScore, score, scoreOfOdds, scoreRange, scaling } from './scorecard.ts';
import { scorecard } from './scorecards/talad-sme-2026.12.ts';
import { seeded, simulateHistory } from './simulate.ts';

describe('scaling', () => {
  it('gives 600 points at good:bad odds of 19:1 and 50 more for each doubling', () => {
    const s = scaling();
    expect(scoreOfOdds(s, 1 / 19)).toBeCloseTo(600, 9);
    expect(scoreOfOdds(s, 1 / 38)).toBeCloseTo(650, 9);
    expect(scoreOfOdds(s, 2 / 19)).toBeCloseTo(550, 9);
    expect(badRateOfScore(s, 600)).toBeCloseTo(0.05, 9);
  });
});

describe('weight of evidence', () => {
  it('is ln(share of goods / share of bads) per bin, with IV summed as published', () => {
    // 2 bins: [<10] 10 goods 10 bads, [>=10] 30 goods 5 bads; 40 goods, 15 bads in all.
    const values = [...Array(20).fill(5), ...Array(35).fill(20)];
    const bad = [...Array(10).fill(false), ...Array(10).fill(true), ...Array(30).fill(false), ...Array(5).fill(true)];
    const { bins, iv } = woeBins(values, bad, [10]);
    const w1 = Math.log(10 / 40 / (10 / 15));
    const w2 = Math.log(30 / 40 / (5 / 15));
    expect(bins.map((b) => b.woe)).toEqual([w1, w2]);
    expect(iv).toBeCloseTo((10 / 40 - 10 / 15) * w1 + (30 / 40 - 5 / 15) * w2, 12);
  });

  it('keeps a bin of its own for missing values', () => {
    const { bins } = woeBins([1, null, 2, null], [false, true, false, false], [1.5]);
    expect(bins.at(-1)).toMatchObject({ missing: true, goods: 1, bads: 1 });
  });
});

describe('logistic regression', () => {
  it('matches the closed form of one binary predictor: intercept = ln odds at 0, slope = ln odds ratio', () => {
    // x=0: 30 bads of 100; x=1: 10 bads of 100.
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 100; i++) x.push([0]), y.push(i < 30 ? 1 : 0);
    for (let i = 0; i < 100; i++) x.push([1]), y.push(i < 10 ? 1 : 0);
    const { coefficients } = logisticRegression(x, y);
    expect(coefficients[0]).toBeCloseTo(Math.log(30 / 70), 8);
    expect(coefficients[1]).toBeCloseTo(Math.log(10 / 90) - Math.log(30 / 70), 8);
  });

  it('recovers the coefficients of simulated data', () => {
    const rand = seeded(7);
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const a = rand() * 4 - 2;
      const b = rand() * 4 - 2;
      x.push([a, b]);
      y.push(rand() < 1 / (1 + Math.exp(-(-1 + 0.8 * a - 0.5 * b))) ? 1 : 0);
    }
    const [b0, b1, b2] = logisticRegression(x, y).coefficients;
    expect(b0).toBeCloseTo(-1, 1);
    expect(b1).toBeCloseTo(0.8, 1);
    expect(b2).toBeCloseTo(-0.5, 1);
  });

  it('has a Gini of 1 for perfect ordering and 0 for none', () => {
    expect(gini([1, 2, 3, 4], [true, true, false, false])).toBe(1);
    expect(gini([1, 1, 1, 1], [true, false, true, false])).toBe(0);
  });
});

describe('the scorecard', () => {
  it('is the fit of the documented, seeded simulation (npm run finance:fit)', () => {
    expect(fitScorecard(simulateHistory(SIMULATION.rows, SIMULATION.seed), CURRENT_SPEC)).toEqual(scorecard);
    expect(scorecard.fit.gini).toBeGreaterThan(0.3);
  });

  it('ranks: the bad rate falls as the score rises on fresh simulated shops', () => {
    const shops = simulateHistory(10_000, 99).map((h) => ({
      s: score(scorecard, h.features as any).score,
      bad: h.bad,
    }));
    const low = shops.filter((x) => x.s < 600);
    const high = shops.filter((x) => x.s >= 660);
    const rate = (xs: typeof shops) => xs.filter((x) => x.bad).length / xs.length;
    expect(rate(low)).toBeGreaterThan(2 * rate(high));
  });

  it('explains with at most four reasons, ranked by points lost, within its range', () => {
    const s = score(scorecard, {
      tenureMonths: 2,
      avgMonthlySalesBaht: 1000,
      salesTrendPct: -30,
      refundRatePct: 8,
      cancelRatePct: 5,
      onTimeRatePct: 60,
      verifiedMarks: 0,
    });
    expect(s.reasons).toHaveLength(4);
    for (let i = 1; i < 4; i++) expect(s.reasons[i - 1].pointsLost).toBeGreaterThanOrEqual(s.reasons[i].pointsLost);
    expect(s.score).toBe(scoreRange(scorecard).min);
  });

  it('reads a CSV of repayments, leaving out the attributes no decision may use', () => {
    const rows = readHistoryCsv('tenureMonths,provinceCode,bad\n12,96,1\n,10,0\n');
    expect(rows).toEqual([
      { features: { tenureMonths: 12 }, bad: true },
      { features: { tenureMonths: null }, bad: false },
    ]);
  });
});

const product: ProductTerms = {
  productId: 'p',
  minAmount: 1,
  maxAmount: 1e12,
  minTenorMonths: 1,
  maxTenorMonths: 60,
  rateBp: 1200,
  feeBp: 150,
  guaranteeFeeBp: 175,
  guaranteeScheme: 'tcg_ps_smes',
  repayment: 'instalments',
  revenueShareBp: null,
};

describe('loan money (property)', () => {
  it('every loan movement balances, and disbursed + fees = principal; instalments sum to what is owed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom('loan_disbursement', 'loan_repayment', 'loan_fee' as const),
        fc.integer({ min: 1, max: 1e12 }),
        (amount, tenor, rateBp, kind, moved) => {
          const o = offerTerms(product, amount, tenor, rateBp);
          expect(o.disbursed + o.fee + o.guaranteeFee).toBe(amount);
          expect(o.totalRepayable).toBe(amount + o.interest);
          const plan = instalmentPlan(o.totalRepayable, tenor, '2026-01-31');
          expect(plan.reduce((s, i) => s + i.amount, 0)).toBe(o.totalRepayable);
          expect(plan.every((i) => i.amount >= 0)).toBe(true);
          const entries = loanEntries(kind, 'seller', moved);
          expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(0);
          expect(entries.every((e) => Number.isSafeInteger(e.amount))).toBe(true);
        },
      ),
    );
  });
});
