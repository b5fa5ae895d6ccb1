// The HTML document around a rendered page.
import type { RenderResult } from '../../web/src/ssr-contract.ts';

const HTML_LANG = { th: 'th', zh: 'zh-Hans', en: 'en' } as const;

export function pageDocument(
  locale: keyof typeof HTML_LANG,
  result: RenderResult,
  assetTags: string,
  entryScript: string,
  nonce: string,
): string {
  return `<!doctype html>
<html lang="${HTML_LANG[locale]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#0b6e3f">
<link rel="icon" href="data:,">
${result.head}
${assetTags}
</head>
<body>
<div id="root">${result.html}</div>
<script id="talad-state" type="application/json" nonce="${nonce}">${result.state}</script>
<script type="module" src="${entryScript}" nonce="${nonce}"></script>
</body>
</html>`;
}

/** Shown instead of pages when dist/web has not been built (the API keeps working). */
export const notBuiltDocument = `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>Talad</title></head>
<body><h1>ตลาด Talad</h1><p>ยังไม่ได้สร้างหน้าเว็บ — the web app is not built: run <code>npm run build:web</code>.</p></body></html>`;
