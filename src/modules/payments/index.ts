// Payments: intents for an order group (PromptPay QR in baht, Alipay in yuan, card), confirmed only
// by a gateway's signed notification; refunds; FX rates; and the local sandbox gateway.
import { on } from '../../events.ts';
import type { Job, Platform } from '../../platform/module.ts';
import { defineModule, type TaladModule } from '../../platform/module.ts';
import { ensureSandboxRate } from './fx.ts';
import { expireIntents } from './intents.ts';
import { onOrderCancelled, sendPendingRefunds } from './refunds.ts';
import { paymentRoutes } from './routes.ts';
import { type PaymentsRuntime, startPayments } from './runtime.ts';
import { deliverDue, expireCharges } from './sandbox/gateway.ts';

/**
 * Every 5 s in every app (the sandbox gateway lives in the app): intents and sandbox charges past
 * their time expire, refunds not yet answered are sent again, the sandbox retries notifications.
 */
const paymentsTick: Job = {
  name: 'payments tick',
  scope: 'app',
  start(ctx) {
    const rt = ctx.runtime(paymentsModule);
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await expireIntents(ctx.db);
        await sendPendingRefunds(rt);
        if (rt.sandbox) {
          await expireCharges(ctx.db);
          await deliverDue(rt.sandbox);
        }
      } catch (err) {
        ctx.log.error({ err }, 'payments job failed');
      } finally {
        running = false;
      }
    };
    const ready = rt.sandbox ? ensureSandboxRate(ctx.db) : Promise.resolve();
    const timer = setInterval(() => void ready.then(tick), 5_000);
    timer.unref();
    return () => clearInterval(timer);
  },
};

export const paymentsModule: TaladModule<PaymentsRuntime> = defineModule<PaymentsRuntime>({
  name: 'payments',
  runtime: startPayments,
  routes: (app, ctx) => app.register(async (scope) => paymentRoutes(scope, ctx.runtime(paymentsModule))),
  subscriptions: () => [on('order.cancelled', (db, e) => onOrderCancelled(db, e.payload))],
  jobs: [paymentsTick],
});

/** The payments runtime of a built app (its gateways and sandbox). */
export const paymentsRuntime = (app: { platform: Platform }): PaymentsRuntime => app.platform.runtime(paymentsModule);

export { convertMinor, currentRate, FX_ROUNDING, setRate } from './fx.ts';
export type { FxRate } from './fx.ts';
export { captureOf } from './intents.ts';
export { dispatchRefund, recordOrderRefund, refundsById, type RefundView } from './refunds.ts';
export { requireGroupPayment } from './requirements.ts';
export type { PaymentsRuntime } from './runtime.ts';
export { newWebhookSecret, signWebhook } from './webhooks.ts';
