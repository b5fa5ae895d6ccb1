// Thai identifiers and contact details (../shared/REFERENCE.md, "Thai identifiers").
import { provinceByCode } from './provinces.ts';

/** 13-digit national ID / juristic tax ID: check digit = (11 - sum(d_i * (14 - i)) mod 11) mod 10. */
export function isValidThaiId(id: string): boolean {
  if (!/^\d{13}$/.test(id)) return false;
  return thaiIdCheckDigit(id) === Number(id[12]);
}

/** The check digit the first 12 digits of a Thai ID call for. */
export function thaiIdCheckDigit(id: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(id[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

/** Strips the spaces and dashes people type ("1-2345-67890-12-1"). */
export const compactDigits = (s: string) => s.replace(/[\s-]/g, '');

/**
 * A Thai mobile number in E.164 (+66 and 9 digits), from "0812345678", "081-234-5678",
 * "+66 81 234 5678" or "66812345678"; null when it is not a Thai mobile number.
 */
export function normalizeThaiMobile(input: string): string | null {
  const s = input.replace(/[\s\-().]/g, '');
  let national: string;
  if (/^\+66\d{9}$/.test(s)) national = s.slice(3);
  else if (/^66\d{9}$/.test(s)) national = s.slice(2);
  else if (/^0\d{9}$/.test(s)) national = s.slice(1);
  else return null;
  // Thai mobile ranges start 6, 8 or 9 after the trunk prefix.
  if (!/^[689]/.test(national)) return null;
  return `+66${national}`;
}

export function normalizeEmail(input: string): string | null {
  const s = input.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) && s.length <= 254 ? s : null;
}

/** GTIN-8/12/13/14 (EAN/UPC) with its mod-10 check digit. */
export function isValidGtin(gtin: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(gtin)) return false;
  const digits = gtin.split('').map(Number);
  const check = digits.pop()!;
  let sum = 0;
  digits.reverse().forEach((d, i) => {
    sum += d * (i % 2 === 0 ? 3 : 1);
  });
  return (10 - (sum % 10)) % 10 === check;
}

/** A Thai postcode: 5 digits, the first two from 10 to 96. */
export const isValidPostcode = (s: string) => /^(1[0-9]|[2-8]\d|9[0-6])\d{3}$/.test(s);

/** The parts of a Thai address (REFERENCE.md, "Thai identifiers"): what a parcel or a tax invoice needs. */
export interface ThaiAddressParts {
  houseNumber: string;
  moo?: string;
  village?: string;
  /** Building, floor or room, as the owner writes it. */
  building?: string;
  soi?: string;
  road?: string;
  subdistrict: string;
  district: string;
  provinceCode: string;
  postcode: string;
}

/** A name typed with its own prefix ("ตำบลท่าช้าง", "ต.ท่าช้าง", "เขต บางกะปิ") without it. */
const unprefixed = (s: string | undefined, prefixes: RegExp) => (s ?? '').trim().replace(prefixes, '').trim();

/**
 * A Thai address on one line, as the courier and the Revenue Department read it — the one formatter
 * of the platform (tax invoices, shipping labels, the hub's packing list): "99 หมู่ 4 ต.ท่าช้าง
 * อ.เมืองจันทบุรี จ.จันทบุรี 22000"; in Bangkok the sub-district is a แขวง and the district a เขต, and
 * the province is written without จ.
 */
export function thaiAddressLine(a: ThaiAddressParts): string {
  const bangkok = a.provinceCode === '10';
  const province = provinceByCode(a.provinceCode)?.th ?? '';
  const subdistrict = unprefixed(a.subdistrict, /^(ตำบล|ต\.|แขวง)\s*/);
  const district = unprefixed(a.district, /^(อำเภอ|อ\.|เขต)\s*/);
  const soi = unprefixed(a.soi, /^(ซอย|ซ\.)\s*/);
  const road = unprefixed(a.road, /^(ถนน|ถ\.)\s*/);
  const moo = unprefixed(a.moo, /^(หมู่ที่|หมู่|ม\.)\s*/);
  return [
    a.houseNumber.trim(),
    moo && `หมู่ ${moo}`,
    a.village?.trim(),
    a.building?.trim(),
    soi && `ซ.${soi}`,
    road && `ถ.${road}`,
    subdistrict && (bangkok ? `แขวง${subdistrict}` : `ต.${subdistrict}`),
    district && (bangkok ? `เขต${district}` : `อ.${district}`),
    province && (bangkok ? province : `จ.${province}`),
    a.postcode.trim(),
  ]
    .filter(Boolean)
    .join(' ');
}
