// The payments runtime of one app: its settings, the gateway adapters and, in the sandbox, the
// local gateway. In sandbox mode the adapters reach that gateway through in-process requests to
// the same app (the same routes, headers, signatures and bytes as over the network).
import type { Locale } from '../../platform/i18n.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { alipayProvider } from './alipay.ts';
import { cardGatewayProvider } from './card-gateway.ts';
import { loadPaymentsConfig } from './config.ts';
import type { PaymentsContext } from './intents.ts';
import { fetchTransport, type ProviderName, type Transport } from './provider.ts';
import type { SandboxGateway } from './sandbox/gateway.ts';

export const NOTIFY_PATHS: Record<ProviderName, string> = {
  alipay: '/api/payments/notifications/alipay',
  gateway: '/api/payments/notifications/gateway',
};

export type PaymentsRuntime = PaymentsContext & { sandbox: SandboxGateway | null };

function injectTransport(ctx: ModuleContext): Transport {
  return async (req) => {
    const res = await ctx.inject({ method: req.method, url: req.url, headers: req.headers, payload: req.body });
    return {
      status: res.statusCode,
      headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)])),
      body: res.body,
    };
  };
}

export function startPayments(ctx: ModuleContext): PaymentsRuntime {
  const config = loadPaymentsConfig(ctx.config.dataDir, ctx.env);
  const transport = config.sandbox ? injectTransport(ctx) : fetchTransport();
  // Back to the payment page in the language the buyer paid from (a Chinese buyer stays in /zh).
  const redirect = (intentId: string, locale?: Locale) =>
    `${config.publicUrl}${locale && locale !== 'th' ? `/${locale}` : ''}/pay/intent/${intentId}`;
  return {
    db: ctx.db,
    config,
    log: ctx.log,
    providers: {
      alipay: alipayProvider(config.alipay, transport, {
        notify: `${config.publicUrl}${NOTIFY_PATHS.alipay}`,
        redirect,
      }),
      gateway: cardGatewayProvider(config.gateway, transport, { redirect }),
    },
    sandbox: config.sandboxKeys
      ? {
          db: ctx.db,
          keys: config.sandboxKeys,
          merchantPromptPay: config.promptpayId,
          transport,
          notifyPaths: NOTIFY_PATHS,
          log: ctx.log,
        }
      : null,
  };
}
