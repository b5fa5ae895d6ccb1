// Test helpers of the documents module: its public entry plus what only tests reach.
export * from './index.ts';
