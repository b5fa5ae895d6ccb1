// Test helpers of the cart module: its public entry plus what only tests reach.
export * from './index.ts';
