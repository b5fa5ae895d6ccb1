// Orders: checkout (one order per shop under one order group, stock reserved), the order's life
// (paid, processing, shipped, delivered, cancelled) and who may see and move it.
import { defineModule, type TaladModule } from '../../platform/module.ts';
import { periodic } from '../../platform/jobs.ts';
import { orderRoutes } from './routes.ts';
import { type OrdersRuntime, startOrders } from './runtime.ts';
import { expireUnpaidOrders } from './service.ts';

export const ordersModule: TaladModule<OrdersRuntime> = defineModule<OrdersRuntime>({
  name: 'orders',
  runtime: startOrders,
  routes: (app, ctx) => app.register(async (scope) => orderRoutes(scope, ctx, ctx.runtime(ordersModule))),
  jobs: [
    // Releases the stock of orders not paid in time (RESERVATION_TTL_MINUTES).
    periodic({
      name: 'reservation sweeper',
      every: (ctx) => ctx.config.sweepIntervalSeconds * 1000,
      drain: true,
      run: (ctx) => expireUnpaidOrders(ctx.db),
      report: () => 'released the stock of unpaid orders',
    }),
  ],
});

export { placeMarketOrders } from './checkout-market.ts';
export { placeOrdersDurably } from './checkout.ts';
export {
  type CheckoutPromotions,
  checkoutPromotionsHook,
  type OrderDiscount,
  type PlacedPromotion,
  type PricedShopOrder,
  type PromotionBook,
  type PromotionCart,
  PromotionConflict,
  type PromotionOutcome,
  type PromotionUses,
} from './promotions.ts';
export type { ShippingAddress } from './schema.ts';
export {
  advanceOrderByCarrier,
  getOrder,
  getOrderGroup,
  markGroupPaid,
  type OrderTarget,
  type ShopShipsOrder,
  shopShipsOrderHook,
  transitionOrder,
} from './service.ts';
export { orderProductLines } from './schema.ts';
export {
  type OrderFacts,
  type OrderLineFacts,
  OrderNotFound,
  orderFacts,
  ordersFacts,
  requireGroup,
  requireOrder,
  roleOnOrder,
  shippingAddressOf,
} from './facts.ts';
export type { Role as OrderRole } from './status.ts';
export {
  completeServiceOrder,
  placeServiceOrder,
  type ServiceOrderInput,
  type ServiceOrderPlaced,
} from './service-orders.ts';
export { buyersOfProduct, type ProductBuyer } from './product-buyers.ts';
