// Sellers: shop applications and their review, flagship status and suspension, the shop's people,
// its integration tokens, payout details, and the public shop card.
import { defineModule } from '../../platform/module.ts';
import { sellerRoutes } from './routes.ts';

export const sellersModule = defineModule({
  name: 'sellers',
  routes: (app) => app.register(sellerRoutes),
});

export { requireApprovedSeller, requireSellerAccess, sellerIdsOf } from './access.ts';
export { sellerFacts } from './lookup.ts';
export { payoutDestination } from './payout-details.ts';
export { getSeller } from './profile.ts';
export { BUSINESS_TYPES, shopsOnSale } from './schema.ts';
export { applyForShop, approveSeller, getShopBySlug, setFlagship, shopsByIds } from './service.ts';
export type { ShopApplication, ShopView } from './service.ts';
export { slugify } from './application.ts';
