// The smart digital hub: the bonded EEC warehouse and the fulfilment centre — inbound shipments and
// receiving, put-away, lots and expiry, cycle counts, first-expired-first-out allocation, waves,
// picking, packing with the carrier's label, and dispatch.
import { on } from '../../events.ts';
import { periodic } from '../../platform/jobs.ts';
import { defineModule } from '../../platform/module.ts';
import { shippingModule } from '../shipping/index.ts';
import { lotTraceHook } from './lot-links.ts';
import { hubRoutes } from './routes.ts';
import { blockExpiredLots, blockRecalledLots, onCustomsReleased, onOrderCancelled, onOrderPaid } from './service.ts';

export const hubModule = defineModule({
  name: 'hub',
  // A later module (standards) may put the lots' trace QR codes on the label through lotTraceHook.
  routes: (app, ctx) =>
    app.register(async (scope) => hubRoutes(scope, ctx.runtime(shippingModule), ctx.hooks.get(lotTraceHook))),
  // order.paid and customs.order_released make outbound work (in either order, at least once);
  // order.cancelled drops it.
  subscriptions: () => [
    on('order.paid', (db, e) => onOrderPaid(db, e.payload.orderId)),
    on('customs.order_released', (db, e) => onCustomsReleased(db, e.payload)),
    on('order.cancelled', (db, e) => onOrderCancelled(db, e.payload.orderId)),
    // A recalled lot (standards, a later module) leaves sellable stock like an expired one.
    on('standards.lot_recalled', (db, e) => blockRecalledLots(db, e.payload.sellerId, e.payload.lotNumber)),
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
export {
  type HubLotLink,
  hubLotsByNumber,
  type LotTrace,
  type LotTraceCode,
  lotNumbersOfOutbound,
  lotTraceHook,
  ordersPickedFromLot,
} from './lot-links.ts';
export { blockRecalledLots } from './service.ts';
export { hubOfOrder, receiveReturnedUnits, type ReturnedUnits } from './returns.ts';
export { requireHubStaff } from './access.ts';
