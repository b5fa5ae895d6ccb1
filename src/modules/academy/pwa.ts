// The academy as an installable app: its web app manifest (one per language, each scoped to that
// language's /academy pages) and its service worker. The worker is a file served from this site,
// so the pages' Content-Security-Policy ('self') admits it; it runs no inline code. It keeps the
// copies a downloaded course asks for and answers from them when the network is gone: pages and the
// academy's API network-first (a fresh copy replaces the kept one), the hashed build assets
// cache-first. Nothing else of the site is touched.
import type { Locale } from '../../platform/i18n.ts';

const NAME = { th: 'สถาบันตลาด', zh: 'Talad 学院', en: 'Talad Academy' };
const SHORT = { th: 'สถาบันตลาด', zh: 'Talad 学院', en: 'Academy' };
const DESCRIPTION = {
  th: 'เรียนขายออนไลน์ อ่านบทเรียนและทำแบบทดสอบได้แม้ไม่มีอินเทอร์เน็ต',
  zh: '学习网上销售，离线也能阅读课程和参加测验',
  en: 'Learn to sell online; read lessons and take quizzes even offline',
};

export const academyScope = (locale: Locale) => (locale === 'th' ? '/academy/' : `/${locale}/academy/`);

export function webAppManifest(locale: Locale) {
  const scope = academyScope(locale);
  return {
    name: NAME[locale],
    short_name: SHORT[locale],
    description: DESCRIPTION[locale],
    lang: locale === 'zh' ? 'zh-Hans' : locale,
    id: scope,
    start_url: scope,
    scope,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b6e3f',
    icons: [{ src: '/api/academy/img/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
}

/** Bumped when the worker's caching changes, so old copies are dropped. */
const CACHE = 'talad-academy-v1';

export const serviceWorkerScript = `// Talad Academy's service worker (served by src/modules/academy/pwa.ts).
const CACHE = ${JSON.stringify(CACHE)};
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('talad-academy-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
// A page asks the worker to keep a downloaded course's copies; it answers with the bytes kept.
self.addEventListener('message', (event) => {
  const msg = event.data || {};
  const port = event.ports && event.ports[0];
  if (msg.type !== 'keep') return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      let bytes = 0;
      const failed = [];
      for (const url of msg.urls || []) {
        try {
          const res = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
          if (!res.ok) throw new Error(String(res.status));
          bytes += (await res.clone().arrayBuffer()).byteLength;
          await cache.put(url, res);
        } catch (err) {
          failed.push(url);
        }
      }
      if (port) port.postMessage({ bytes, failed });
    })(),
  );
});
const isAsset = (url) => url.pathname.startsWith('/assets/');
const isAcademy = (url) =>
  /^\\/(zh\\/|en\\/)?academy(\\/|$)/.test(url.pathname) || url.pathname.startsWith('/api/academy/');
self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (isAsset(url)) {
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ||
          fetch(req).then((res) => {
            if (res.ok) caches.open(CACHE).then((c) => c.put(req, res.clone()));
            return res;
          }),
      ),
    );
    return;
  }
  if (!isAcademy(url)) return;
  const key = url.pathname + url.search;
  event.respondWith(
    fetch(req)
      .then(async (res) => {
        const cache = await caches.open(CACHE);
        if (res.ok && (await cache.match(key))) await cache.put(key, res.clone());
        return res;
      })
      .catch(async () => {
        const hit = await caches.match(key);
        if (hit) return hit;
        if (req.mode === 'navigate') {
          const lang = /^\\/(zh|en)\\//.exec(url.pathname);
          const home = await caches.match(lang ? '/' + lang[1] + '/academy' : '/academy');
          if (home) return home;
        }
        return Response.error();
      }),
  );
});
`;
