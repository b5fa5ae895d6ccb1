// Page languages and their URLs: Thai pages have no prefix, Chinese ones live under /zh, English under /en.
import type { Locale } from '../ssr-contract.ts';

export const LOCALES: Locale[] = ['th', 'zh', 'en'];
export const HTML_LANG: Record<Locale, string> = { th: 'th', zh: 'zh-Hans', en: 'en' };
export const LOCALE_NAMES: Record<Locale, string> = { th: 'ไทย', zh: '中文', en: 'English' };

export function splitLocale(pathname: string): { locale: Locale; path: string; explicit: boolean } {
  const m = /^\/(zh|en)(\/.*)?$/.exec(pathname);
  if (m) return { locale: m[1] as Locale, path: m[2] || '/', explicit: true };
  return { locale: 'th', path: pathname || '/', explicit: false };
}

/** "/p/1" in Chinese -> "/zh/p/1". */
export function localePath(locale: Locale, path: string): string {
  if (locale === 'th') return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}
