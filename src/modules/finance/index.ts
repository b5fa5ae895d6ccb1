// Finance: consented credit profiles from the platform's own records, a scorecard kept as data,
// instant explained decisions through a lender seam (a sandbox lender, or a lender's webhook),
// and loans whose money moves through the ledger — disbursed into the shop's balance, repaid from
// its sales or by instalments, late ones charged.
import { on } from '../../events.ts';
import { periodic } from '../../platform/jobs.ts';
import { defineModule, type TaladModule } from '../../platform/module.ts';
import { type FinanceRuntime, loadFinanceRuntime } from './config.ts';
import { seedFinanceDemo } from './demo.ts';
import { collectDue, noticeLate, repayFromSale, settleCollected } from './loans.ts';
import { eraseExpiredCopies } from './retention.ts';
import { financeRoutes } from './routes.ts';

export const financeModule: TaladModule<FinanceRuntime> = defineModule<FinanceRuntime>({
  name: 'finance',
  runtime: (ctx) => loadFinanceRuntime(ctx.env),
  routes: (app, ctx) => app.register(async (scope) => financeRoutes(scope, ctx.runtime(financeModule))),
  // A revenue-based loan takes its share of each paid sale (the ledger, earlier in the list, posts the sale first).
  // A late loan is told to the shop through the outbox (finance's own event).
  subscriptions: () => [
    on('order.paid', (db, e) => repayFromSale(db, e.payload)),
    on('loan.late', (db, e) => noticeLate(db, e)),
  ],
  jobs: [
    periodic({
      name: 'finance collections',
      firstAfter: () => 30_000,
      every: (ctx) => ctx.runtime(financeModule).collectMinutes * 60_000,
      run: (ctx) => collectDue(ctx.db, ctx.runtime(financeModule)),
      report: (n) => `finance: ${n} satang collected for lenders`,
    }),
    periodic({
      name: 'finance settlements',
      firstAfter: () => 60_000,
      every: (ctx) => ctx.runtime(financeModule).collectMinutes * 60_000,
      run: (ctx) => settleCollected(ctx.db),
      report: (n) => `finance: ${n} satang paid on to lenders`,
    }),
    periodic({
      name: 'finance retention',
      firstAfter: () => 90_000,
      every: () => 3_600_000,
      run: (ctx) => eraseExpiredCopies(ctx.db),
      report: (n) => `finance: lenders' copies of ${n} applications deleted (retention)`,
    }),
  ],
  seedDemo: (ctx) => seedFinanceDemo(ctx.db),
});

export type { FinanceRuntime } from './config.ts';
export { computeProfile, type CreditProfile } from './profile.ts';
