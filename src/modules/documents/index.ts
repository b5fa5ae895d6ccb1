// Documents: the tax invoice (ใบกำกับภาษี) or receipt of each paid order, as PDF and as e-Tax
// invoice XML, with per-shop serial numbers; the shop's registered tax profile.
import { on } from '../../events.ts';
import { defineModule } from '../../platform/module.ts';
import { documentRoutes } from './routes.ts';
import { issueForOrder } from './service.ts';

export const documentsModule = defineModule({
  name: 'documents',
  routes: (app) => app.register(documentRoutes),
  // Documents are issued when an order is paid.
  subscriptions: () => [on('order.paid', (db, e) => issueForOrder(db, e.payload.orderId))],
});

export { addressLine, getTaxProfile } from './service.ts';
