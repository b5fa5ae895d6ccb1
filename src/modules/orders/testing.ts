// Test helpers of the orders module: its public entry plus what only tests reach.
export * from './index.ts';
export { expireUnpaidOrders } from './service.ts';
