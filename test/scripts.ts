// Which writing system a page's text is in: a Chinese or English page has no Thai letters, a Thai or
// English page no Chinese characters, except for names that are data (shops, products, what a buyer
// typed) and the few that are always written in their own script (the brand, the language names).
import type { Locale } from '../src/platform/i18n.ts';

const THAI = /[\u0E00-\u0E7F]+(?:[\s\d.,()/-]*[\u0E00-\u0E7F]+)*/g;
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+(?:[\s\d.,()/-]*[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+)*/g;

/** Always in their own script: the brand ("ตลาด" beside "Talad") and the language switch's names. */
export const OWN_SCRIPT_NAMES = ['ตลาด', 'ไทย', '中文'];

/** English words (three letters or more) on a Chinese page, where only codes and brands may be Latin. */
const ENGLISH = /[A-Za-z]{3,}(?:[\s'-]+[A-Za-z]{2,})*/g;
/** Latin on a Chinese page that is not English: currency codes, order and waybill prefixes, brands, the language switch. */
export const LATIN_NAMES = [
  'THB',
  'CNY',
  'TLD',
  'TLX',
  'Talad',
  'Alipay',
  'PromptPay',
  'English',
  'SANDBOX',
  'EEC',
  'PNG',
  'PDF',
  'GMT',
  'OTOP',
];

/** The scripts a page in `locale` must not show. */
const FOREIGN: Record<Locale, RegExp[]> = { th: [HAN], zh: [THAI, ENGLISH], en: [THAI, HAN] };

/**
 * Runs of letters of another script than the page's, once `allowed` names (data, longest first)
 * are taken out. An empty list is a page wholly in its language.
 */
export function foreignRuns(text: string, locale: Locale, allowed: string[] = []): string[] {
  let rest = text;
  for (const name of [...allowed, ...OWN_SCRIPT_NAMES, ...(locale === 'zh' ? LATIN_NAMES : [])]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length))
    rest = rest.split(name).join(' ');
  return FOREIGN[locale].flatMap((re) => rest.match(re) ?? []);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
/**
 * What a reader gets from server-rendered HTML: the text and the attributes read aloud or shown
 * (alt, aria-label, title, placeholder), without scripts (the page's data and JSON-LD) or styles.
 */
export function readableText(html: string): string {
  const body = html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<style[\s\S]*?<\/style>/g, ' ');
  const attributes = [...body.matchAll(/\s(?:alt|aria-label|title|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  const text = body.replace(/<[^>]+>/g, ' ');
  return [text, ...attributes]
    .join(' ')
    .replace(/&(#?\w+);/g, (whole, name: string) =>
      name.startsWith('#x')
        ? String.fromCodePoint(Number.parseInt(name.slice(2), 16))
        : name.startsWith('#') && name !== '#39'
          ? String.fromCodePoint(Number(name.slice(1)))
          : (ENTITIES[name] ?? whole),
    )
    .replace(/\s+/g, ' ');
}
