// Search: Thai and Chinese segmented, glossary concepts across languages, typos and half-typed
// words, ranking, facets and suggestions; an index in PostgreSQL that follows the catalog through
// the outbox, answered from an in-memory replica in each process.
import type { Job } from '../../platform/module.ts';
import { defineModule } from '../../platform/module.ts';
import { searchSubscriptions } from './handlers.ts';
import { indexSources } from './indexer.ts';
import { searchRoutes } from './routes.ts';
import { indexIfEmpty, memorySearchEngine, postgresSearchEngine } from './service.ts';

/**
 * A database that had products before search existed gets its index once, in the background; then
 * this process loads its in-memory copy, so that the first search does not wait for it.
 */
const warmUp: Job = {
  name: 'search index and replica warm-up',
  start(ctx) {
    void indexIfEmpty(ctx.db, undefined, indexSources(ctx.hooks))
      .then((n) => {
        if (n) ctx.log.info(`search index built: ${n} products`);
      })
      .then(() => memorySearchEngine.warm(ctx.db))
      .then(
        (n) => ctx.log.info(`search replica loaded: ${n} products`),
        (err) => ctx.log.error({ err }, 'search indexing failed'),
      );
    return () => {};
  },
};

export const searchModule = defineModule({
  name: 'search',
  routes: (app) => app.register(searchRoutes),
  // Marks come from the standards module and ratings from reviews, later ones, through the hooks they fill in.
  subscriptions: (ctx) => searchSubscriptions(postgresSearchEngine, indexSources(ctx.hooks)),
  jobs: [warmUp],
});

export { reindex } from './service.ts';
export { certificationSourceHook, indexSources, type CertificationSource } from './indexer.ts';
export { ratingSourceHook, type RatingSource, type RatingTotals } from './rating.ts';
export { CERTIFICATION_MARKS, type CertificationMark } from './messages.ts';
export { unitsSold } from './sold.ts';
