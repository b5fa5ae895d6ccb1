// Inventory: units on hand and reserved per variant and location (a shop's own, the two hubs),
// reservations taken at checkout and released or committed with the order.
import { defineModule } from '../../platform/module.ts';
import { inventoryRoutes } from './routes.ts';

export const inventoryModule = defineModule({
  name: 'inventory',
  routes: (app) => app.register(inventoryRoutes),
});

export { HUB_LOCATIONS, hubLocations } from './hubs.ts';
export type { HubLocation } from './hubs.ts';
export {
  adjustHubStock,
  applyReservations,
  availability,
  bondedAvailability,
  commitReservations,
  insertReservations,
  planReservations,
  readStock,
  releaseReservations,
  reservationsOfOrders,
  StockConflict,
  sellerLocation,
  setStock,
} from './service.ts';
export { stockAvailableByVariant, stockLocations } from './schema.ts';
