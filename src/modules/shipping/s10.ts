// UPU S10 item identifiers, as Thailand Post prints them: 2 service letters, an 8-digit serial, a
// check digit and the 2-letter country of the issuing post, e.g. EE123456785TH (REFERENCE.md).
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** The check digit of an 8-digit serial: 11 - (weighted sum mod 11), with 10 -> 0 and 11 -> 5. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new Error('an S10 serial is 8 digits');
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(serial[i]), 0);
  const r = 11 - (sum % 11);
  return r === 10 ? 0 : r === 11 ? 5 : r;
}

export type S10Problem = 'bad_format' | 'bad_check_digit' | 'wrong_country';

/** Why a (normalized, upper-case, no spaces) string is not an S10 number of `country`, or null. */
export function s10Problem(value: string, country = 'TH'): S10Problem | null {
  const m = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(value);
  if (!m) return 'bad_format';
  if (s10CheckDigit(m[2]) !== Number(m[3])) return 'bad_check_digit';
  if (m[4] !== country) return 'wrong_country';
  return null;
}

/** Builds an S10 number from its service letters, serial and country. */
export function s10Number(service: string, serial: number, country = 'TH'): string {
  const digits = String(serial).padStart(8, '0');
  return `${service}${digits}${s10CheckDigit(digits)}${country}`;
}
