// The joints between modules. Each module declares, in one `defineModule(...)` in its index.ts, what
// it adds to the platform: its runtime (settings read from the environment, gateways, sandboxes),
// its HTTP routes, the events it subscribes to, its background jobs, the hooks it fills in for
// earlier modules, and its demo data. `src/modules.ts` lists the modules in order; the app, the job
// runner and the demo seeder iterate that list and nothing else.
import type { FastifyBaseLogger, FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Config, Env } from './config.ts';
import type { Db } from './db.ts';
import type { OutboxHandler } from './outbox.ts';

/**
 * A place where an earlier module lets a later one decide something, without importing it (imports
 * run one way). The earlier module declares the point and calls it through `ctx.hooks`; the later
 * module fills it in with `provide(point, impl)` in its manifest.
 */
export interface HookPoint<F> {
  readonly name: string;
  /** Carries the implementation's type only. */
  readonly impl?: F;
}

export const hookPoint = <F>(name: string): HookPoint<F> => ({ name });

export interface HookBinding {
  point: HookPoint<unknown>;
  impl: unknown;
}

export const provide = <F>(point: HookPoint<F>, impl: F): HookBinding => ({ point, impl });

export interface Hooks {
  /** The implementation a later module provided, or undefined when none did. */
  get<F>(point: HookPoint<F>): F | undefined;
}

export const noHooks: Hooks = { get: () => undefined };

/** What a module's runtime, routes, subscriptions and jobs are given. */
export interface ModuleContext {
  db: Db;
  config: Config;
  /** The environment the platform started with (read once, in platform/config.ts). */
  env: Env;
  log: FastifyBaseLogger;
  hooks: Hooks;
  /** The runtime of a module (started in module order, so an earlier module's is always there). */
  runtime<R>(module: TaladModule<R>): R;
  /** Requests to this same app, in process (the sandboxes answer the platform through it). */
  inject(opts: InjectOptions | string): Promise<LightMyRequestResponse>;
}

/** A subscription of a module to a topic of the event catalogue (src/events.ts). */
export interface Subscription {
  topic: string;
  handler: OutboxHandler;
}

/** A background task; `start` returns how to stop it. */
export interface Job {
  name: string;
  /**
   * 'worker' (the default): run by `talad start`'s job runner. 'app': run by every built app while it
   * is open, tests included (the payments sandbox's tick, which stands in for a gateway living there).
   */
  scope?: 'worker' | 'app';
  start(ctx: ModuleContext): () => void;
}

export interface TaladModule<R = undefined> {
  name: string;
  /** Built once per app, before any routes: settings, gateways, sandboxes. */
  runtime?: (ctx: ModuleContext) => R;
  /** Registers the module's routes under /api. */
  routes?: (app: FastifyInstance, ctx: ModuleContext) => PromiseLike<unknown> | undefined;
  /** Routes outside /api, for a standard that fixes its own paths and errors (tourism's OCTO API at /octo). */
  publicRoutes?: (app: FastifyInstance, ctx: ModuleContext) => PromiseLike<unknown> | undefined;
  subscriptions?: (ctx: ModuleContext) => Subscription[];
  jobs?: Job[];
  /** The hooks of earlier modules this one fills in (built after every runtime has started). */
  hooks?: (ctx: ModuleContext) => HookBinding[];
  /** Adds the module's demo data (after the modules before it have added theirs). */
  seedDemo?: (ctx: ModuleContext) => Promise<void>;
}

export const defineModule = <R = undefined>(module: TaladModule<R>): TaladModule<R> => module;

/** The modules of one running app, their runtimes, hooks and subscriptions. */
export interface Platform extends ModuleContext {
  modules: readonly TaladModule<unknown>[];
  /** Every module's outbox handlers by topic, in module order. */
  handlers: Map<string, OutboxHandler[]>;
}

export function createPlatform(opts: {
  modules: readonly TaladModule<unknown>[];
  db: Db;
  config: Config;
  env: Env;
  log: FastifyBaseLogger;
  inject: ModuleContext['inject'];
}): Platform {
  const names = new Set<string>();
  for (const m of opts.modules) {
    if (names.has(m.name)) throw new Error(`module ${m.name} is listed twice`);
    names.add(m.name);
  }
  const bindings = new Map<string, unknown>();
  const runtimes = new Map<TaladModule<unknown>, unknown>();
  const platform: Platform = {
    modules: opts.modules,
    db: opts.db,
    config: opts.config,
    env: opts.env,
    log: opts.log,
    inject: opts.inject,
    hooks: { get: <F>(point: HookPoint<F>) => bindings.get(point.name) as F | undefined },
    runtime<R>(module: TaladModule<R>): R {
      if (!runtimes.has(module as TaladModule<unknown>)) {
        if (!opts.modules.includes(module as TaladModule<unknown>)) {
          throw new Error(`module ${module.name} is not part of this platform`);
        }
        throw new Error(`module ${module.name} has no runtime yet (asked for before it started)`);
      }
      return runtimes.get(module as TaladModule<unknown>) as R;
    },
    handlers: new Map(),
  };
  for (const m of opts.modules) runtimes.set(m, m.runtime ? m.runtime(platform) : undefined);
  for (const m of opts.modules) {
    for (const b of m.hooks?.(platform) ?? []) {
      if (bindings.has(b.point.name)) throw new Error(`hook ${b.point.name} is provided twice (again by ${m.name})`);
      bindings.set(b.point.name, b.impl);
    }
  }
  for (const m of opts.modules) {
    for (const s of m.subscriptions?.(platform) ?? []) {
      platform.handlers.set(s.topic, [...(platform.handlers.get(s.topic) ?? []), s.handler]);
    }
  }
  return platform;
}

/** Starts every module's jobs of one scope, in module order; the returned function stops them all. */
export function startJobs(platform: Platform, scope: 'worker' | 'app' = 'worker'): () => void {
  const stops = platform.modules.flatMap((m) =>
    (m.jobs ?? []).filter((job) => (job.scope ?? 'worker') === scope).map((job) => job.start(platform)),
  );
  return () => {
    for (const stop of stops) stop();
  };
}

/** Every module's demo data, in module order. */
export async function seedModules(platform: Platform): Promise<void> {
  for (const m of platform.modules) await m.seedDemo?.(platform);
}
