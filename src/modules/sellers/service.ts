// Sellers: shop applications and their review, the shop's people, its integration tokens, and the
// public shop card. Each concern has its own file; this one gathers them for other modules.
export * from './access.ts';
export * from './application.ts';
export * from './review.ts';
export * from './profile.ts';
export * from './staff.ts';
export * from './api-tokens.ts';
export { BANKS, bankByCode, type Bank } from './banks.ts';
export type { SellerView, ShopView, SellerStatus, BusinessType, Payout, ProvinceRef } from './views.ts';
