// Money is an integer in minor units (satang, fen) with an ISO currency code; never a float.
export type Currency = 'THB' | 'CNY';
export interface Money {
  amount: number;
  currency: Currency;
}

export function assertMinorUnits(amount: number): number {
  if (!Number.isSafeInteger(amount)) throw new Error(`money must be an integer in minor units, got ${amount}`);
  return amount;
}

const formats = new Map<string, Intl.NumberFormat>();
/** 123450 THB -> "฿1,234.50" (th), "฿1,234.50" (en), "THB 1,234.50" (zh). */
export function formatMoney(amount: number, currency: Currency, locale: 'th' | 'zh' | 'en'): string {
  const tag = { th: 'th-TH', zh: 'zh-Hans-CN', en: 'en-GB' }[locale];
  const key = `${tag}|${currency}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(tag, { style: 'currency', currency });
    formats.set(key, f);
  }
  return f.format(amount / 100);
}
