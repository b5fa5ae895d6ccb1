// Finds the page for a path, checks who may see it, and loads its data: the same steps on the
// server (before rendering HTML) and in the browser (on each client-side navigation).
import type { Locale } from '../ssr-contract.ts';
import { ApiError, type Api } from './api.ts';
import { localePath } from './locale.ts';
import { compileRoutes, NotFound, Redirect, type Me, type PageModule, type Route } from './router.ts';
import type { PageState } from './state.ts';
import { routes, specialPages } from '../routes.ts';

export type Viewer = 'guest' | 'user' | 'operator';
export const viewerOf = (me: Me | null): Viewer =>
  !me ? 'guest' : me.roles.includes('operator') ? 'operator' : 'user';

const match = compileRoutes(routes);
const moduleCache = new Map<string, PageModule>();

export async function resolveModule(route: Pick<Route, 'name' | 'module'>): Promise<PageModule> {
  let mod = moduleCache.get(route.name);
  if (!mod) {
    mod = await route.module();
    moduleCache.set(route.name, mod);
  }
  return mod;
}

export const cachedModule = (name: string): PageModule | undefined => moduleCache.get(name) ?? specialPages[name];

export interface LoadedPage {
  state: PageState;
  module: PageModule;
  redirect?: string;
  chunk?: string;
}

export const signInPath = (locale: Locale, path: string, search: string) =>
  `${localePath(locale, '/signin')}?next=${encodeURIComponent(localePath(locale, path) + search)}`;

export async function loadPage(input: {
  path: string;
  search: string;
  locale: Locale;
  api: Api;
  me: Me | null;
  viewer: Viewer;
}): Promise<LoadedPage> {
  const { path, search, locale, api, me, viewer } = input;
  const base = { params: {}, path, search, locale, me, data: null };
  const special = (route: '_not_found' | '_forbidden' | '_error', status: number): LoadedPage => ({
    state: { ...base, route, status },
    module: specialPages[route],
  });

  const found = match(path);
  if (!found) return special('_not_found', 404);
  const module = await resolveModule(found.route);
  const chunk = found.route.chunk;
  if (module.access && viewer === 'guest')
    return { ...special('_forbidden', 401), redirect: signInPath(locale, path, search) };
  if (module.access === 'operator' && viewer !== 'operator') return { ...special('_forbidden', 403), chunk };
  try {
    const data = module.load
      ? await module.load({ params: found.params, query: new URLSearchParams(search), locale, api, me })
      : null;
    return { state: { ...base, route: found.route.name, params: found.params, data, status: 200 }, module, chunk };
  } catch (err) {
    if (err instanceof Redirect) return { ...special('_not_found', 302), redirect: err.to };
    if (err instanceof NotFound) return special('_not_found', 404);
    if (err instanceof ApiError) {
      if (err.status === 404) return special('_not_found', 404);
      if (err.status === 401) return { ...special('_forbidden', 401), redirect: signInPath(locale, path, search) };
      if (err.status === 403) return special('_forbidden', 403);
    }
    if (typeof console !== 'undefined') console.error(err);
    return special('_error', 500);
  }
}
