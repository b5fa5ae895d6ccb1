// Secondary-city tourism: community experiences in the OCTO model (options, units, meeting point,
// cancellation policy) offered by approved shops, slots with a capacity that never overbooks, and
// bookings paid as service orders through payments and confirmed on `order.paid`.
import { on } from '../../events.ts';
import { publicUrlOf } from '../../platform/config.ts';
import { periodic } from '../../platform/jobs.ts';
import { defineModule, type TaladModule } from '../../platform/module.ts';
import { seedTourismDemo } from './demo.ts';
import { confirmPaid, expireHolds, releaseCancelled } from './bookings.ts';
import './messages.ts';
import { octoRoutes } from './octo-routes.ts';
import { tourismRoutes, tourismTicketRoutes } from './routes.ts';

export const tourismModule: TaladModule<unknown> = defineModule({
  name: 'tourism',
  routes: (app, ctx) =>
    app.register(async (scope) => {
      await tourismRoutes(scope, ctx);
      await tourismTicketRoutes(scope, ctx);
    }),
  publicRoutes: (app, ctx) =>
    app.register(async (scope) => octoRoutes(scope, publicUrlOf(ctx.env)), { prefix: '/octo' }),
  subscriptions: () => [
    on('order.paid', (db, e) => confirmPaid(db, e.payload.orderId)),
    on('order.cancelled', (db, e) => releaseCancelled(db, e.payload.orderId)),
  ],
  jobs: [
    // Expired holds give their places back.
    periodic({
      name: 'tourism hold sweeper',
      every: (ctx) => ctx.config.sweepIntervalSeconds * 1000,
      run: (ctx) => expireHolds(ctx.db),
      report: (n) => `tourism: ${n} expired holds gave their places back`,
    }),
  ],
  seedDemo: (ctx) => seedTourismDemo(ctx.db),
});

export { isSecondaryCity, SECONDARY_CITY_VERSIONS, secondaryCitiesOn } from './destinations.ts';
export { slotStatus, type OctoStatus } from './availability.ts';
