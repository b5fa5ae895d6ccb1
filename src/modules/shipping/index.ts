// Shipping: carriers (Thailand Post with the S10 check digit, the line-haul carrier under the customs
// waybill, shops shipping themselves), bookings and labels, tracking events and the buyer's timeline.
// The carrier sandbox reports events on a stored schedule in place of the carriers' feeds.
import { on } from '../../events.ts';
import { periodic } from '../../platform/jobs.ts';
import { defineModule, type TaladModule, provide } from '../../platform/module.ts';
import { shopShipsOrderHook } from '../orders/index.ts';
import { loadShippingConfig, type ShippingConfig } from './config.ts';
import { shippingRoutes } from './routes.ts';
import { runCarrierSandbox } from './sandbox.ts';
import { shopShipsOrder } from './seller.ts';
import { cancelBookingsOfOrder } from './service.ts';

export const shippingModule: TaladModule<ShippingConfig> = defineModule<ShippingConfig>({
  name: 'shipping',
  // An invalid CARRIER_SANDBOX* value stops the start here, naming the variable.
  runtime: (ctx) => loadShippingConfig(ctx.env, ctx.config),
  routes: (app, ctx) => app.register(async (scope) => shippingRoutes(scope, ctx.runtime(shippingModule))),
  // A cancelled order's carrier booking is called off if the parcel was not handed over yet.
  subscriptions: () => [on('order.cancelled', (db, e) => cancelBookingsOfOrder(db, e.payload.orderId))],
  jobs: [
    periodic({
      name: 'carrier sandbox',
      enabled: (ctx) => ctx.runtime(shippingModule).sandbox,
      every: (ctx) => ctx.runtime(shippingModule).pollSeconds * 1000,
      run: (ctx) =>
        runCarrierSandbox(ctx.db, new Date(), 200, (err, shipmentId) =>
          ctx.log.warn({ err, shipmentId }, 'carrier sandbox event not recorded; retrying later'),
        ),
    }),
  ],
  // A shop's own "shipped" needs a valid tracking number of a known carrier, recorded as a shipment.
  hooks: (ctx) => [provide(shopShipsOrderHook, shopShipsOrder(ctx.runtime(shippingModule)))],
});

export type { ShippingConfig } from './config.ts';
export { s10Number } from './s10.ts';
export { bookShipment, handOverShipment, shipmentLabelPdf } from './service.ts';
export { bookReturnShipment, handOverReturnShipment, returnShipment, type ReturnShipmentInput } from './returns.ts';
export type { LabelExtras, TraceQr } from './label.ts';
