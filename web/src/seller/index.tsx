// The seller centre, loaded as its own chunk.
export { sellerHomePage, applyPage } from './home.tsx';
export { productsPage, productEditPage } from './products.tsx';
export { sellerOrdersPage } from './orders.tsx';
export { tokensPage } from './tokens.tsx';
export { moneyPage, invoicesPage } from './money.tsx';
