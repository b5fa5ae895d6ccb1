// Customs: the four cross-border messages (CEB311 order, CEB411 payment, CEB511 waybill, CEB621
// inventory list) declared when an order to China is paid, their receipts, release or rejection,
// and the operator's queue of rejections. The customs sandbox answers in place of the single window.
import { on } from '../../events.ts';
import { periodic } from '../../platform/jobs.ts';
import { defineModule, type Platform, type TaladModule } from '../../platform/module.ts';
import { customsRoutes } from './routes.ts';
import { type CustomsRuntime, customsRuntime, declareOrder, runSandboxOnce } from './service.ts';

export const customsModule: TaladModule<CustomsRuntime> = defineModule<CustomsRuntime>({
  name: 'customs',
  runtime: (ctx) => customsRuntime(ctx.config),
  routes: (app, ctx) => app.register(async (scope) => customsRoutes(scope, ctx, ctx.runtime(customsModule))),
  subscriptions: (ctx) => [
    on('order.paid', (db, e) => declareOrder(db, ctx.runtime(customsModule), e.payload.orderId)),
  ],
  jobs: [
    periodic({
      name: 'customs sandbox',
      enabled: (ctx) => ctx.config.customsSandbox,
      every: () => 2000,
      run: (ctx) => runSandboxOnce(ctx.db, ctx.runtime(customsModule)),
    }),
  ],
});

/** The customs runtime of a built app (its gateway and settings). */
export const customsRuntimeOf = (app: { platform: Platform }): CustomsRuntime => app.platform.runtime(customsModule);
export { declareReturn, returnDeclarationOf, type ReturnDeclaration } from './returns.ts';
export type { CustomsRuntime } from './service.ts';
