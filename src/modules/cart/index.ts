// Carts: a guest's (by cookie) or a signed-in buyer's, across shops; adopted on sign-in.
import { defineModule } from '../../platform/module.ts';
import { cartRoutes } from './routes.ts';

export { ensureGuestCookie } from './routes.ts';

export const cartModule = defineModule({
  name: 'cart',
  routes: (app) => app.register(cartRoutes),
});

export { addToCarts, cartLines, cartVariantIds, clearCarts, lockCarts, shopShipping } from './service.ts';
export { buyerOf, type CartOwner, cartOwnerKey, cartOwnerOf, guestOwner, ownerKey, userOwner } from './owner.ts';
