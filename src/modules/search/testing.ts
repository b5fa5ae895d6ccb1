// Test helpers of the search module: its public entry plus what only tests reach.
export * from './index.ts';
export { PRODUCT_TERMS } from './glossary.ts';
export type { GlossaryEntry } from './glossary.ts';
export { postgresSearchEngine } from './service.ts';
