// Builds the Fastify app from the modules: foundations first, then each module's routes under /api.
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { sql } from 'drizzle-orm';
import type { Config } from './platform/config.ts';
import type { Db } from './platform/db.ts';
import { registerErrorHandling } from './platform/http.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import { resolveActor } from './modules/identity/service.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { sellerRoutes } from './modules/sellers/routes.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { inventoryRoutes } from './modules/inventory/routes.ts';
import { cartRoutes } from './modules/cart/routes.ts';
import { orderRoutes } from './modules/orders/routes.ts';
import { paymentRoutes } from './modules/payments/routes.ts';
import { ledgerRoutes } from './modules/ledger/routes.ts';
import { documentRoutes } from './modules/documents/routes.ts';
import { crossborderRoutes } from './modules/crossborder/routes.ts';
import { customsRoutes } from './modules/customs/routes.ts';
import { shippingRoutes } from './modules/shipping/routes.ts';
import { hubRoutes } from './modules/hub/routes.ts';
import { webApp } from './web/plugin.ts';

export interface AppOptions {
  db: Db;
  config: Config;
  logger?: boolean | object;
}

export async function buildApp({ db, config, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', useDefaults: true, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('db', db);
  app.decorate('config', config);
  registerErrorHandling(app);

  registerSecurityHeaders(app);
  // CORS is closed unless CORS_ORIGINS names the origins allowed to call the API from a browser.
  if (config.corsOrigins.length) await app.register(cors, { origin: config.corsOrigins, credentials: true });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Talad API',
        version: '0.1.0',
        description: 'ตลาด — the open e-commerce platform for Thai small producers',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'talad_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.decorateRequest('actor', null as any);
  app.addHook('onRequest', async (request) => {
    request.actor = await resolveActor(db, request.cookies ?? {}, request.headers.authorization);
  });

  await app.register(
    async (api) => {
      api.get('/health', { schema: { tags: ['platform'] } }, async () => {
        await db.execute(sql`select 1`);
        return { status: 'ok' };
      });
      await api.register(identityRoutes);
      await api.register(sellerRoutes);
      await api.register(catalogRoutes);
      await api.register(searchRoutes);
      await api.register(inventoryRoutes);
      await api.register(cartRoutes);
      await api.register(orderRoutes);
      await api.register(paymentRoutes);
      await api.register(ledgerRoutes);
      await api.register(documentRoutes);
      await api.register(crossborderRoutes);
      await api.register(customsRoutes);
      await api.register(hubRoutes);
      await api.register(shippingRoutes);
    },
    { prefix: '/api' },
  );
  // The web app: storefront pages rendered on the server, seller centre, operator console.
  await app.register(webApp);

  return app;
}
