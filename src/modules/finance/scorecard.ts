// The scorecard as data a credit officer can read: for each variable its bins and their points,
// scaled so that score = offset − factor·ln(odds of bad), with 600 points at odds 1:19 (bad:good)
// and 50 points more for each doubling of the good:bad odds. Each decision is explained by the
// variables that lost the most points against their best bin, in the reader's language.

/** What a decision may use (and nothing else): the profile's scored features (cross-border share is shown, not scored). Province, region, the owner and the kind of business are not among them. */
export const FEATURES = [
  'tenureMonths',
  'avgMonthlySalesBaht',
  'salesTrendPct',
  'refundRatePct',
  'cancelRatePct',
  'onTimeRatePct',
  'verifiedMarks',
] as const;
export type Feature = (typeof FEATURES)[number];
export type Features = Record<Feature, number | null>;

/**
 * Attributes a decision must never use, even indirectly through a bin: a province (or region) is
 * a stand-in for ethnicity in Thailand (the Malay Muslim south, the Lao-speaking northeast), and
 * the owner's person, the kind of business and where the buyers live are not a shop's repayment record.
 */
export const EXCLUDED_ATTRIBUTES = [
  'provinceCode',
  'region',
  'ownerName',
  'ownerGender',
  'ownerAge',
  'religion',
  'nationality',
  'businessType',
  'buyerProvinces',
] as const;

/** One bin: lo inclusive, hi exclusive (null: open); `missing` takes a feature without data. */
export interface Bin {
  lo: number | null;
  hi: number | null;
  missing?: boolean;
  points: number;
  /** Weight of evidence, ln(share of goods / share of bads), from the fit. */
  woe: number;
  goods: number;
  bads: number;
}

export interface ScorecardVariable {
  feature: Feature;
  /** Information value of the variable in the fit. */
  iv: number;
  coefficient: number;
  bins: Bin[];
}

export interface Scaling {
  /** Score at the base odds. */
  baseScore: number;
  /** Good:bad odds at the base score (19 means 1 bad in 20). */
  baseGoodOdds: number;
  /** Points to double the good:bad odds. */
  pdo: number;
  factor: number;
  offset: number;
}

export interface Scorecard {
  version: string;
  /** The date from which it decides (YYYY-MM-DD). */
  effectiveOn: string;
  description: string;
  scaling: Scaling;
  intercept: number;
  variables: ScorecardVariable[];
  fit: { rows: number; bads: number; source: string; seed: number | null; gini: number };
}

export function scaling(baseScore = 600, baseGoodOdds = 19, pdo = 50): Scaling {
  const factor = pdo / Math.LN2;
  // score = offset − factor·ln(bad odds); bad odds at the base are 1/baseGoodOdds.
  const offset = baseScore + factor * Math.log(1 / baseGoodOdds);
  return { baseScore, baseGoodOdds, pdo, factor, offset };
}

/** score = offset − factor·ln(bad:good odds). */
export const scoreOfOdds = (s: Scaling, badOdds: number): number => s.offset - s.factor * Math.log(badOdds);
/** The probability of bad a score stands for. */
export const badRateOfScore = (s: Scaling, score: number): number => {
  const odds = Math.exp((s.offset - score) / s.factor);
  return odds / (1 + odds);
};

export function binOf(v: ScorecardVariable, value: number | null): Bin {
  if (value === null || value === undefined || Number.isNaN(value)) {
    const missing = v.bins.find((b) => b.missing);
    // A variable fitted without missing values: no data counts as its worst bin.
    return missing ?? v.bins.reduce((a, b) => (b.points < a.points ? b : a));
  }
  const bin = v.bins.find((b) => !b.missing && (b.lo === null || value >= b.lo) && (b.hi === null || value < b.hi));
  if (!bin) throw new Error(`${v.feature}=${value} is in no bin`);
  return bin;
}

export interface Reason {
  code: Feature;
  points: number;
  pointsLost: number;
  value: number | null;
}

export interface Scored {
  score: number;
  range: { min: number; max: number };
  scorecardVersion: string;
  effectiveOn: string;
  /** Every variable's points, in scorecard order. */
  points: Reason[];
  /** The top four by points lost against the variable's best bin (only those that lost any). */
  reasons: Reason[];
  badRate: number;
}

export function scoreRange(card: Scorecard): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const v of card.variables) {
    min += Math.min(...v.bins.map((b) => b.points));
    max += Math.max(...v.bins.map((b) => b.points));
  }
  return { min, max };
}

/** Scores features with a scorecard. Reads only the scorecard's features (the type allows no other). */
export function score(card: Scorecard, features: Features): Scored {
  const points = card.variables.map((v) => {
    const value = features[v.feature] ?? null;
    const bin = binOf(v, value);
    const best = Math.max(...v.bins.map((b) => b.points));
    return { code: v.feature, points: bin.points, pointsLost: best - bin.points, value };
  });
  const total = points.reduce((s, p) => s + p.points, 0);
  const reasons = points
    .filter((p) => p.pointsLost > 0)
    .sort((a, b) => b.pointsLost - a.pointsLost || FEATURES.indexOf(a.code) - FEATURES.indexOf(b.code))
    .slice(0, 4);
  return {
    score: total,
    range: scoreRange(card),
    scorecardVersion: card.version,
    effectiveOn: card.effectiveOn,
    points,
    reasons,
    badRate: badRateOfScore(card.scaling, total),
  };
}
