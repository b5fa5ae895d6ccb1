// Reviews and ratings: the buyer of a delivered order reviews each line once, in its own language
// (with her own translation beside it if she likes) and with photos; the shop replies once; reports
// go to the operator, who hides or restores a review with a reason. Ratings reach search through
// its ratingSourceHook and the review.rating_changed event.
import { defineModule, provide, type TaladModule } from '../../platform/module.ts';
import { ratingSourceHook } from '../search/index.ts';
import './messages.ts';
import { reviewPhotoRoutes } from './photo-routes.ts';
import { reviewsRoutes } from './routes.ts';
import { ratingTotals } from './views.ts';

export const reviewsModule: TaladModule = defineModule({
  name: 'reviews',
  routes: async (app) => {
    await app.register(async (scope) => reviewsRoutes(scope));
    await app.register(async (scope) => reviewPhotoRoutes(scope));
  },
  hooks: () => [provide(ratingSourceHook, ratingTotals)],
});

export { productRatings, rating, shopRatings } from './views.ts';
