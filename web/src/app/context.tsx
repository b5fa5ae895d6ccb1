// What every component may need: the page's language and messages, who is signed in, the API
// and client-side navigation.
import { createContext, useContext } from 'react';
import type { Locale } from '../ssr-contract.ts';
import type { Api } from './api.ts';
import type { Translate } from './i18n.ts';
import type { Me } from './router.ts';

export interface AppContextValue {
  locale: Locale;
  t: Translate;
  me: Me | null;
  api: Api;
  /** The current path without language prefix, and its query. */
  path: string;
  search: string;
  /** A path in the page's language: href('/cart') is "/zh/cart" on a Chinese page. */
  href: (path: string) => string;
  navigate: (to: string, opts?: { replace?: boolean }) => Promise<void>;
  /** Reloads the current page's data (after a change made on the page). */
  reload: () => Promise<void>;
  setMe: (me: Me | null) => void;
  cartCount: number | null;
  setCartCount: (n: number | null) => void;
  busy: boolean;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside <App>');
  return ctx;
}
