// Campaigns and vouchers: flash-sale campaigns (a campaign price, a stock limit and a per-buyer
// limit per variant), shop and platform vouchers, free-shipping thresholds. Checkout prices through
// the orders module's promotions hook, which this module fills in; the ledger books the platform's
// vouchers when an order is paid, and a cancelled order gives its units and uses back.
import { on } from '../../events.ts';
import { defineModule, provide, type TaladModule } from '../../platform/module.ts';
import { checkoutPromotionsHook } from '../orders/index.ts';
import { checkoutPromotions } from './book.ts';
import './messages.ts';
import { campaignRoutes } from './routes.ts';
import { postPlatformPromotion, releaseOrderPromotions } from './settle.ts';

export const campaignsModule: TaladModule = defineModule({
  name: 'campaigns',
  routes: (app, ctx) => app.register(async (scope) => campaignRoutes(scope, ctx)),
  hooks: () => [provide(checkoutPromotionsHook, checkoutPromotions)],
  subscriptions: () => [
    on('order.paid', (db, e) => postPlatformPromotion(db, e.payload)),
    on('order.cancelled', (db, e) => releaseOrderPromotions(db, e.payload.orderId)),
  ],
});

export { type CampaignPrice, campaignPricesOf, freeShippingOfShops } from './storefront.ts';
export { createCampaign } from './service.ts';
