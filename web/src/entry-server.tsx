// Renders a page to HTML on the server: the same routes, loaders and components as the browser.
import { renderToString } from 'react-dom/server';
import { App } from './app/App.tsx';
import { createApi } from './app/api.ts';
import { translator } from './app/i18n.ts';
import { loadPage } from './app/load-page.ts';
import { HTML_LANG, LOCALES, localePath } from './app/locale.ts';
import type { Head, Me } from './app/router.ts';
import { embedJson } from './app/state.ts';
import type { Locale, Render } from './ssr-contract.ts';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function headTags(head: Head, locale: Locale, path: string, origin: string): string {
  const query = head.canonicalQuery ? `?${head.canonicalQuery}` : '';
  const url = (l: Locale) => escapeHtml(`${origin}${localePath(l, path)}${query}`);
  const tags = [`<title>${escapeHtml(head.title)}</title>`];
  if (head.description) tags.push(`<meta name="description" content="${escapeHtml(head.description)}">`);
  if (head.noindex) tags.push('<meta name="robots" content="noindex">');
  if (head.manifest) tags.push(`<link rel="manifest" href="${escapeHtml(head.manifest)}">`);
  else {
    tags.push(`<link rel="canonical" href="${url(locale)}">`);
    for (const l of LOCALES) tags.push(`<link rel="alternate" hreflang="${HTML_LANG[l]}" href="${url(l)}">`);
    tags.push(`<link rel="alternate" hreflang="x-default" href="${url('th')}">`);
  }
  tags.push(`<meta property="og:title" content="${escapeHtml(head.title)}">`);
  if (head.jsonLd) tags.push(`<script type="application/ld+json">${embedJson(head.jsonLd)}</script>`);
  return tags.join('\n');
}

export const render: Render = async (req) => {
  const api = createApi(req.api);
  const me = req.viewer === 'guest' ? null : await api.get<Me>('/me').catch(() => null);
  const loaded = await loadPage({
    path: req.path,
    search: req.search,
    locale: req.locale,
    api,
    me,
    viewer: req.viewer,
  });
  const { state, module } = loaded;
  const chunks = loaded.chunk ? [loaded.chunk] : [];
  if (loaded.redirect) return { status: 302, redirect: loaded.redirect, head: '', html: '', state: '', chunks };
  const t = translator(req.locale);
  const head = module.head(state.data, { t, locale: req.locale, params: state.params });
  const html = renderToString(<App initial={state} module={module} api={api} />);
  return {
    status: state.status,
    head: headTags(head, req.locale, req.path, req.origin),
    html,
    state: embedJson(state),
    chunks,
  };
};
