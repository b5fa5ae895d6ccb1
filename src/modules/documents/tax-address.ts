// The seller's registered address on its tax invoices. Revenue Code s.86/4 (2) wants the seller's
// name, address and tax ID on a full tax invoice, and a province alone is not an address: a
// VAT-registered shop issues no tax invoice until the address it registered with the Revenue
// Department is complete. Complete means: house number, sub-district (ตำบล / แขวง), district
// (อำเภอ / เขต), a Thai province, a 5-digit postcode, and the branch ("00000" head office or the
// 5-digit branch number). Moo, village, building, soi and road are written when the address has them.
//
// Orders paid while it is incomplete are not left without their document: each waits
// (document_waits) and is issued as soon as the address is complete — right after the seller saves
// it, and by the job that retries waiting documents. Their tax invoice then carries the date it is
// issued and, beside it, the date the order was paid.
import { AppError, type FieldError } from '../../platform/errors.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import { isValidPostcode, thaiAddressLine, type ThaiAddressParts } from '../../platform/thai.ts';
import { printable } from '../../platform/typed-text.ts';

export type TaxAddress = ThaiAddressParts;

const REQUIRED = ['houseNumber', 'subdistrict', 'district', 'provinceCode', 'postcode'] as const;
const OPTIONAL = ['moo', 'village', 'building', 'soi', 'road'] as const;

/** The address as typed, each part made printable and trimmed (empty optional parts left out). */
export function cleanTaxAddress(a: Partial<Record<keyof TaxAddress, string | undefined>>): TaxAddress {
  const out: TaxAddress = { houseNumber: '', subdistrict: '', district: '', provinceCode: '', postcode: '' };
  for (const k of REQUIRED) out[k] = printable(a[k] ?? '');
  for (const k of OPTIONAL) {
    const v = printable(a[k] ?? '');
    if (v) out[k] = v;
  }
  return out;
}

/** What a tax invoice still needs from the address and branch: field errors, none when complete. */
export function missingParts(address: TaxAddress | null, branch: string | null): FieldError[] {
  const errors: FieldError[] = [];
  for (const k of REQUIRED) if (!address?.[k]?.trim()) errors.push({ field: `address.${k}`, code: 'required' });
  if (address?.provinceCode && !provinceByCode(address.provinceCode))
    errors.push({ field: 'address.provinceCode', code: 'unknown_province' });
  if (address?.postcode && !isValidPostcode(address.postcode))
    errors.push({ field: 'address.postcode', code: 'bad_postcode' });
  if (!branch || !/^\d{5}$/.test(branch)) errors.push({ field: 'branch', code: 'bad_format' });
  return errors;
}

/** The refusal of a tax invoice while the registered address is incomplete (problem+json, th/zh/en, per field). */
export const taxAddressIncomplete = (missing: FieldError[]) => new AppError(409, 'tax_address_incomplete', {}, missing);

export const taxAddressLine = (a: TaxAddress) => thaiAddressLine(a);
