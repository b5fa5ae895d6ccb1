// Fitting a scorecard from historical repayment data, with the published formulas (Siddiqi,
// "Credit Risk Scorecards", 2006; Thomas, Edelman & Crook, "Credit Scoring and Its Applications"):
//   weight of evidence of a bin   WoE = ln((goods_i / goods) / (bads_i / bads))   (0.5 added to empty cells)
//   information value             IV  = Σ (goods_i/goods − bads_i/bads) · WoE_i
//   logistic regression           ln(p_bad / (1 − p_bad)) = β0 + Σ βj · WoE_j   (Newton–Raphson / IRLS)
//   points of a bin               −(βj · WoE_ij + β0 / n) · factor + offset / n
// Bins are the analyst's coarse classes (cut points per variable), written down with the fit.
import { type Bin, type Feature, FEATURES, type Scorecard, type ScorecardVariable, scaling } from './scorecard.ts';

export interface History {
  features: Partial<Record<string, number | null>>;
  /** True when the loan went bad (90+ days past due or written off). */
  bad: boolean;
}

export interface BinCounts {
  lo: number | null;
  hi: number | null;
  missing?: boolean;
  goods: number;
  bads: number;
  woe: number;
}

/** Counts and weight of evidence per bin; `cuts` ascending; a missing bin when any value is null. */
export function woeBins(values: (number | null)[], bad: boolean[], cuts: number[]): { bins: BinCounts[]; iv: number } {
  const edges = [null, ...cuts, null];
  const bins: BinCounts[] = [];
  for (let i = 0; i + 1 < edges.length; i++) bins.push({ lo: edges[i], hi: edges[i + 1], goods: 0, bads: 0, woe: 0 });
  const missing: BinCounts = { lo: null, hi: null, missing: true, goods: 0, bads: 0, woe: 0 };
  values.forEach((v, i) => {
    const bin =
      v === null || v === undefined
        ? missing
        : bins.find((b) => (b.lo === null || v >= b.lo) && (b.hi === null || v < b.hi))!;
    if (bad[i]) bin.bads++;
    else bin.goods++;
  });
  if (missing.goods + missing.bads > 0) bins.push(missing);
  const goods = bins.reduce((s, b) => s + b.goods, 0);
  const bads = bins.reduce((s, b) => s + b.bads, 0);
  let iv = 0;
  for (const b of bins) {
    const g = (b.goods || 0.5) / goods;
    const d = (b.bads || 0.5) / bads;
    b.woe = Math.log(g / d);
    iv += (b.goods / goods - b.bads / bads) * b.woe;
  }
  return { bins, iv };
}

/** Solves A·x = b (A square) by Gaussian elimination with partial pivoting. */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) < 1e-12) throw new Error('singular matrix: a variable adds nothing or repeats another');
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/**
 * Maximum-likelihood logistic regression by Newton–Raphson (iteratively reweighted least squares):
 * β ← β + (Xᵀ W X)⁻¹ Xᵀ (y − p), W = diag(p(1 − p)). Returns [intercept, ...coefficients].
 */
export function logisticRegression(x: number[][], y: number[], opts: { maxIter?: number; tol?: number } = {}) {
  const k = (x[0]?.length ?? 0) + 1;
  let beta = new Array<number>(k).fill(0);
  let iterations = 0;
  for (; iterations < (opts.maxIter ?? 50); iterations++) {
    const h = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    const g = new Array<number>(k).fill(0);
    for (let i = 0; i < x.length; i++) {
      const row = [1, ...x[i]];
      const eta = row.reduce((s, v, j) => s + v * beta[j], 0);
      const p = 1 / (1 + Math.exp(-eta));
      const w = p * (1 - p);
      for (let a = 0; a < k; a++) {
        g[a] += row[a] * (y[i] - p);
        for (let b = 0; b < k; b++) h[a][b] += w * row[a] * row[b];
      }
    }
    const step = solve(h, g);
    beta = beta.map((b, j) => b + step[j]);
    if (Math.max(...step.map(Math.abs)) < (opts.tol ?? 1e-9)) break;
  }
  return { coefficients: beta, iterations };
}

/** The Gini coefficient (2·AUC − 1) of scores against outcomes: higher scores should be goods. */
export function gini(scores: number[], bad: boolean[]): number {
  const idx = scores.map((s, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rank = 0;
  let sumGoodRanks = 0;
  let goods = 0;
  // Average ranks for ties.
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && scores[idx[j]] === scores[idx[i]]) j++;
    const avg = (rank + 1 + rank + (j - i)) / 2;
    for (let t = i; t < j; t++)
      if (!bad[idx[t]]) {
        sumGoodRanks += avg;
        goods++;
      }
    rank += j - i;
    i = j;
  }
  const bads = idx.length - goods;
  const auc = (sumGoodRanks - (goods * (goods + 1)) / 2) / (goods * bads);
  return 2 * auc - 1;
}

export interface FitSpec {
  version: string;
  effectiveOn: string;
  description: string;
  /** Coarse classes: the cut points of each variable, ascending. */
  cuts: Partial<Record<Feature, number[]>>;
  source: string;
  seed: number | null;
}

/** Fits a scorecard: WoE per bin, logistic regression on the WoE values, points scaled 600 @ 1:19, 50 to double. */
export function fitScorecard(history: History[], spec: FitSpec): Scorecard {
  const features = Object.keys(spec.cuts) as Feature[];
  for (const f of features) if (!FEATURES.includes(f)) throw new Error(`${f} is not a feature a decision may use`);
  const bad = history.map((h) => h.bad);
  const tables = features.map((f) =>
    woeBins(
      history.map((h) => h.features[f] ?? null),
      bad,
      spec.cuts[f]!,
    ),
  );
  const woeOf = (t: { bins: BinCounts[] }, v: number | null) =>
    (v === null || v === undefined
      ? t.bins.find((b) => b.missing)!
      : t.bins.find((b) => !b.missing && (b.lo === null || v >= b.lo) && (b.hi === null || v < b.hi))!
    ).woe;
  const x = history.map((h) => features.map((f, j) => woeOf(tables[j], h.features[f] ?? null)));
  const { coefficients } = logisticRegression(
    x,
    bad.map((b) => (b ? 1 : 0)),
  );
  const s = scaling();
  const n = features.length;
  const [b0, ...betas] = coefficients;
  const variables: ScorecardVariable[] = features.map((feature, j) => ({
    feature,
    iv: round(tables[j].iv, 4),
    coefficient: round(betas[j], 6),
    bins: tables[j].bins.map(
      (b): Bin => ({
        lo: b.lo,
        hi: b.hi,
        ...(b.missing ? { missing: true } : {}),
        points: Math.round(-(betas[j] * b.woe + b0 / n) * s.factor + s.offset / n),
        woe: round(b.woe, 6),
        goods: b.goods,
        bads: b.bads,
      }),
    ),
  }));
  const card: Scorecard = {
    version: spec.version,
    effectiveOn: spec.effectiveOn,
    description: spec.description,
    scaling: { ...s, factor: round(s.factor, 6), offset: round(s.offset, 6) },
    intercept: round(b0, 6),
    variables,
    fit: { rows: history.length, bads: bad.filter(Boolean).length, source: spec.source, seed: spec.seed, gini: 0 },
  };
  const scores = x.map((row) =>
    row.reduce((sum, w, j) => sum + variables[j].bins.find((b) => b.woe === round(w, 6))!.points, 0),
  );
  card.fit.gini = round(gini(scores, bad), 4);
  return card;
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
