// The rules of China's cross-border e-commerce retail import (../shared/REFERENCE.md, China CBEC),
// as pure functions over integers: fen for CNY, satang for THB, basis points for rates.

/** Per transaction and per person per calendar year, in fen. */
export const ORDER_LIMIT_FEN = 500_000;
export const YEARLY_LIMIT_FEN = 2_600_000;
/** Within the limits import VAT and consumption tax are charged at 70%. */
const CBEC_SHARE_PERCENT = 70n;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of the first 17 digits (ISO 7064 MOD 11-2). */
export function residentIdCheckChar(first17: string): string {
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return ID_CHECK[sum % 11];
}

export type ResidentIdProblem = 'bad_format' | 'bad_check_char' | 'bad_birth_date';

/** An 18-character resident ID: 17 digits and a check character; the birth date must exist. */
export function residentIdProblem(raw: string): ResidentIdProblem | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'bad_format';
  const y = Number(id.slice(6, 10)),
    m = Number(id.slice(10, 12)),
    d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > Date.now())
    return 'bad_birth_date';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'bad_check_char';
  return null;
}

/** Mainland mobile number: 11 digits starting with 1. */
export const isChineseMobile = (phone: string) =>
  /^1[3-9]\d{9}$/.test(phone.replace(/[\s-]/g, '').replace(/^\+?86/, ''));

export interface TaxCategory {
  vatBp: number;
  consumptionTaxBp: number;
}

/**
 * The cross-border tax on a dutiable value: value x (CT + VAT) / (1 - CT) x 70%, exact in rationals,
 * rounded half up to the fen.
 */
export function cbecTaxFen(dutiableFen: number, t: TaxCategory): number {
  const num = BigInt(dutiableFen) * BigInt(t.vatBp + t.consumptionTaxBp) * CBEC_SHARE_PERCENT;
  const den = BigInt(10_000 - t.consumptionTaxBp) * 100n;
  return Number((num * 2n + den) / (den * 2n));
}

/** The combined rate in percent, for display: 9.1 for VAT 13%, 6.3 for VAT 9%. */
export function cbecRatePercent(t: TaxCategory): number {
  return Math.round(((t.vatBp + t.consumptionTaxBp) / (10_000 - t.consumptionTaxBp)) * 70 * 1000) / 1000;
}

/** Splits `total` over `weights` in proportion, by largest remainder: the parts always sum to the total. */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const parts = exact.map((e) => Number(e / BigInt(sum)));
  const order = exact.map((e, i) => ({ i, r: Number(e % BigInt(sum)) })).sort((a, b) => b.r - a.r || a.i - b.i);
  let left = total - parts.reduce((s, p) => s + p, 0);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

export interface LandedLineInput {
  unitPriceFen: number;
  quantity: number;
  tax: TaxCategory;
}
export interface LandedLine {
  unitPriceFen: number;
  quantity: number;
  goodsFen: number;
  freightFen: number;
  dutiableFen: number;
  taxFen: number;
}
export interface Landed {
  lines: LandedLine[];
  goodsFen: number;
  freightFen: number;
  insuranceFen: number;
  taxFen: number;
  discountFen: number;
  totalFen: number;
}

/**
 * The landed price of one order: goods at their CNY unit prices, the freight shared over the lines
 * by value, and the tax per line on goods + freight + insurance (none) — the order's tax is the sum
 * of its lines' (each rounded to the fen).
 */
export function landedPrice(lines: LandedLineInput[], freightFen: number): Landed {
  const goods = lines.map((l) => l.unitPriceFen * l.quantity);
  const freight = allocate(freightFen, goods);
  const out = lines.map((l, i) => {
    const dutiable = goods[i] + freight[i];
    return {
      unitPriceFen: l.unitPriceFen,
      quantity: l.quantity,
      goodsFen: goods[i],
      freightFen: freight[i],
      dutiableFen: dutiable,
      taxFen: cbecTaxFen(dutiable, l.tax),
    };
  });
  const goodsFen = goods.reduce((s, g) => s + g, 0);
  const taxFen = out.reduce((s, l) => s + l.taxFen, 0);
  return {
    lines: out,
    goodsFen,
    freightFen,
    insuranceFen: 0,
    taxFen,
    discountFen: 0,
    totalFen: goodsFen + freightFen + taxFen,
  };
}

/** International freight for a parcel: base + per started kilogram. */
export const freightSatang = (grams: number, baseSatang: number, perKgSatang: number) =>
  baseSatang + Math.ceil(Math.max(grams, 1) / 1000) * perKgSatang;

/** The calendar year, in China's time zone, that a purchase counts towards. */
export const chinaYear = (at: Date) => new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
