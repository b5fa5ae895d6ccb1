// Returns and disputes: the buyer asks for a return or a refund within the shop's window (reasons,
// photos); the shop accepts, offers a partial refund or refuses; the buyer may escalate to the
// operator, who decides; the goods go back with a label and tracking through shipping (to the hub
// they left from, where a bonded sale's return is declared to customs and re-bonded or destroyed);
// the refund goes through payments, and the ledger posts it.
import { on } from '../../events.ts';
import { defineModule, type TaladModule } from '../../platform/module.ts';
import { customsModule } from '../customs/index.ts';
import { paymentsModule } from '../payments/index.ts';
import { shippingModule } from '../shipping/index.ts';
import './messages.ts';
import { onReturnParcelArrived } from './parcel.ts';
import { returnPhotoRoutes } from './photo-routes.ts';
import { returnsRoutes } from './routes.ts';

export const returnsModule: TaladModule = defineModule({
  name: 'returns',
  routes: async (app, ctx) => {
    const deps = {
      payments: ctx.runtime(paymentsModule),
      shipping: ctx.runtime(shippingModule),
      customs: ctx.runtime(customsModule),
    };
    await app.register(async (scope) => returnsRoutes(scope, deps));
    await app.register(async (scope) => returnPhotoRoutes(scope));
  },
  // The return parcel is back at the shop or the hub (the carrier's delivery).
  subscriptions: () => [on('shipment.returned', (db, e) => onReturnParcelArrived(db, e.payload.shipmentId))],
});

export { returnPolicy } from './policy.ts';
