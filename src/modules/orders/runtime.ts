// The orders runtime of one app: its checkout group committer (one per process, so that checkouts
// arriving together share a transaction).
import type { ModuleContext } from '../../platform/module.ts';
import { createCheckout } from './checkout.ts';

export interface OrdersRuntime {
  checkout: ReturnType<typeof createCheckout>;
}

export const startOrders = (ctx: ModuleContext): OrdersRuntime => ({
  checkout: createCheckout(ctx.db, ctx.config, ctx.hooks),
});
