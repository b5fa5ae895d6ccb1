// Outgoing webhooks for sellers' own systems (Standard Webhooks): a shop subscribes endpoints to
// topics, each with its own secret; the outbox's events become signed deliveries, retried with
// back-off for 3 days, logged and replayable; endpoints that keep failing are disabled with a
// notice; private, loopback, link-local and metadata addresses are refused (SSRF).
import { on } from '../../events.ts';
import { periodic } from '../../platform/jobs.ts';
import { defineModule, type TaladModule } from '../../platform/module.ts';
import { loadWebhooksConfig, type WebhooksRuntime } from './config.ts';
import { deliverDueWebhooks, enqueueForSeller } from './deliveries.ts';
import './messages.ts';
import { webhookRoutes } from './routes.ts';

export const webhooksModule: TaladModule<WebhooksRuntime> = defineModule<WebhooksRuntime>({
  name: 'webhooks',
  runtime: (ctx) => loadWebhooksConfig(ctx.env),
  routes: (app, ctx) => app.register(async (scope) => webhookRoutes(scope, ctx.runtime(webhooksModule))),
  subscriptions: (ctx) => {
    const cfg = ctx.runtime(webhooksModule);
    const order = (topic: 'order.paid' | 'order.shipped') =>
      on(topic, (db, e) =>
        enqueueForSeller(db, cfg, {
          sellerId: e.payload.sellerId,
          topic,
          sourceKey: `${e.id}:${topic}`,
          data: {
            orderId: e.payload.orderId,
            groupId: e.payload.groupId,
            status: e.payload.to,
            totalSatang: e.payload.totalSatang,
            currency: 'THB',
            occurredAt: e.payload.occurredAt ?? null,
          },
        }),
      );
    return [
      order('order.paid'),
      order('order.shipped'),
      on('payment.refunded', async (db, e) => {
        if (!e.payload.sellerId || !e.payload.orderId) return;
        await enqueueForSeller(db, cfg, {
          sellerId: e.payload.sellerId,
          topic: 'order.refunded',
          sourceKey: `${e.id}:order.refunded`,
          data: {
            orderId: e.payload.orderId,
            refundId: e.payload.refundId,
            amountSatang: e.payload.amount,
            currency: e.payload.currency,
            reason: e.payload.reason,
          },
        });
      }),
      on('stock.changed', (db, e) =>
        enqueueForSeller(db, cfg, {
          sellerId: e.payload.sellerId,
          topic: 'stock.low',
          sourceKey: `${e.id}:stock.low`,
          onHand: e.payload.onHand,
          data: { variantId: e.payload.variantId, locationId: e.payload.locationId, onHand: e.payload.onHand },
        }),
      ),
      on('review.posted', (db, e) =>
        enqueueForSeller(db, cfg, {
          sellerId: e.payload.sellerId,
          topic: 'review.posted',
          sourceKey: `${e.id}:review.posted`,
          data: {
            reviewId: e.payload.reviewId,
            orderId: e.payload.orderId,
            productId: e.payload.productId,
            rating: e.payload.rating,
            language: e.payload.language,
          },
        }),
      ),
    ];
  },
  jobs: [
    periodic({
      name: 'webhook deliveries',
      every: (ctx) => ctx.runtime(webhooksModule).pollSeconds * 1000,
      drain: true,
      run: (ctx) => deliverDueWebhooks(ctx.db, ctx.runtime(webhooksModule)),
    }),
  ],
});

export { WEBHOOK_TOPICS } from './endpoints.ts';
