// Government insight and open data: dashboards for operators, national analysts and province
// officers (sellers onboarded and selling, sales by province and market with the cross-border share
// and CBEC tax, top categories, the hub's dispatches), charts and a map drawn as SVG on the server,
// and monthly open datasets with a DCAT-AP catalogue. Its figures are aggregates kept from the
// outbox over the views other modules publish, and every cell passes the privacy rules (privacy.ts).
import { on } from '../../events.ts';
import { defineModule, type TaladModule } from '../../platform/module.ts';
import { countPaidOrder, countShipment, uncountCancelledOrder } from './aggregate.ts';
import { type InsightsRuntime, loadInsightsRuntime } from './config.ts';
import { countFlashSaleOrder, uncountFlashSaleOrder } from './flash-sales.ts';
import { seedInsightsDemo } from './demo.ts';
import './messages.ts';
import { insightsRoutes } from './routes.ts';

export const insightsModule: TaladModule<InsightsRuntime> = defineModule<InsightsRuntime>({
  name: 'insights',
  runtime: (ctx) => loadInsightsRuntime(ctx.env, ctx.db),
  routes: (app, ctx) => app.register(async (scope) => insightsRoutes(scope, ctx.runtime(insightsModule))),
  subscriptions: () => [
    on('order.paid', async (db, e) => {
      await countPaidOrder(db, e.payload.orderId);
      await countFlashSaleOrder(db, e.payload.orderId);
    }),
    on('order.cancelled', async (db, e) => {
      await uncountCancelledOrder(db, e.payload.orderId);
      await uncountFlashSaleOrder(db, e.payload.orderId);
    }),
    on('order.shipped', (db, e) => countShipment(db, e.payload.orderId)),
  ],
  seedDemo: async (ctx) => {
    await seedInsightsDemo(ctx.db);
  },
});

export type { InsightsRuntime } from './config.ts';
export { exportOpenData } from './export.ts';
