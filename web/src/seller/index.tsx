import type { PageModule } from '../app/router.ts';
import { PageTitle } from '../components/ui.tsx';
const stub = (title: string): PageModule<null> => ({ access: 'user', head: () => ({ title, noindex: true }), Page: () => <PageTitle>{title}</PageTitle> });
export const sellerHomePage = stub('seller');
export const applyPage = stub('apply');
export const productsPage = stub('products');
export const productEditPage = stub('product');
export const sellerOrdersPage = stub('orders');
export const tokensPage = stub('tokens');
