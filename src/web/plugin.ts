// Serves the web app from the same server as the API: the built assets, the Thai address lists
// of the checkout form, the language switch, and every page rendered on the server.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { gzipSync } from 'node:zlib';
import type { ApiCall, Locale } from '../../web/src/ssr-contract.ts';
import { clientDir, loadWebBuild, WebBuildMissing, type WebBuild } from './build-output.ts';
import { notBuiltDocument, pageDocument } from './document.ts';
import { thaiAddressIndex } from './thai-address.ts';
import { GUEST_COOKIE, SESSION_COOKIE } from '../modules/identity/index.ts';
import { notFound } from '../platform/errors.ts';
import { negotiateLocale } from '../platform/i18n.ts';
import { cspNonce, pageContentSecurityPolicy } from '../platform/security-headers.ts';

export const LANGUAGE_COOKIE = 'talad_lang';
const LOCALES: Locale[] = ['th', 'zh', 'en'];

function splitLocale(pathname: string): { locale: Locale; path: string; explicit: boolean } {
  const m = /^\/(zh|en)(\/.*)?$/.exec(pathname);
  return m
    ? { locale: m[1] as Locale, path: m[2] || '/', explicit: true }
    : { locale: 'th', path: pathname || '/', explicit: false };
}
const localePath = (locale: Locale, path: string) =>
  locale === 'th' ? path : path === '/' ? `/${locale}` : `/${locale}${path}`;
/** Only a path on this site: a ?next= can never send a visitor to another one. */
const safeLocalPath = (next: unknown, fallback = '/') =>
  typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : fallback;

/** A rendered page, written out per response with that response's CSP nonce. */
interface RenderedPage {
  status: number;
  document: (nonce: string) => string;
}

const renderedPage = (status: number, document: (nonce: string) => string): RenderedPage => ({ status, document });

