// The finance module's settings (README, "Configuration") and its lender gateways: the sandbox
// lender decides in process; a lender with a webhook is asked over HTTP, signed with
// FINANCE_WEBHOOK_SECRET. With FINANCE_LENDER_SANDBOX=false the sandbox lender refers every application.
import { type Env, envBool, envInt, envText } from '../../platform/config.ts';
import { type LenderGateway, sandboxLender, type Send, webhookLender, fetchSend } from './gateway.ts';

export interface FinanceRuntime {
  sandbox: boolean;
  webhookSecret: string;
  webhookTimeoutMs: number;
  /** Charged once on an instalment (or a revenue-share loan's end) still unpaid after the grace days. */
  lateFeeSatang: number;
  graceDays: number;
  offerValidDays: number;
  collectMinutes: number;
  /** The gateway of one lender. */
  gateway(lender: { gateway: 'sandbox' | 'webhook'; webhookUrl: string | null }): LenderGateway;
  /** How webhooks are sent (tests replace it). */
  send: Send;
}

const refusingSandbox: LenderGateway = {
  kind: 'sandbox',
  decide: async () => ({
    outcome: 'refer',
    policyVersion: 'sandbox-off',
    policyReasons: ['lender_unreachable'],
    offer: null,
  }),
};

export function loadFinanceRuntime(env: Env): FinanceRuntime {
  const rt: FinanceRuntime = {
    sandbox: envBool(env, 'FINANCE_LENDER_SANDBOX', true),
    webhookSecret: envText(
      env,
      'FINANCE_WEBHOOK_SECRET',
      'talad-finance-sandbox-secret',
      /^.{16,200}$/,
      '16 to 200 characters',
    ),
    webhookTimeoutMs: envInt(env, 'FINANCE_WEBHOOK_TIMEOUT_MS', 800, 50, 10_000),
    lateFeeSatang: envInt(env, 'FINANCE_LATE_FEE_SATANG', 10_000, 0, 10_000_000),
    graceDays: envInt(env, 'FINANCE_GRACE_DAYS', 5, 0, 60),
    offerValidDays: envInt(env, 'FINANCE_OFFER_VALID_DAYS', 7, 1, 60),
    collectMinutes: envInt(env, 'FINANCE_COLLECT_MINUTES', 60, 1, 24 * 60),
    send: fetchSend,
    gateway(lender) {
      if (lender.gateway === 'webhook' && lender.webhookUrl)
        return webhookLender(lender.webhookUrl, rt.webhookSecret, (...a) => rt.send(...a), rt.webhookTimeoutMs);
      return rt.sandbox ? sandboxLender : refusingSandbox;
    },
  };
  return rt;
}
