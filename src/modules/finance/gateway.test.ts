// The lender seam: a real lender's webhook gets the application signed with HMAC-SHA256 and its
// answer is used; no answer, or a malformed one, is a referral to a person, never an offer.
import { describe, expect, it } from 'vitest';
import { type DecisionInputs, decideInSandbox } from './decision.ts';
import { type LenderRequest, signBody, webhookLender } from './gateway.ts';

const inputs: DecisionInputs = {
  features: {
    tenureMonths: 20,
    avgMonthlySalesBaht: 30_000,
    salesTrendPct: 5,
    refundRatePct: 0.5,
    cancelRatePct: 0.5,
    onTimeRatePct: 97,
    verifiedMarks: 2,
  },
  product: {
    productId: 'p',
    minAmount: 500_000,
    maxAmount: 50_000_000,
    minTenorMonths: 3,
    maxTenorMonths: 12,
    rateBp: 800,
    feeBp: 100,
    guaranteeFeeBp: 0,
    guaranteeScheme: null,
    repayment: 'revenue_share',
    revenueShareBp: 1000,
  },
  amount: 5_000_000,
  tenorMonths: 6,
};
const { scored, answer } = decideInSandbox(inputs);
const req: LenderRequest = {
  applicationId: 'a',
  lenderId: 'l',
  inputs,
  scored,
  profile: {
    sellerId: 's',
    asOf: '',
    monthly: [],
    features: { ...inputs.features, crossborderSharePct: null },
    ledger: null,
  },
};

describe('lender webhook', () => {
  it('signs the request and uses a well-formed answer', async () => {
    let seen: { body: string; sig: string } | null = null;
    const lender = webhookLender(
      'https://lender.example/decide',
      'secret-secret-secret',
      async (_url, body, headers) => {
        seen = { body, sig: headers['x-talad-signature'] };
        return { outcome: 'decline', policyVersion: 'bank-7', policyReasons: ['internal_limit'], offer: null };
      },
    );
    expect(await lender.decide(req)).toEqual({
      outcome: 'decline',
      policyVersion: 'bank-7',
      policyReasons: ['internal_limit'],
      offer: null,
    });
    expect(seen!.sig).toBe(signBody('secret-secret-secret', seen!.body));
    expect(JSON.parse(seen!.body).scored.score).toBe(scored.score);
  });

  it('refers to a person when the lender does not answer or answers nonsense', async () => {
    const down = webhookLender('https://lender.example/decide', 'secret-secret-secret', async () => {
      throw new Error('timeout');
    });
    const odd = webhookLender('https://lender.example/decide', 'secret-secret-secret', async () => ({
      outcome: 'offer',
    }));
    for (const l of [down, odd])
      expect(await l.decide(req)).toMatchObject({
        outcome: 'refer',
        policyReasons: ['lender_unreachable'],
        offer: null,
      });
  });

  it('the sandbox lender offers a strong record its amount', () => {
    expect(answer.outcome).toBe('offer');
    expect(answer.offer?.amount).toBe(5_000_000);
    expect(scored.score).toBeGreaterThanOrEqual(660);
  });
});
