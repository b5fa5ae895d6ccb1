// The app shell: holds the current page's state, renders it inside the layout, and turns link
// clicks and back/forward into client-side navigations once the page has hydrated.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Locale } from '../ssr-contract.ts';
import { createApi, browserApiCall, type Api } from './api.ts';
import { AppContext, type AppContextValue } from './context.tsx';
import { translator } from './i18n.ts';
import { cachedModule, loadPage, viewerOf } from './load-page.ts';
import { localePath, splitLocale } from './locale.ts';
import type { Me, PageModule } from './router.ts';
import type { PageState } from './state.ts';
import { Layout } from '../components/Layout.tsx';

interface Props {
  initial: PageState;
  module: PageModule;
  api?: Api;
}

export function App({ initial, module, api: givenApi }: Props) {
  const [page, setPage] = useState({ state: initial, module });
  const [me, setMe] = useState<Me | null>(initial.me);
  const [busy, setBusy] = useState(false);
  const [cartCount, setCartCount] = useState<number | null>(null);
  const locale: Locale = initial.locale;
  const api = useMemo(() => givenApi ?? createApi(browserApiCall(locale)), [givenApi, locale]);
  const t = useMemo(() => translator(locale), [locale]);
  const meRef = useRef(me);
  meRef.current = me;
  const navSeq = useRef(0);

  const go = useCallback(
    async (to: string, opts: { replace?: boolean; push?: boolean } = {}) => {
      const url = new URL(to, window.location.href);
      const { locale: target, path } = splitLocale(url.pathname);
      if (url.origin !== window.location.origin || target !== locale) {
        window.location.assign(url.href);
        return;
      }
      const seq = ++navSeq.current;
      setBusy(true);
      try {
        const loaded = await loadPage({
          path,
          search: url.search,
          locale,
          api,
          me: meRef.current,
          viewer: viewerOf(meRef.current),
        });
        if (seq !== navSeq.current) return;
        if (loaded.redirect) {
          window.location.assign(loaded.redirect);
          return;
        }
        loaded.state.me = meRef.current;
        // Draw the new page before the address changes, so that whoever waits for the address
        // (a browser test, an analytics hook) sees the page that belongs to it.
        flushSync(() => setPage({ state: loaded.state, module: loaded.module }));
        if (opts.push !== false) window.history[opts.replace ? 'replaceState' : 'pushState'](null, '', url.href);
        document.title = loaded.module.head(loaded.state.data, { t, locale, params: loaded.state.params }).title;
        if (opts.push !== false && !url.hash) window.scrollTo(0, 0);
        // Move focus to the new page's heading, so screen readers announce the change.
        requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
      } finally {
        if (seq === navSeq.current) setBusy(false);
      }
    },
    [api, locale, t],
  );

  const navigate = useCallback((to: string, opts?: { replace?: boolean }) => go(to, opts), [go]);
  const reload = useCallback(() => go(window.location.href, { replace: true }), [go]);

  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.('a');
      if (!a || a.target || a.hasAttribute('download') || a.dataset.reload !== undefined) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin || /^\/(api|lang|docs|assets|web)\//.test(url.pathname)) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
      e.preventDefault();
      void go(url.href);
    };
    const onPop = () => void go(window.location.href, { push: false });
    document.addEventListener('click', onClick);
    window.addEventListener('popstate', onPop);
    return () => {
      document.removeEventListener('click', onClick);
      window.removeEventListener('popstate', onPop);
    };
  }, [go]);

  useEffect(() => {
    // Tells browser tests (and curious people) that the page now answers clicks with React.
    document.documentElement.dataset.hydrated = 'true';
  }, []);

  useEffect(() => {
    // The cart badge is not part of the server's HTML (it would make every page personal).
    api.get<{ itemCount: number }>('/cart').then(
      (c) => setCartCount(c.itemCount),
      () => setCartCount(null),
    );
  }, [api, me]);

  const { state } = page;
  const ctx: AppContextValue = {
    locale,
    t,
    me,
    api,
    path: state.path,
    search: state.search,
    busy,
    href: (p) => localePath(locale, p),
    navigate,
    reload,
    setMe,
    cartCount,
    setCartCount,
  };
  const Page = (page.module ?? cachedModule(state.route)!).Page;
  return (
    <AppContext.Provider value={ctx}>
      <Layout>
        {/* A new page (even of the same kind) starts with fresh state. */}
        <Page
          key={`${state.route}${state.path}${state.search}`}
          data={state.data}
          params={state.params}
          query={new URLSearchParams(state.search)}
        />
      </Layout>
    </AppContext.Provider>
  );
}
