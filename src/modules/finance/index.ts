// Finance: consented credit profiles from the platform's own records, a scorecard kept as data,
// instant explained decisions through a lender seam (a sandbox lender, or a lender's webhook),
// and loans whose money moves through the ledger — disbursed into the shop's balance, repaid from
// its sales or by instalments, late ones charged.
import { on } from '../../events.ts';
import { periodic } from '../../platform/jobs.ts';
import { defineModule, type TaladModule } from '../../platform/module.ts';
import { type FinanceRuntime, loadFinanceRuntime } from './config.ts';
import { seedFinanceDemo } from './demo.ts';
import { collectDue, repayFromSale } from './loans.ts';
import { financeRoutes } from './routes.ts';

export const financeModule: TaladModule<FinanceRuntime> = defineModule<FinanceRuntime>({
  name: 'finance',
  runtime: (ctx) => loadFinanceRuntime(ctx.env),
  routes: (app, ctx) => app.register(async (scope) => financeRoutes(scope, ctx.runtime(financeModule))),
  // A revenue-based loan takes its share of each paid sale (the ledger, earlier in the list, posts the sale first).
  subscriptions: () => [on('order.paid', (db, e) => repayFromSale(db, e.payload))],
  jobs: [
    periodic({
      name: 'finance collections',
      firstAfter: () => 30_000,
      every: (ctx) => ctx.runtime(financeModule).collectMinutes * 60_000,
      run: (ctx) => collectDue(ctx.db, ctx.runtime(financeModule)),
      report: (n) => `finance: ${n} satang collected for lenders`,
    }),
  ],
  seedDemo: (ctx) => seedFinanceDemo(ctx.db),
});

export type { FinanceRuntime } from './config.ts';
export { computeProfile, type CreditProfile } from './profile.ts';
