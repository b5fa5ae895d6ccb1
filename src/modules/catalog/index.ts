// The catalog: products with variants, texts in three languages, images, the category tree, what
// is for sale (read at checkout) and the public storefront listing.
import { defineModule } from '../../platform/module.ts';
import { catalogRoutes } from './routes.ts';

export const catalogModule = defineModule({
  name: 'catalog',
  routes: (app) => app.register(catalogRoutes),
});

export {
  addProductImage,
  categoryTree,
  countProductsForIndexing,
  createProduct,
  getVariantsForSale,
  listPublicProducts,
  productSellerId,
  productsForIndexing,
  seedCategories,
  sellersOfVariants,
  setProductStatus,
} from './service.ts';
export type { CategoryNode, ProductForIndex, VariantForSale, VariantInput } from './service.ts';
export { productsOnSale } from './schema.ts';
export { activeProductIdsOfShop, productFacts, type ProductFacts } from './facts.ts';
export { prepareImage } from './images.ts';