function sendHtml(request: FastifyRequest, reply: FastifyReply, page: RenderedPage) {
  const nonce = cspNonce();
  const html = page.document(nonce);
  reply
    .code(page.status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', pageContentSecurityPolicy(nonce))
    .header('cache-control', 'no-cache')
    .header('vary', 'Cookie, Accept-Encoding');
  if (html.length > 1024 && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')))
    return reply.header('content-encoding', 'gzip').send(gzipSync(html, { level: 4 }));
  return reply.send(html);
}

/**
 * Pages as anonymous visitors get them are the same for all of them for a few seconds: a busy
 * storefront (a flash sale) renders each once per PAGE_CACHE_MS instead of once per visitor.
 * Stock shown may lag by that much; checkout re-checks it. Anyone with a session or a cart
 * cookie gets a fresh render.
 */
const PAGE_CACHE_MS = 3000;
const PAGE_CACHE_ENTRIES = 1000;
class AnonymousPageCache {
  private entries = new Map<string, { page: RenderedPage; until: number }>();
  get(url: string): RenderedPage | null {
    const hit = this.entries.get(url);
    if (!hit) return null;
    if (hit.until < Date.now()) {
      this.entries.delete(url);
      return null;
    }
    return hit.page;
  }
  set(url: string, page: RenderedPage): void {
    if (this.entries.size >= PAGE_CACHE_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(url, { page, until: Date.now() + PAGE_CACHE_MS });
  }
}

/** Gzipped JSON answers that never change while the server runs. */
function cachedJson() {
  const cache = new Map<string, { plain: string; gzip: Buffer }>();
  return (request: FastifyRequest, reply: FastifyReply, key: string, make: () => unknown) => {
    let entry = cache.get(key);
    if (!entry) {
      const plain = JSON.stringify(make());
      entry = { plain, gzip: gzipSync(plain) };
      cache.set(key, entry);
    }
    reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .header('vary', 'Accept-Encoding');
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')))
      return reply.header('content-encoding', 'gzip').send(entry.gzip);
    return reply.send(entry.plain);
  };
}

/**
 * A path that tries to leave its folder: a `..` segment, a backslash, a NUL or an empty segment, written plainly or
 * percent-encoded once or twice. No built file is named so; it gets the plain 404 of any unknown
 * asset (the static server would answer some of them 403, others 404).
 */
export function stepsOutOfFolder(url: string): boolean {
  let path = url.split('?')[0];
  for (let i = 0; i < 2 && /%[0-9a-f]{2}/i.test(path); i++) {
    try {
      path = decodeURIComponent(path);
    } catch {
      return true;
    }
  }
  return /(?:^|[/\\])\.\.(?:[/\\]|$)|\\|\0|\/\//.test(path);
}

export async function webApp(app: FastifyInstance): Promise<void> {
  let build: WebBuild | null = null;
  try {
    build = await loadWebBuild();
  } catch (err) {
    if (!(err instanceof WebBuildMissing)) throw err;
    app.log.warn(err.message);
  }

  if (build) {
    await app.register(async (assets) => {
      assets.addHook('onRequest', async (request) => {
        if (stepsOutOfFolder(request.url)) throw notFound('asset');
      });
      await assets.register(fastifyStatic, {
        root: clientDir,
        prefix: '/assets/',
        preCompressed: true,
        immutable: true,
        maxAge: '365d',
        index: false,
        decorateReply: false,
      });
    });
  }

  const sendJson = cachedJson();
  app.get<{ Params: { file: string } }>('/web/address/provinces/:file', (request, reply) => {
    const code = /^(\d{2})\.json$/.exec(request.params.file)?.[1];
    const districts = code ? thaiAddressIndex().byProvince.get(code) : undefined;
    if (!districts) return reply.callNotFound();
    return sendJson(request, reply, `p${code}`, () => districts);
  });
  app.get<{ Params: { file: string } }>('/web/address/postcodes/:file', (request, reply) => {
    const postcode = /^(\d{5})\.json$/.exec(request.params.file)?.[1];
    if (!postcode) return reply.callNotFound();
    return sendJson(request, reply, `z${postcode}`, () => thaiAddressIndex().byPostcode.get(postcode) ?? []);
  });

  // The language switch: remembered in a cookie, so unprefixed (Thai) URLs send the visitor on to theirs.
  app.get<{ Params: { locale: string }; Querystring: { next?: string } }>('/lang/:locale', (request, reply) => {
    const locale = request.params.locale as Locale;
    if (!LOCALES.includes(locale)) return reply.callNotFound();
    const next = new URL(safeLocalPath(request.query.next), 'http://localhost');
    const { path } = splitLocale(next.pathname);
    reply.setCookie(LANGUAGE_COOKIE, locale, {
      path: '/',
      maxAge: 365 * 24 * 3600,
      sameSite: 'lax',
      httpOnly: false,
      secure: app.config.secureCookies,
    });
    return reply.redirect(localePath(locale, path) + next.search, 303);
  });

  // Add to cart without JavaScript: the product page's form posts here.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
  app.post<{ Body: Record<string, string> }>('/cart/add', async (request, reply) => {
    const { variantId, quantity, next } = request.body ?? {};
    const res = await app.inject({
      method: 'POST',
      url: '/api/cart/items',
      headers: {
        cookie: request.headers.cookie ?? '',
        'content-type': 'application/json',
        'accept-language': splitLocale(safeLocalPath(next)).locale,
      },
      payload: JSON.stringify({ variantId, quantity: Number(quantity) || 1 }),
    });
    const setCookie = res.headers['set-cookie'];
    if (setCookie) reply.header('set-cookie', setCookie);
    return reply.redirect(safeLocalPath(next, '/cart'), 303);
  });

  const pageCache = new AnonymousPageCache();
  const rendering = new Map<string, Promise<RenderedPage | null>>();
  app.get('/*', async (request, reply) => {
    const url = new URL(request.url, 'http://localhost');
    if (/^\/(api|docs|assets|web)(\/|$)/.test(url.pathname)) return reply.callNotFound();
    if (!build)
      return sendHtml(
        request,
        reply,
        renderedPage(503, () => notBuiltDocument),
      );
    const { locale, path, explicit } = splitLocale(url.pathname);
    const remembered = request.cookies?.[LANGUAGE_COOKIE] as Locale | undefined;
    if (!explicit && remembered && remembered !== 'th' && LOCALES.includes(remembered)) {
      return reply.header('vary', 'Cookie').redirect(localePath(remembered, path) + url.search, 302);
    }
    // The pages for buyers in China are Chinese first: without a language chosen, /cn/... opens in Chinese.
    if (!explicit && !remembered && /^\/cn(\/|$)/.test(path)) {
      return reply.header('vary', 'Cookie').redirect(localePath('zh', path) + url.search, 302);
    }
    // A pack's QR code opens its trace page in the scanning phone's language (a Chinese buyer's in Chinese).
    if (!explicit && !remembered && /^\/trace\//.test(path)) {
      const wanted = negotiateLocale(request.headers['accept-language']);
      if (wanted !== 'th')
        return reply.header('vary', 'Cookie, Accept-Language').redirect(localePath(wanted, path) + url.search, 302);
    }
    const actor = request.actor;
    const viewer = actor?.kind === 'user' ? (actor.isOperator ? 'operator' : 'user') : 'guest';
    const anonymous = !request.cookies?.[SESSION_COOKIE] && !request.cookies?.[GUEST_COOKIE];
    const cached = anonymous ? pageCache.get(request.url) : null;
    if (cached) return sendHtml(request, reply, cached);
    // Anonymous visitors asking for the same page at once share one render.
    const pending = anonymous ? rendering.get(request.url) : undefined;
    if (pending) {
      const page = await pending;
      if (page) return sendHtml(request, reply, page);
    }
    let settle: (page: RenderedPage | null) => void = () => {};
    if (anonymous)
      rendering.set(
        request.url,
        new Promise((resolve) => {
          settle = resolve;
        }),
      );
    try {
      const cookie = request.headers.cookie ?? '';
      const api: ApiCall = async (method, apiPath, body, headers = {}) => {
        const res = await app.inject({
          method: method as 'GET',
          url: `/api${apiPath}`,
          headers: {
            cookie,
            'accept-language': locale,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          payload: body === undefined ? undefined : JSON.stringify(body),
        });
        let parsed: unknown = null;
        try {
          parsed = res.body ? JSON.parse(res.body) : null;
        } catch {
          parsed = null;
        }
        return { status: res.statusCode, body: parsed };
      };
      const result = await build.render({
        path,
        search: url.search,
        locale,
        api,
        origin: `${request.protocol}://${request.host}`,
        viewer,
      });
      if (result.redirect) return reply.redirect(result.redirect, 302);
      const assetTags = build.assetTags(result.chunks);
      const entryScript = build.entryScript;
      const page = renderedPage(result.status, (nonce) => pageDocument(locale, result, assetTags, entryScript, nonce));
      if (anonymous && result.status === 200) {
        pageCache.set(request.url, page);
        settle(page);
      }
      return sendHtml(request, reply, page);
    } finally {
      settle(null);
      if (anonymous) rendering.delete(request.url);
    }
  });
}
