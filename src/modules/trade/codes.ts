// The trade module's checked identifiers: the Chinese unified social credit code (GB 32100-2015),
// the Incoterms 2020 rules and the modes they allow, and the air waybill's mod-7 check digit.

/** GB 32100-2015's 31 characters (no I, O, S, V, Z): the value of a character is its index. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of positions 1–17: 3^(i-1) mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'uscc_shape' | 'uscc_check';

/** Normalises (trims, upper-cases) and checks a unified social credit code; null when valid. */
export function usccProblem(raw: string): UsccProblem | null {
  const code = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'uscc_shape';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(code[i]) * USCC_WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === code[17] ? null : 'uscc_check';
}

export const normaliseUscc = (raw: string): string => raw.trim().toUpperCase();

/** The 11 Incoterms 2020 rules; the last four are for sea and inland waterway transport only. */
export const INCOTERMS = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'] as const;
export type Incoterm = (typeof INCOTERMS)[number];
export const SEA_ONLY_INCOTERMS: readonly Incoterm[] = ['FAS', 'FOB', 'CFR', 'CIF'];
export const TRANSPORT_MODES = ['sea', 'inland_waterway', 'air', 'road', 'rail', 'multimodal'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export const incotermAllows = (rule: Incoterm, mode: TransportMode): boolean =>
  !SEA_ONLY_INCOTERMS.includes(rule) || mode === 'sea' || mode === 'inland_waterway';

/** An air waybill: a 3-digit airline prefix, a 7-digit serial and its check digit (serial mod 7). */
export function awbProblem(raw: string): 'awb_shape' | 'awb_check' | null {
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^\d{11}$/.test(digits)) return 'awb_shape';
  return Number(digits.slice(3, 10)) % 7 === Number(digits[10]) ? null : 'awb_check';
}

/** A bill of lading number: carriers write their own; 4–35 letters and digits (SCAC prefix and serial). */
export const blProblem = (raw: string): 'bl_shape' | null =>
  /^[A-Z0-9]{4,35}$/.test(raw.replace(/[\s-]/g, '').toUpperCase()) ? null : 'bl_shape';
