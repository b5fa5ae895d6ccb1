// Selling to China (bonded 1210 retail import): which products may go and how they are taxed,
// landed prices in CNY, the per-order and yearly limits, the buyer's verified identity, and the
// cross-border checkout that takes bonded hub stock only.
import { on } from '../../events.ts';
import { defineModule, provide } from '../../platform/module.ts';
import { exportSaleHook } from '../documents/index.ts';
import { markCbecPaid, markCbecStatus, recordCbecRefund } from './checkout.ts';
import { crossborderRoutes } from './routes.ts';
import { exportSaleOf } from './service.ts';

export const crossborderModule = defineModule({
  name: 'crossborder',
  routes: (app) => app.register(crossborderRoutes),
  // A cross-border sale's tax document (documents, an earlier module) takes its CNY amounts, rate and consignee from here.
  hooks: () => [provide(exportSaleHook, exportSaleOf)],
  subscriptions: () => [
    on('order.paid', (db, e) => markCbecPaid(db, e.payload.orderId)),
    on('order.cancelled', (db, e) => markCbecStatus(db, e.payload.orderId, 'cancelled')),
    on('payment.refunded', (db, e) => recordCbecRefund(db, e.payload)),
  ],
});

export { chinaYear, ORDER_LIMIT_FEN, residentIdCheckChar, residentIdProblem, YEARLY_LIMIT_FEN } from './rules.ts';
export { declarationFacts, isCrossBorderOrder, landedForVariants, productTerms, setProductTerms } from './service.ts';
export type { DeclarationFacts } from './service.ts';
export { crossBorderShelf, type ShelfOffer } from './shelf.ts';
