// A credit decision, pure: the scorecard scores the consented features; the lender's policy turns
// the score and the application into an offer, a decline with reasons, or a referral to a person.
// Both are versioned, and a decision is stored with its inputs so it can be replayed exactly.
import { type Features, type Scorecard, type Scored, score } from './scorecard.ts';
import { scorecard as current } from './scorecards/talad-sme-2026.12.ts';

/** Every scorecard that ever decided, by version: a stored decision names one of these. */
export const SCORECARDS: Record<string, Scorecard> = { [current.version]: current };
export const CURRENT_SCORECARD = current;

export interface ProductTerms {
  productId: string;
  minAmount: number;
  maxAmount: number;
  minTenorMonths: number;
  maxTenorMonths: number;
  rateBp: number;
  feeBp: number;
  guaranteeFeeBp: number;
  guaranteeScheme: string | null;
  repayment: 'revenue_share' | 'instalments';
  revenueShareBp: number | null;
}

/** What a decision is made from, all of it: stored with the application. */
export interface DecisionInputs {
  features: Features;
  product: ProductTerms;
  amount: number;
  tenorMonths: number;
}

export interface Offer {
  amount: number;
  tenorMonths: number;
  rateBp: number;
  interest: number;
  fee: number;
  guaranteeFee: number;
  /** What reaches the shop's balance: the amount less the fees. */
  disbursed: number;
  totalRepayable: number;
  repayment: 'revenue_share' | 'instalments';
  revenueShareBp: number | null;
  /** Instalments: each month's payment (the last takes the rounding). */
  monthlyInstalment: number | null;
  guaranteeScheme: string | null;
}

export interface LenderAnswer {
  outcome: 'offer' | 'decline' | 'refer';
  policyVersion: string;
  /** The lender's own reason codes (finance.policy.*), besides the scorecard's. */
  policyReasons: string[];
  offer: Offer | null;
}

const halfUp = (n: bigint, d: bigint) => Number((2n * n + d) / (2n * d));

/** Flat yearly interest on the principal for the tenor, the fees taken at disbursement. */
export function offerTerms(p: ProductTerms, amount: number, tenorMonths: number, rateBp: number): Offer {
  const interest = halfUp(BigInt(amount) * BigInt(rateBp) * BigInt(tenorMonths), 12n * 10_000n);
  const fee = halfUp(BigInt(amount) * BigInt(p.feeBp), 10_000n);
  const guaranteeFee = halfUp(BigInt(amount) * BigInt(p.guaranteeFeeBp) * BigInt(tenorMonths), 12n * 10_000n);
  const totalRepayable = amount + interest;
  return {
    amount,
    tenorMonths,
    rateBp,
    interest,
    fee,
    guaranteeFee,
    disbursed: amount - fee - guaranteeFee,
    totalRepayable,
    repayment: p.repayment,
    revenueShareBp: p.revenueShareBp,
    monthlyInstalment: p.repayment === 'instalments' ? Math.floor(totalRepayable / tenorMonths) : null,
    guaranteeScheme: p.guaranteeScheme,
  };
}

export const SANDBOX_POLICY_VERSION = 'sandbox-lender-2026.12';

/**
 * The sandbox lender's own policy (a real lender applies its own behind the webhook):
 * no sales record or tenure → a person looks (thin file); under 3 months on Talad → decline;
 * score < 580 → decline; 580–619 → a person looks; ≥ 620 → offer up to 3 months of average sales
 * (a smaller counter-offer when less was earned), 2 points of rate more below 660.
 */
export function sandboxPolicy(inputs: DecisionInputs, scored: Scored): LenderAnswer {
  const f = inputs.features;
  const answer = (outcome: LenderAnswer['outcome'], policyReasons: string[], offer: Offer | null = null) => ({
    outcome,
    policyVersion: SANDBOX_POLICY_VERSION,
    policyReasons,
    offer,
  });
  if (f.tenureMonths === null || !f.avgMonthlySalesBaht) return answer('refer', ['thin_file']);
  if (f.tenureMonths < 3) return answer('decline', ['tenure_under_3_months']);
  if (scored.score < 580) return answer('decline', ['score_below_580']);
  const limit = Math.min(inputs.product.maxAmount, Math.floor((3 * f.avgMonthlySalesBaht) / 1000) * 1000 * 100);
  if (limit < inputs.product.minAmount) return answer('decline', ['sales_below_minimum_amount']);
  if (scored.score < 620) return answer('refer', ['score_in_review_band']);
  const amount = Math.min(inputs.amount, limit);
  const rate = inputs.product.rateBp + (scored.score < 660 ? 200 : 0);
  return answer(
    'offer',
    amount < inputs.amount ? ['amount_limited_to_3_months_sales'] : [],
    offerTerms(inputs.product, amount, inputs.tenorMonths, rate),
  );
}

/** Scores and decides with the sandbox policy: the same inputs and versions give the same answer. */
export function decideInSandbox(inputs: DecisionInputs, card: Scorecard = CURRENT_SCORECARD) {
  const scored = score(card, inputs.features);
  return { scored, answer: sandboxPolicy(inputs, scored) };
}

/** Replays a stored decision from its inputs and the versions it names. */
export function replayDecision(stored: { inputs: DecisionInputs; scorecardVersion: string; policyVersion: string }) {
  const card = SCORECARDS[stored.scorecardVersion];
  if (!card) throw new Error(`scorecard ${stored.scorecardVersion} is unknown`);
  if (stored.policyVersion !== SANDBOX_POLICY_VERSION)
    throw new Error(`policy ${stored.policyVersion} is not ours to replay`);
  return decideInSandbox(stored.inputs, card);
}
