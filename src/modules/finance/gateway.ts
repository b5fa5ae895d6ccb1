// The lender seam. A lender answers an application with an offer, a decline or a referral:
// - the sandbox lender decides here with its own policy (decision.ts), labelled "(sandbox)";
// - a real lender answers at its webhook: the application, the consented profile and the score are
//   POSTed as JSON signed with HMAC-SHA256 (header x-talad-signature: sha256=<hex> over the body);
//   it answers { outcome, policyVersion, policyReasons, offer }. No answer in time, or one that is
//   not well formed, becomes a referral to a person (`lender_unreachable`), never an offer.
import { createHmac } from 'node:crypto';
import type { CreditProfile } from './profile.ts';
import { type DecisionInputs, type LenderAnswer, sandboxPolicy } from './decision.ts';
import type { Scored } from './scorecard.ts';

export interface LenderRequest {
  applicationId: string;
  lenderId: string;
  inputs: DecisionInputs;
  profile: CreditProfile;
  scored: Scored;
}

export interface LenderGateway {
  kind: 'sandbox' | 'webhook';
  decide(req: LenderRequest): Promise<LenderAnswer>;
}

export const sandboxLender: LenderGateway = {
  kind: 'sandbox',
  decide: async (req) => sandboxPolicy(req.inputs, req.scored),
};

export type Send = (url: string, body: string, headers: Record<string, string>, timeoutMs: number) => Promise<unknown>;

export const fetchSend: Send = async (url, body, headers, timeoutMs) => {
  const res = await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`lender answered ${res.status}`);
  return res.json();
};

export const signBody = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function wellFormed(a: any): a is LenderAnswer {
  return (
    a &&
    ['offer', 'decline', 'refer'].includes(a.outcome) &&
    typeof a.policyVersion === 'string' &&
    Array.isArray(a.policyReasons) &&
    (a.outcome !== 'offer' || (a.offer && Number.isSafeInteger(a.offer.amount) && a.offer.amount > 0))
  );
}

export function webhookLender(url: string, secret: string, send: Send = fetchSend, timeoutMs = 800): LenderGateway {
  return {
    kind: 'webhook',
    async decide(req) {
      const body = JSON.stringify(req);
      try {
        const answer = await send(
          url,
          body,
          { 'content-type': 'application/json', 'x-talad-signature': signBody(secret, body) },
          timeoutMs,
        );
        if (wellFormed(answer)) return answer;
      } catch {
        // falls through to a referral
      }
      return { outcome: 'refer', policyVersion: 'webhook', policyReasons: ['lender_unreachable'], offer: null };
    },
  };
}
