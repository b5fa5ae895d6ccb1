// Documents: the tax invoice (ใบกำกับภาษี) or receipt of each paid order, as PDF and as e-Tax
// invoice XML, with per-shop serial numbers; the shop's registered tax profile. A sale exported to
// China is zero-rated; its CNY amounts, rate and consignee come from crossborder through a hook.
import { on } from '../../events.ts';
import { periodic } from '../../platform/jobs.ts';
import { defineModule } from '../../platform/module.ts';
import { seedDocumentsDemo } from './demo.ts';
import { issueForOrder, issueWaiting } from './issue.ts';
import { documentRoutes } from './routes.ts';

export const documentsModule = defineModule({
  name: 'documents',
  routes: (app, ctx) => app.register(async (scope) => documentRoutes(scope, ctx.hooks)),
  // Documents are issued when an order is paid; a VAT shop's tax invoice waits for a complete address.
  subscriptions: (ctx) => [
    on('order.paid', (db, e) => issueForOrder(db, e.payload.orderId, { hooks: ctx.hooks, onIncomplete: 'wait' })),
  ],
  seedDemo: (ctx) => seedDocumentsDemo(ctx.db),
  jobs: [
    // The shop's save issues what waited at once; this catches what that could not (a failure, a restart).
    periodic({
      name: 'waiting documents',
      every: () => 60_000,
      run: async (ctx) => (await issueWaiting(ctx.db, { hooks: ctx.hooks })).issued,
      report: (n) => `issued ${n} documents that waited for a complete registered address`,
    }),
  ],
});

export { exportSaleHook, type ExportSale, type ExportSaleOf } from './export-sale.ts';
export { getTaxProfile, type TaxProfile } from './service.ts';
