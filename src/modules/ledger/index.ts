// The ledger: double-entry postings of sales, commission, VAT, refunds and the cross-border tax held
// for customs; each shop's balance; payout batches to the shops' banks.
import { on } from '../../events.ts';
import { defineModule, type TaladModule } from '../../platform/module.ts';
import { postCbecTaxCollected } from './cbec-tax.ts';
import { loadPayoutSettings, type PayoutSettings } from './config.ts';
import { ledgerRoutes } from './routes.ts';
import { postOrderPaid, postRefund, postUnallocated, recordDelivery } from './service.ts';

export const ledgerModule: TaladModule<PayoutSettings> = defineModule<PayoutSettings>({
  name: 'ledger',
  runtime: (ctx) => loadPayoutSettings(ctx.env),
  routes: (app, ctx) => app.register(async (scope) => ledgerRoutes(scope, ctx.runtime(ledgerModule))),
  // The ledger learns of sales, refunds and deliveries through the outbox.
  subscriptions: () => [
    on('order.paid', (db, e) => postOrderPaid(db, e.payload)),
    on('payment.refunded', (db, e) => postRefund(db, e.payload)),
    on('payment.unallocated', (db, e) => postUnallocated(db, e.payload)),
    on('order.delivered', (db, e) => recordDelivery(db, e.payload)),
    on('crossborder.tax_collected', (db, e) => postCbecTaxCollected(db, e.payload)),
  ],
});

export { taxRateAt } from './rates.ts';
export { post } from './service.ts';
export { lockSalePosting, syncPlatformPromotionRefunds } from './promotion-refunds.ts';
export type { Entry } from './posting.ts';
export {
  loanEntries,
  postLoanMovement,
  sellerPayableNow,
  unbalancedTransactions,
  type LoanMovement,
} from './loans.ts';
