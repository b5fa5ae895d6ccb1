// The smart digital hub: the bonded EEC warehouse and the fulfilment centre — inbound shipments and
// receiving, put-away, lots and expiry, cycle counts, first-expired-first-out allocation, waves,
// picking, packing with the carrier's label, and dispatch.
import { on } from '../../events.ts';
import { periodic } from '../../platform/jobs.ts';
import { defineModule } from '../../platform/module.ts';
import { shippingModule } from '../shipping/index.ts';
import { hubRoutes } from './routes.ts';
import { blockExpiredLots, onCustomsReleased, onOrderCancelled, onOrderPaid } from './service.ts';

export const hubModule = defineModule({
  name: 'hub',
  routes: (app, ctx) => app.register(async (scope) => hubRoutes(scope, ctx.runtime(shippingModule))),
  // order.paid and customs.order_released make outbound work (in either order, at least once);
  // order.cancelled drops it.
  subscriptions: () => [
    on('order.paid', (db, e) => onOrderPaid(db, e.payload.orderId)),
    on('customs.order_released', (db, e) => onCustomsReleased(db, e.payload)),
    on('order.cancelled', (db, e) => onOrderCancelled(db, e.payload.orderId)),
  ],
  jobs: [
    // Lots are blocked as they reach their expiry date.
    periodic({
      name: 'hub expiry blocker',
      firstAfter: () => 5_000,
      every: () => 600_000,
      run: (ctx) => blockExpiredLots(ctx.db),
      report: () => 'hub: expired lots blocked',
    }),
  ],
});

export {
  setHubStaff,
  bangkokDate,
  closeInbound,
  createInbound,
  dockStock,
  moveStock,
  receiveInbound,
} from './service.ts';
