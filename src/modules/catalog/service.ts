// The catalog's service: what the routes and the later modules (search, inventory, cart, orders)
// may call. Every write checks the actor's right to act for the shop itself.
import './messages.ts';

export { getVariantsForSale, sellersOfVariants, productSellerId, type VariantForSale } from './sale.ts';
export { seedCategories, categoryTree, categoryPath, type CategoryNode, type CategoryStep } from './categories.ts';
export {
  createProduct,
  updateProduct,
  getSellerProduct,
  listSellerProducts,
  setProductStatus,
  type CreateProductInput,
  type UpdateProductInput,
  type ProductStatus,
  type Page,
} from './products.ts';
export { addVariant, updateVariant, deleteVariant, type VariantChange } from './variants.ts';
export { addProductImage, deleteProductImage, reorderProductImages, MAX_IMAGES_PER_PRODUCT } from './images.ts';
export {
  listPublicProducts,
  getPublicProduct,
  type ProductFilters,
  type PublicProduct,
  type PublicProductItem,
} from './storefront.ts';
export {
  productsForIndexing,
  countProductsForIndexing,
  type ProductForIndex,
  type IndexSelection,
} from './search-source.ts';
export type { SellerProductView, SellerProductSummary, VariantView, ImageView } from './views.ts';
export type { VariantInput, ProductFields } from './validation.ts';
