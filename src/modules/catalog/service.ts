// The catalog's service: what other modules and the routes may call.
export { getVariantsForSale, type VariantForSale } from './sale.ts';
