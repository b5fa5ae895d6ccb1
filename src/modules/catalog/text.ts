// Localized catalog text: Thai is required, Chinese and English fall back to Thai.
import { pickText, type Locale } from '../../platform/i18n.ts';
import type { LocalizedText } from '../../platform/http.ts';

/** An option name or value ("น้ำหนัก" / "重量" / "Weight"), always with all three keys. */
export type OptionText = LocalizedText;
export const TRANSLATIONS = ['zh', 'en'] as const;
export type Translation = (typeof TRANSLATIONS)[number];

/** Trims each language and turns a blank translation into null (falls back to Thai). */
export function cleanText(text: { th: string; zh?: string | null; en?: string | null }): LocalizedText {
  const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
  return { th: text.th.trim(), zh: blankToNull(text.zh), en: blankToNull(text.en) };
}

/** The text in the asked language, and the language it really is in (for the page's lang attribute). */
export function localize(text: LocalizedText, locale: Locale): { text: string; lang: Locale } {
  const value = pickText(text, locale);
  return { text: value, lang: locale !== 'th' && text[locale] ? locale : 'th' };
}

/** The translations missing from any of the texts: a product lacks 'zh' unless title and description both have it. */
export function missingLanguages(...texts: LocalizedText[]): Translation[] {
  return TRANSLATIONS.filter((lang) => texts.some((t) => !t[lang]));
}

/** How option names and values are kept in JSON columns: Thai, plus only the translations given. */
export function storedOption(text: { th: string; zh?: string | null; en?: string | null }): {
  th: string;
  zh?: string;
  en?: string;
} {
  const t = cleanText(text);
  return { th: t.th, ...(t.zh ? { zh: t.zh } : {}), ...(t.en ? { en: t.en } : {}) };
}
