// The test entry: the module's public entry, and what only tests reach.
export * from './index.ts';
