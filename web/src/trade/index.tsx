// The trade chunk: the business buyer's pages (company, requests, quotes compared, messages, orders).
export { buyerOrderPage, buyerThreadPage, newRfqPage, rfqPage, tradeHomePage } from './buyer.tsx';
export { partnerPage, partnersPage } from './partners.tsx';
export { opsTradeClaimsPage } from './claims.tsx';
export { sellerRfqPage, sellerTradePage } from './seller.tsx';
export { sellerTradeOrderPage } from './seller-orders.tsx';
