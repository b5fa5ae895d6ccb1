// A small router: a table of paths, each with a page module that loads its data through the API
// and renders it. The server uses it to render HTML; the browser uses it to hydrate and navigate.
import type { ComponentType } from 'react';
import type { Locale } from '../ssr-contract.ts';
import type { Api } from './api.ts';
import type { Translate } from './i18n.ts';

export interface Membership {
  sellerId: string;
  slug: string;
  role: 'owner' | 'staff';
  status: 'pending' | 'approved' | 'rejected' | 'suspended';
  shopName: { th: string; zh: string | null; en: string | null };
}
/** GET /api/me: the signed-in user, roles and shops. */
export interface Me {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  locale: string;
  roles: string[];
  sellers: Membership[];
}

export interface LoadContext {
  params: Record<string, string>;
  query: URLSearchParams;
  locale: Locale;
  api: Api;
  me: Me | null;
}

export interface Head {
  title: string;
  description?: string;
  /** schema.org data (e.g. a Product) put into the page as JSON-LD. */
  jsonLd?: object;
  /** Pages behind a sign-in are kept out of search engines. */
  noindex?: boolean;
  /** The query kept in the canonical URL (e.g. a listing's page number), without "?". */
  canonicalQuery?: string;
  /** The web app manifest of an installable part of the site (the academy). */
  manifest?: string;
}

export interface PageProps<D> {
  data: D;
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface PageModule<D = any> {
  /** Who may open the page; the server enforces it before rendering anything. */
  access?: 'user' | 'operator';
  load?: (ctx: LoadContext) => Promise<D>;
  head: (data: D, ctx: { t: Translate; locale: Locale; params: Record<string, string> }) => Head;
  Page: ComponentType<PageProps<D>>;
}

export interface Route {
  name: string;
  path: string;
  /** Vite manifest key of the lazy chunk holding the page, when it is not in the main bundle. */
  chunk?: string;
  module: () => PageModule | Promise<PageModule>;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  keys: string[];
}

export class Redirect {
  constructor(readonly to: string) {}
}
export class NotFound {}

export function compileRoutes(
  routes: Route[],
): (path: string) => { route: CompiledRoute; params: Record<string, string> } | null {
  const compiled: CompiledRoute[] = routes.map((r) => {
    const keys: string[] = [];
    const source = r.path.replace(/\/:(\w+)/g, (_, k: string) => {
      keys.push(k);
      return '/([^/]+)';
    });
    return { ...r, keys, regex: new RegExp(`^${source}/?$`) };
  });
  return (path) => {
    for (const route of compiled) {
      const m = route.regex.exec(path);
      if (m) {
        const params: Record<string, string> = {};
        route.keys.forEach((k, i) => {
          params[k] = decodeURIComponent(m[i + 1]);
        });
        return { route, params };
      }
    }
    return null;
  };
}
