// What the server plugin (src/web) and the server renderer (entry-server.tsx) say to each other.
// Plain types only: both the Node side and the browser side type-check against this file.
export type Locale = 'th' | 'zh' | 'en';

export interface ApiResponse {
  status: number;
  body: unknown;
}
/** One call to the JSON API under /api: in the browser a fetch, on the server an in-process request. */
export type ApiCall = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<ApiResponse>;

export interface RenderRequest {
  /** The path without its language prefix, e.g. "/p/123". */
  path: string;
  /** The query string including "?", or "". */
  search: string;
  locale: Locale;
  api: ApiCall;
  /** e.g. "https://talad.example", for canonical and hreflang links. */
  origin: string;
  /** Who is asking, as the server knows from the session: guests cost no /api/me call. */
  viewer: 'guest' | 'user' | 'operator';
}

export interface RenderResult {
  status: number;
  /** Set when the page sends the visitor elsewhere (e.g. to sign in). */
  redirect?: string;
  /** The <head> tags of the page: title, description, canonical, hreflang, JSON-LD. */
  head: string;
  /** The rendered body of #root. */
  html: string;
  /** The state the browser hydrates from, already safe to embed in a script element. */
  state: string;
  /** Source keys (as in Vite's manifest) of the lazy chunk this page needs, to preload. */
  chunks: string[];
}

export type Render = (request: RenderRequest) => Promise<RenderResult>;
