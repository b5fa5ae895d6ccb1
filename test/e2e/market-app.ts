// The whole app on a fresh test database with the small market in it, listening on 127.0.0.1
// at a random port (for the browser), or used in-process with app.inject.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { Database } from '../../src/platform/db.ts';
import { createTestDatabase, expectCatalogueEvents, testConfig } from '../db.ts';
import { createMarket, type Market } from './market.ts';

export interface MarketApp {
  app: FastifyInstance;
  market: Market;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startMarketApp(opts: { listen?: boolean } = {}): Promise<MarketApp> {
  const database: Database = await createTestDatabase();
  const app = await buildApp({
    db: database.db,
    config: testConfig({ DATA_DIR: `/tmp/talad-web-test-${process.pid}` }),
    logger: false,
  });
  const market = await createMarket(app);
  const baseUrl = opts.listen === false ? '' : await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    market,
    baseUrl,
    close: async () => {
      try {
        await expectCatalogueEvents(database);
      } finally {
        await app.close();
        await database.close();
      }
    },
  };
}
