// Reviews and ratings: the buyer of a delivered order reviews each line once, in its own language;
// the shop replies; reports go to the operator, who hides or keeps a review. Photos, search
// ranking, the review.posted event and web pages are not done yet (README).
import { defineModule, type TaladModule } from '../../platform/module.ts';
import './messages.ts';
import { reviewsRoutes } from './routes.ts';

export const reviewsModule: TaladModule = defineModule({
  name: 'reviews',
  routes: (app) => app.register(async (scope) => reviewsRoutes(scope)),
});

export { productRatings, rating, shopRatings } from './service.ts';
