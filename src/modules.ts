// The modules of the platform, in order: a module may use the public entries of the modules before
// it, and hears about the ones after it only through their events. The app registers their routes,
// the job runner starts their jobs and the outbox delivers to their subscriptions, all in this order.
// Adding a module is a folder under modules/ and a line here (README, "Adding a module").
import { academyModule } from './modules/academy/index.ts';
import { campaignsModule } from './modules/campaigns/index.ts';
import { storefrontModule } from './modules/storefront/index.ts';
import { cartModule } from './modules/cart/index.ts';
import { catalogModule } from './modules/catalog/index.ts';
import { crossborderModule } from './modules/crossborder/index.ts';
import { customsModule } from './modules/customs/index.ts';
import { documentsModule } from './modules/documents/index.ts';
import { financeModule } from './modules/finance/index.ts';
import { hubModule } from './modules/hub/index.ts';
import { insightsModule } from './modules/insights/index.ts';
import { identityModule } from './modules/identity/index.ts';
import { inventoryModule } from './modules/inventory/index.ts';
import { ledgerModule } from './modules/ledger/index.ts';
import { ordersModule } from './modules/orders/index.ts';
import { paymentsModule } from './modules/payments/index.ts';
import { searchModule } from './modules/search/index.ts';
import { sellersModule } from './modules/sellers/index.ts';
import { shippingModule } from './modules/shipping/index.ts';
import { standardsModule } from './modules/standards/index.ts';
import { tourismModule } from './modules/tourism/index.ts';
import { tradeModule } from './modules/trade/index.ts';
import { reviewsModule } from './modules/reviews/index.ts';
import { returnsModule } from './modules/returns/index.ts';
import { webhooksModule } from './modules/webhooks/index.ts';
import type { TaladModule } from './platform/module.ts';

export const modules: readonly TaladModule<unknown>[] = [
  identityModule,
  sellersModule,
  catalogModule,
  inventoryModule,
  searchModule,
  cartModule,
  ordersModule,
  paymentsModule,
  ledgerModule,
  documentsModule,
  crossborderModule,
  customsModule,
  shippingModule,
  hubModule,
  standardsModule,
  academyModule,
  tourismModule,
  financeModule,
  tradeModule,
  reviewsModule,
  campaignsModule,
  storefrontModule,
  returnsModule,
  webhooksModule,
  insightsModule,
] as TaladModule<unknown>[];
