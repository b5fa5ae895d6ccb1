// The state a page is rendered from: made by the server, embedded in the HTML, hydrated by the browser.
import type { Locale } from '../ssr-contract.ts';
import type { Me } from './router.ts';

export type SpecialPage = '_not_found' | '_forbidden' | '_error';

export interface PageState {
  route: string | SpecialPage;
  params: Record<string, string>;
  path: string;
  search: string;
  locale: Locale;
  me: Me | null;
  data: unknown;
  status: number;
}

/** JSON that can sit inside <script type="application/json"> without ending it early. */
export const embedJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
