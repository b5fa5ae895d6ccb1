// How the current scorecard is fitted: its version and date, the coarse classes (cut points) of
// each variable, and the simulation it is fitted on. `npm run finance:fit` refits it from this.
import type { FitSpec } from './fit.ts';

export const SIMULATION = { rows: 20_000, seed: 20261201 };

export const CURRENT_SPEC: FitSpec = {
  version: 'talad-sme-2026.12',
  effectiveOn: '2026-12-01',
  description:
    'Thai SME and cooperative sellers on Talad, fitted on a seeded simulation of repayment history (simulate.ts) until real repayments exist',
  // Cross-border share is in the profile (and shown to lenders) but not scored: its information value in
  // the fit was 0.0003, far below the usual 0.02 floor.
  cuts: {
    tenureMonths: [6, 12, 24, 48],
    avgMonthlySalesBaht: [5_000, 15_000, 40_000, 100_000],
    salesTrendPct: [-10, 0, 10],
    refundRatePct: [1, 3, 6],
    cancelRatePct: [1, 3],
    onTimeRatePct: [85, 95],
    verifiedMarks: [1, 2],
  },
  source: `simulation seed ${SIMULATION.seed}, ${SIMULATION.rows} shops`,
  seed: SIMULATION.seed,
};
