// Product standards: certificates with verified marks (อย., มอก., มผช., GAP and Organic Thailand,
// Halal, GI, OTOP, Thai Hom Mali), flagship stores for national products, and lots traced from the
// farm to the buyer's QR scan. Search learns a product's marks through `certificationSourceHook`
// and `standards.mark_changed`; the hub puts a lot's trace QR on its labels through `lotTraceHook`.
import { periodic } from '../../platform/jobs.ts';
import { defineModule, provide, type TaladModule } from '../../platform/module.ts';
import { lotTraceHook } from '../hub/index.ts';
import { certificationSourceHook } from '../search/index.ts';
import { productMarkCodes } from './certificates.ts';
import { loadStandardsRuntime, type StandardsRuntime } from './config.ts';
import { seedStandardsDemo } from './demo.ts';
import { traceLinks } from './lots.ts';
import { sweepCertificates } from './review.ts';
import { standardsRoutes } from './routes.ts';

export const standardsModule: TaladModule<StandardsRuntime> = defineModule<StandardsRuntime>({
  name: 'standards',
  // An invalid STANDARDS_* value stops the start here, naming the variable.
  runtime: (ctx) => loadStandardsRuntime(ctx.env, ctx.config),
  routes: (app, ctx) => app.register(async (scope) => standardsRoutes(scope, ctx.runtime(standardsModule))),
  jobs: [
    // The daily work (expiry, 30-day notices, flagship checks) is done once per day and mark however often this runs.
    periodic({
      name: 'standards expiry sweep',
      firstAfter: () => 10_000,
      every: (ctx) => ctx.runtime(standardsModule).sweepMinutes * 60_000,
      run: (ctx) => sweepCertificates(ctx.db, ctx.runtime(standardsModule)),
      report: (n) => `standards: ${n} certificates expired or announced, flagship stores checked`,
    }),
  ],
  hooks: (ctx) => [
    provide(certificationSourceHook, productMarkCodes),
    provide(lotTraceHook, (db, lots) => traceLinks(db, ctx.runtime(standardsModule), lots)),
  ],
  seedDemo: (ctx) => seedStandardsDemo(ctx.db, ctx.runtime(standardsModule)),
});

export type { StandardsRuntime } from './config.ts';
export { productBadges, productMarkCodes, productMarkSummaries, type MarkBadge } from './certificates.ts';
export { MARK_KINDS, type MarkKind } from './numbers.ts';
