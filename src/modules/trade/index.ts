// B2B trade: business buyers with a checked and verified registration, requests for quotation seen
// only by matching shops that show the marks asked for, quotes (at most 10, one per shop, edited
// once) and the buyer's comparison. Requests close at their deadline through a job.
import { periodic } from '../../platform/jobs.ts';
import { defineModule } from '../../platform/module.ts';
import { tradeRoutes } from './routes.ts';
import { closeDueRfqs } from './service.ts';

export const tradeModule = defineModule({
  name: 'trade',
  routes: (app) => app.register(async (scope) => tradeRoutes(scope)),
  jobs: [
    periodic({
      name: 'trade deadlines',
      every: () => 60_000,
      run: (ctx) => closeDueRfqs(ctx.db),
      report: (n) => `trade: ${n} requests for quotation closed at their deadline`,
    }),
  ],
});

export { INCOTERMS, type Incoterm, usccProblem } from './codes.ts';
