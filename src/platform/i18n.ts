// Thai first: every message exists in Thai, Chinese (zh-Hans) and English. Modules register
// their own messages; a missing Chinese or English text falls back to Thai.
export const LOCALES = ['th', 'zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type Localized = { th: string; zh?: string | null; en?: string | null };
export type Messages = Record<string, { th: string; zh: string; en: string }>;

const catalog = new Map<string, { th: string; zh: string; en: string }>();

export function registerMessages(messages: Messages): void {
  for (const [code, texts] of Object.entries(messages)) catalog.set(code, texts);
}

export function hasMessage(code: string): boolean {
  return catalog.has(code);
}

/** Picks the best of th / zh / en from an Accept-Language header; Thai when nothing matches. */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return 'th';
  const prefs = header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .filter((p) => p.tag && p.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of prefs) {
    const base = tag.split('-')[0];
    if (base === 'th' || base === 'zh' || base === 'en') return base;
  }
  return 'th';
}

export function translate(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const texts = catalog.get(code);
  const template = texts ? texts[locale] || texts.th : code;
  return template.replace(/\{(\w+)\}/g, (_, k) => (k in params ? String(params[k]) : `{${k}}`));
}

/** The text of a localized field in the wanted language, falling back to Thai. */
export function pickText(text: Localized, locale: Locale): string {
  return (locale !== 'th' && text[locale]) || text.th;
}

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    timeZone: 'Asia/Bangkok',
    dateStyle: 'long',
    timeStyle: 'short',
  }),
  zh: new Intl.DateTimeFormat('zh-Hans-CN', { timeZone: 'Asia/Bangkok', dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bangkok', dateStyle: 'long', timeStyle: 'short' }),
};

/** Dates show in Asia/Bangkok; Thai uses the Buddhist calendar (2569 for 2026). */
export function formatDateTime(date: Date, locale: Locale): string {
  return dateFormats[locale].format(date);
}
