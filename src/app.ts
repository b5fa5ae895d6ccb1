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
import { frameworkErrors, registerErrorHandling } from './platform/http.ts';
import { registerRequestGuards, registerSecurityHeaders } from './platform/security-headers.ts';
import { modules as allModules } from './modules.ts';
import { resolveActor } from './modules/identity/index.ts';
import { createPlatform, startJobs, type Platform, type TaladModule } from './platform/module.ts';
import { type Env, readEnv } from './platform/config.ts';
import { webApp } from './web/plugin.ts';

export interface AppOptions {
  db: Db;
  config: Config;
  logger?: boolean | object;
  /** The environment module settings are read from (default: the process's). */
  env?: Env;
  /** The modules to serve (default: all of src/modules.ts). */
  modules?: readonly TaladModule<unknown>[];
}

export async function buildApp({ db, config, logger, env, modules }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    frameworkErrors,
    // Slow and idle sockets do not hold the server: a request must arrive whole within 30 s, its
    // headers within 10 s, and an idle keep-alive socket closes after 5 s.
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    connectionTimeout: 60_000,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', useDefaults: true, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // The route table, as Fastify registers it: the tenant matrix and the fuzzer walk it, so a new
  // module's routes are covered without being listed anywhere.
  const routeTable: { method: string; url: string; consumes?: readonly string[] }[] = [];
  app.addHook('onRoute', (route) => {
    const consumes = (route.schema as { consumes?: readonly string[] } | undefined)?.consumes;
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, ...(consumes ? { consumes } : {}) });
  });
  app.decorate('routeTable', routeTable);
  app.server.headersTimeout = 10_000;
  app.decorate('db', db);
  app.decorate('config', config);
  const platform: Platform = createPlatform({
    modules: modules ?? allModules,
    db,
    config,
    env: env ?? readEnv(),
    log: app.log,
    inject: (opts) => app.inject(opts),
  });
  app.decorate('platform', platform);
  // Jobs of every app (the payments sandbox's tick) run while it is open.
  let stopAppJobs = () => {};
  app.addHook('onReady', async () => {
    stopAppJobs = startJobs(platform, 'app');
  });
  app.addHook('onClose', async () => stopAppJobs());
  registerErrorHandling(app);

  registerSecurityHeaders(app);
  registerRequestGuards(app);
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
      for (const m of platform.modules) await m.routes?.(api, platform);
    },
    { prefix: '/api' },
  );
  for (const m of platform.modules) await m.publicRoutes?.(app, platform);
  // The web app: storefront pages rendered on the server, seller centre, operator console.
  await app.register(webApp);

  return app;
}
