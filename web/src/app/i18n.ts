// The web app's message catalog: every UI string in Thai, Chinese (zh-Hans) and English.
// Page groups register their own messages (the seller centre's load with its chunk).
import { formatMoney as formatMinorUnits } from '../../../src/platform/money.ts';
import { formatDateTime } from '../../../src/platform/i18n.ts';
import { provinceByCode } from '../../../src/platform/provinces.ts';
import type { Locale } from '../ssr-contract.ts';

/** [Thai, Chinese, English]. */
export type Texts = readonly [th: string, zh: string, en: string];
const catalog = new Map<string, Texts>();
const INDEX: Record<Locale, 0 | 1 | 2> = { th: 0, zh: 1, en: 2 };

export function defineMessages<K extends string>(messages: Record<K, Texts>): Record<K, Texts> {
  for (const [key, texts] of Object.entries(messages) as [K, Texts][]) catalog.set(key, texts);
  return messages;
}

export function allMessages(): ReadonlyMap<string, Texts> {
  return catalog;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, params = {}) => {
    const texts = catalog.get(key);
    const template = texts ? texts[INDEX[locale]] : key;
    return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
  };
}

/** Satang (or fen) as the page's language writes money. */
export const formatMoney = (satang: number, locale: Locale, currency: 'THB' | 'CNY' = 'THB') =>
  formatMinorUnits(satang, currency, locale);

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  th: new Intl.NumberFormat('th-TH'),
  zh: new Intl.NumberFormat('zh-Hans-CN'),
  en: new Intl.NumberFormat('en-GB'),
};
export const formatNumber = (n: number, locale: Locale) => numberFormats[locale].format(n);

/** Asia/Bangkok time; Thai pages use the Buddhist calendar (พ.ศ.). */
export const formatDate = (iso: string, locale: Locale) => formatDateTime(new Date(iso), locale);

/** Where a buyer in China lives: the cross-border pages give times in China Standard Time. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';
const zonedFormats = new Map<string, Intl.DateTimeFormat>();
const LANGUAGE_TAG: Record<Locale, string> = { th: 'th-TH-u-ca-buddhist', zh: 'zh-Hans-CN', en: 'en-GB' };
/**
 * A time in `timeZone` with its zone written out ("2026年11月22日 中国标准时间 15:05"), for a
 * reader who may not live in Bangkok's zone; Thai in the Buddhist calendar.
 */
export function formatDateZoned(iso: string, locale: Locale, timeZone = 'Asia/Bangkok'): string {
  const key = `${locale}|${timeZone}`;
  let f = zonedFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], {
      timeZone,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'long',
    });
    zonedFormats.set(key, f);
  }
  return f.format(new Date(iso));
}

export const provinceName = (code: string | null | undefined, locale: Locale): string => {
  const p = code ? provinceByCode(code) : undefined;
  return p ? p[locale] : (code ?? '');
};

/** The text of a {th, zh, en} field in the page's language, falling back to Thai. */
export function pick(
  text: { th: string; zh?: string | null; en?: string | null } | null | undefined,
  locale: Locale,
): string {
  if (!text) return '';
  return (locale !== 'th' && text[locale]) || text.th;
}
