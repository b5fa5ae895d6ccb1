// In a real browser: what a seller types can never run as script. A shop name, a product's title
// and description and an operator's rejection reason carry stored-XSS payloads; every page that
// shows them shows them as text, and no script or inline handler runs. The pages' Content-Security-
// Policy is enforced (a fresh nonce per response, inline scripts without it refused) and does not
// get in the app's way: pages hydrate with no violation.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryIdBySlug, productOnSale } from '../../src/modules/catalog/testing.ts';
import { operatorSession } from '../../src/modules/identity/testing.ts';
import { pendingSeller } from '../../src/modules/sellers/testing.ts';
import { launchBrowser, PHONE } from './browser.ts';
import { hydrated } from './flows.ts';
import { type MarketApp, startMarketApp } from './market-app.ts';

const PAYLOAD = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2"><svg onload="window.__xss=3"></svg>"'><a href="javascript:window.__xss=4">x</a>`;

/** The part that fits a shop name (at most 100 characters). */
const SHORT = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';

let m: MarketApp;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  m = await startMarketApp();
});
afterAll(async () => {
  await browser?.close();
  await m?.close();
});

/** A context that records every CSP violation and every dialog, signed in with `cookie` if given. */
async function watchedContext(cookie?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'th-TH', isMobile: true });
  await context.addInitScript(() => {
    const g = globalThis as unknown as {
      __csp: string[];
      addEventListener: (t: string, f: (e: never) => void) => void;
    };
    g.__csp = [];
    g.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) => {
      g.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (cookie)
    await context.addCookies(
      cookie.split(/;\s*/).map((pair) => {
        const [name, ...value] = pair.split('=');
        return { name, value: value.join('='), url: m.baseUrl };
      }),
    );
  return context;
}

interface Seen {
  xss: unknown;
  csp: string[];
  handlers: string[];
  text: string;
}

async function visit(page: Page, path: string): Promise<Seen> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const res = await page.goto(`${m.baseUrl}${path}`);
  expect(res?.status(), path).toBe(200);
  await hydrated(page);
  const seen = await page.evaluate(() => {
    const g = globalThis as unknown as { __xss: unknown; __csp: string[]; document: any };
    const handlers: string[] = [];
    for (const el of g.document.querySelectorAll('*'))
      for (const attr of el.attributes)
        if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value)) handlers.push(`${el.tagName} ${attr.name}`);
    return { xss: g.__xss, csp: g.__csp, handlers, text: g.document.body.textContent as string };
  });
  expect(dialogs, `${path}: a dialog opened`).toEqual([]);
  return seen;
}

describe('seller-entered text in the browser', () => {
  it('shows stored-XSS payloads as text on every page and runs none of them', async () => {
    const { app } = m;
    const evil = await pendingSeller(app, {
      application: {
        shopName: { th: `ร้าน ${SHORT}`, zh: `店 ${SHORT}`, en: `Shop ${SHORT}` },
        legalName: { th: `นิติบุคคล ${SHORT}`, en: 'Test Co' },
      },
    });
    const operator = await operatorSession(app);
    const review = await app.inject({
      method: 'GET',
      url: `/api/sellers/${evil.sellerId}/review`,
      headers: { cookie: operator.cookie },
    });
    const keys = (review.json().warnings as { key: string; needsAcknowledgement?: boolean }[]).map((w) => w.key);
    expect(
      keys.some((k) => k.startsWith('name_markup:')),
      'the review flags the markup',
    ).toBe(true);
    const approved = await app.inject({
      method: 'POST',
      url: `/api/sellers/${evil.sellerId}/approve`,
      headers: { cookie: operator.cookie },
      payload: { acknowledgedWarnings: keys },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const product = await productOnSale(app, evil, await categoryIdBySlug(app.db, 'durian'), {
      title: { th: `ทุเรียน ${PAYLOAD}`, zh: `榴莲 ${PAYLOAD}`, en: `Durian ${PAYLOAD}` },
      description: { th: `รายละเอียด ${PAYLOAD}`, zh: `说明 ${PAYLOAD}`, en: `About ${PAYLOAD}` },
    });

    const refused = await pendingSeller(app);
    const rejected = await app.inject({
      method: 'POST',
      url: `/api/sellers/${refused.sellerId}/reject`,
      headers: { cookie: operator.cookie },
      payload: { reason: `เอกสารไม่ครบ ${PAYLOAD}` },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);

    const visits: { cookie?: string; paths: string[] }[] = [
      {
        paths: [`/p/${product.productId}`, `/zh/p/${product.productId}`, `/en/shop/${evil.slug}`, `/shop/${evil.slug}`],
      },
      { cookie: evil.cookie, paths: ['/seller', `/seller/${evil.sellerId}/products`] },
      { cookie: refused.cookie, paths: ['/seller'] },
      { cookie: operator.cookie, paths: ['/ops/sellers', '/ops/applications'] },
    ];
    let shown = 0;
    for (const { cookie, paths } of visits) {
      const context = await watchedContext(cookie);
      const page = await context.newPage();
      for (const path of paths) {
        const seen = await visit(page, path);
        expect(seen.xss, `${path}: a payload ran`).toBeUndefined();
        expect(seen.handlers, `${path}: inline handlers in the page`).toEqual([]);
        expect(seen.csp, `${path}: CSP violations`).toEqual([]);
        if (seen.text.includes('<script>window.__xss=1</script>')) shown++;
      }
      await context.close();
    }
    // Every page above shows at least one of the texts, literally, except the operator's lists,
    // which may show only the approved shop's name (which also carries it).
    expect(shown).toBeGreaterThanOrEqual(7);
  });
});

describe('the pages’ Content-Security-Policy', () => {
  it('gives each response its own nonce, carried by the page’s scripts', async () => {
    const a = await fetch(`${m.baseUrl}/`);
    const b = await fetch(`${m.baseUrl}/`);
    const policy = a.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce, policy).toBeTruthy();
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("script-src-attr 'none'");
    expect(b.headers.get('content-security-policy')).not.toContain(nonce);
    const html = await a.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((s) => s[0]);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const tag of scripts.filter((t) => !t.includes('application/ld+json')))
      expect(tag).toContain(`nonce="${nonce}"`);
  });

  it('refuses an inline script or handler that gets into a page without the nonce', async () => {
    const context = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${m.baseUrl}/`);
    await hydrated(page);
    const after = await page.evaluate(async () => {
      const g = globalThis as unknown as { __csp: string[]; __inj?: number; document: any };
      const script = g.document.createElement('script');
      script.textContent = 'window.__inj = 1';
      g.document.body.append(script);
      const button = g.document.createElement('button');
      button.setAttribute('onclick', 'window.__inj = 2');
      g.document.body.append(button);
      button.click();
      await new Promise((r) => setTimeout(r, 100));
      return { injected: g.__inj, violations: g.__csp };
    });
    expect(after.injected).toBeUndefined();
    expect(after.violations.length).toBeGreaterThanOrEqual(2);
    expect(after.violations.join(' ')).toMatch(/script-src/);
    await context.close();
  });
});
