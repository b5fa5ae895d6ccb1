// The storefront's product cards: what a card and a product page show besides the catalog's own
// facts (rating, units sold, campaign price and its end, badges), gathered from the modules before
// it for a whole page at once.
import { defineModule, type TaladModule } from '../../platform/module.ts';
import { storefrontRoutes } from './routes.ts';

export const storefrontModule: TaladModule = defineModule({
  name: 'storefront',
  routes: (app) => app.register(storefrontRoutes),
});

export { type CardBadge, type CardFacts, cardFacts } from './cards.ts';
