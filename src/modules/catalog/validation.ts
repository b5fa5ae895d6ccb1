// Checks on product and variant input that a JSON schema cannot express (check digits, provinces,
// blank Thai text, option counts). The routes' TypeBox schemas check shapes and lengths first;
// these run in the service too, so imports and seeds get the same answers as the API.
import type { FieldError } from '../../platform/errors.ts';
import { AppError } from '../../platform/errors.ts';
import { isValidGtin } from '../../platform/thai.ts';
import { provinceByCode } from '../../platform/provinces.ts';

export type TextInput = { th: string; zh?: string | null; en?: string | null };

export interface VariantInput {
  sku: string;
  gtin?: string | null;
  optionValues?: TextInput[];
  priceSatang: number;
  weightGrams: number;
  active?: boolean;
}

export interface ProductFields {
  categoryId: string;
  slug?: string;
  title: TextInput;
  description: TextInput;
  optionNames?: TextInput[];
  hsCode?: string | null;
  originProvinceCode: string;
  perishable?: boolean;
  shelfLifeDays?: number | null;
}

export const MAX_PRICE_SATANG = 10_000_000_000; // 100 million baht: anything above is a typo
export const MAX_WEIGHT_GRAMS = 1_000_000;
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const HS_CODE_PATTERN = '^[0-9]{6,10}$';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Collects field errors and throws them all at once (422), so a form can show every problem. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  add(field: string, code: string, params: Record<string, unknown> = {}): void {
    this.list.push({ field, code, params });
  }
  throwIfAny(): void {
    if (this.list.length) throw new AppError(422, 'validation_failed', {}, this.list);
  }
}

export function checkThaiText(errors: FieldErrors, field: string, text: TextInput | undefined): void {
  if (!text || typeof text.th !== 'string' || !text.th.trim()) errors.add(`${field}.th`, 'required');
}

/** HS codes are typed with dots and spaces ("1006.30"); stored as 6 to 10 digits. */
export const normalizeHsCode = (s: string | null | undefined): string | null =>
  s ? s.replace(/[\s.]/g, '') || null : null;

export function checkProductFields(errors: FieldErrors, p: Partial<ProductFields>, partial: boolean): void {
  if (!partial || p.title !== undefined) checkThaiText(errors, 'title', p.title);
  if (!partial || p.description !== undefined) checkThaiText(errors, 'description', p.description);
  for (const [i, name] of (p.optionNames ?? []).entries()) checkThaiText(errors, `optionNames.${i}`, name);
  if (!partial || p.originProvinceCode !== undefined) {
    if (!p.originProvinceCode) errors.add('originProvinceCode', 'required');
    else if (!provinceByCode(p.originProvinceCode)) errors.add('originProvinceCode', 'not_allowed');
  }
  const hs = normalizeHsCode(p.hsCode);
  if (hs && !new RegExp(HS_CODE_PATTERN).test(hs)) errors.add('hsCode', 'bad_format');
  if (p.slug !== undefined && !new RegExp(SLUG_PATTERN).test(p.slug)) errors.add('slug', 'bad_format');
  if (!partial || p.categoryId !== undefined) {
    if (!p.categoryId || !UUID.test(p.categoryId)) errors.add('categoryId', 'bad_format');
  }
}

/** A perishable product must say how many days it keeps. */
export function checkShelfLife(
  errors: FieldErrors,
  perishable: boolean,
  shelfLifeDays: number | null | undefined,
): void {
  if (perishable && (shelfLifeDays === null || shelfLifeDays === undefined)) errors.add('shelfLifeDays', 'required');
  if (
    shelfLifeDays !== null &&
    shelfLifeDays !== undefined &&
    !(Number.isInteger(shelfLifeDays) && shelfLifeDays >= 1)
  ) {
    errors.add('shelfLifeDays', 'too_small', { min: 1 });
  }
}

export function checkVariant(
  errors: FieldErrors,
  path: string,
  v: Partial<VariantInput>,
  optionCount: number,
  partial = false,
): void {
  const at = (f: string) => (path ? `${path}.${f}` : f);
  if (!partial || v.sku !== undefined) {
    if (!v.sku || !v.sku.trim()) errors.add(at('sku'), 'required');
    else if (/\s/.test(v.sku.trim())) errors.add(at('sku'), 'bad_format');
  }
  if (v.gtin) {
    if (!/^(\d{8}|\d{12,14})$/.test(v.gtin)) errors.add(at('gtin'), 'bad_format');
    else if (!isValidGtin(v.gtin)) errors.add(at('gtin'), 'bad_check_digit');
  }
  if (!partial || v.priceSatang !== undefined) {
    if (!Number.isSafeInteger(v.priceSatang) || v.priceSatang! < 1)
      errors.add(at('priceSatang'), 'too_small', { min: 1 });
    else if (v.priceSatang! > MAX_PRICE_SATANG) errors.add(at('priceSatang'), 'too_large', { max: MAX_PRICE_SATANG });
  }
  if (!partial || v.weightGrams !== undefined) {
    if (!Number.isSafeInteger(v.weightGrams) || v.weightGrams! < 1)
      errors.add(at('weightGrams'), 'too_small', { min: 1 });
    else if (v.weightGrams! > MAX_WEIGHT_GRAMS) errors.add(at('weightGrams'), 'too_large', { max: MAX_WEIGHT_GRAMS });
  }
  if (!partial || v.optionValues !== undefined) {
    const values = v.optionValues ?? [];
    if (values.length < optionCount) errors.add(at('optionValues'), 'too_short', { min: optionCount });
    else if (values.length > optionCount) errors.add(at('optionValues'), 'too_long', { max: optionCount });
    for (const [i, value] of values.entries()) checkThaiText(errors, at(`optionValues.${i}`), value);
  }
}

/** Two variants of one request with the same SKU: the second one is named. */
export function checkDistinctSkus(errors: FieldErrors, variants: { sku: string }[], path = 'variants'): void {
  const seen = new Set<string>();
  variants.forEach((v, i) => {
    const sku = v.sku?.trim();
    if (!sku) return;
    if (seen.has(sku)) errors.add(`${path}.${i}.sku`, 'duplicate');
    seen.add(sku);
  });
}
