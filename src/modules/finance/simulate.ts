// The demo's repayment history: a documented, seeded simulation (no real borrower's data exists
// here). Each simulated shop has a hidden quality q ~ N(0, 1) that moves its observable record:
//   tenure (months)        round(exp(N(2.6, 0.8))), 1..120
//   average monthly sales  exp(9.6 + 0.45·q + N(0, 0.7)) baht
//   sales trend (%)        4·q + N(0, 12)
//   refund rate (%)        max(0, 2.5 − 0.9·q + N(0, 1.6))
//   cancellation rate (%)  max(0, 1.8 − 0.7·q + N(0, 1.2))
//   on time (%)            clamp(91 + 4·q + N(0, 5), 30, 100); no shipments (null) for 8%
//   verified marks         max(0, round(0.8 + 0.6·q + N(0, 1)))
//   cross-border share (%) 0 for 70%, else uniform 0..60
//   province               uniform over all 77 (kept in the data to prove the fit never uses it)
// and whether its loan went bad: logit p = −3.3 − 0.85·q − 0.35·[tenure ≥ 12] + 0.4·[tenure < 6]
// (about 5% bad, the order of MYbank's reported 1–1.5% to the Thai industry's ~6%).
import { PROVINCES } from '../../platform/provinces.ts';
import { seeded } from '../../platform/seeded-random.ts';
import type { History } from './fit.ts';

export { seeded };

const normal = (rand: () => number) => {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
};
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const r1 = (v: number) => Math.round(v * 10) / 10;

export interface SimulatedShop extends History {
  provinceCode: string;
}

export function simulateHistory(rows: number, seed: number): SimulatedShop[] {
  const rand = seeded(seed);
  const out: SimulatedShop[] = [];
  const codes = PROVINCES.map((p) => p.code);
  for (let i = 0; i < rows; i++) {
    const q = normal(rand);
    const tenure = clamp(Math.round(Math.exp(2.6 + 0.8 * normal(rand))), 1, 120);
    const features = {
      tenureMonths: tenure,
      avgMonthlySalesBaht: Math.round(Math.exp(9.6 + 0.45 * q + 0.7 * normal(rand))),
      salesTrendPct: r1(4 * q + 12 * normal(rand)),
      refundRatePct: r1(Math.max(0, 2.5 - 0.9 * q + 1.6 * normal(rand))),
      cancelRatePct: r1(Math.max(0, 1.8 - 0.7 * q + 1.2 * normal(rand))),
      onTimeRatePct: rand() < 0.08 ? null : r1(clamp(91 + 4 * q + 5 * normal(rand), 30, 100)),
      verifiedMarks: Math.max(0, Math.round(0.8 + 0.6 * q + normal(rand))),
      crossborderSharePct: rand() < 0.7 ? 0 : r1(rand() * 60),
    };
    const logit = -3.3 - 0.85 * q - (tenure >= 12 ? 0.35 : 0) + (tenure < 6 ? 0.4 : 0);
    const bad = rand() < 1 / (1 + Math.exp(-logit));
    out.push({ features, bad, provinceCode: codes[Math.floor(rand() * codes.length)] });
  }
  return out;
}
