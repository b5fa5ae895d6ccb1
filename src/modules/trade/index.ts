// B2B trade: business buyers with a checked and verified registration, requests for quotation seen
// only by matching shops that show the marks asked for, quotes (at most 10, one per shop, edited
// once) and the buyer's comparison, messages on a request, sample and bulk orders paid in milestones
// as service orders (so payments, the ledger and payouts treat them like any sale), the shipment and
// the export papers. Requests close at their deadline through a job.
import { on } from '../../events.ts';
import { periodic } from '../../platform/jobs.ts';
import { defineModule } from '../../platform/module.ts';
import { tradeRoutes } from './routes.ts';
import { tradeClaimRoutes } from './routes-claims.ts';
import { tradeOrderRoutes } from './routes-orders.ts';
import { tradePartnerRoutes } from './routes-partners.ts';
import { escalateDueClaims } from './claims.ts';
import { seedTradeDemo } from './demo.ts';
import { closeDueRfqs } from './service.ts';
import { milestoneLapsed, milestonePaid } from './trade-orders.ts';

export const tradeModule = defineModule({
  name: 'trade',
  routes: (app, ctx) =>
    app.register(async (scope) => {
      await tradeRoutes(scope);
      await tradeOrderRoutes(scope);
      await tradePartnerRoutes(scope);
      await tradeClaimRoutes(scope, ctx);
    }),
  subscriptions: () => [
    on('order.paid', (db, e) => milestonePaid(db, e.payload.orderId)),
    on('order.cancelled', (db, e) => milestoneLapsed(db, e.payload.orderId)),
  ],
  jobs: [
    periodic({
      name: 'trade deadlines',
      every: () => 60_000,
      run: (ctx) => closeDueRfqs(ctx.db),
      report: (n) => `trade: ${n} requests for quotation closed at their deadline`,
    }),
    // Claims unresolved on day 8 go to the operator.
    periodic({
      name: 'trade claim escalation',
      every: () => 60_000,
      run: (ctx) => escalateDueClaims(ctx.db),
      report: (n) => `trade: ${n} claims escalated to the operator on day 8`,
    }),
  ],
  seedDemo: (ctx) => seedTradeDemo(ctx.db),
});

export { INCOTERMS, type Incoterm, usccProblem } from './codes.ts';
