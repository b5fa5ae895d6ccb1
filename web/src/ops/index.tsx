import type { PageModule } from '../app/router.ts';
import { PageTitle } from '../components/ui.tsx';
const stub = (title: string): PageModule<null> => ({ access: 'operator', head: () => ({ title, noindex: true }), Page: () => <PageTitle>{title}</PageTitle> });
export const opsHomePage = stub('ops');
export const applicationsPage = stub('applications');
export const sellersPage = stub('sellers');
export const opsOrdersPage = stub('orders');
