// PromptPay / Thai QR: the EMVCo merchant-presented payload a Thai banking app scans
// (../shared/REFERENCE.md, "PromptPay / Thai QR"). Each field is a 2-digit id, a 2-digit length and
// the value; tag 63 closes it with a CRC-16/CCITT-FALSE over everything before it, "6304" included.
import { isValidThaiId } from '../../platform/thai.ts';

const PROMPTPAY_AID = 'A000000677010111';
const THB = '764';

/** CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, xorout 0 ("123456789" -> 0x29B1). */
export function crc16CcittFalse(text: string): number {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

const crcHex = (payload: string) => crc16CcittFalse(payload).toString(16).toUpperCase().padStart(4, '0');

/** One TLV field; lengths count characters and must fit in two digits. */
export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new Error(`EMV field id must be two digits, got "${id}"`);
  if (value.length > 99) throw new Error(`EMV field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

export type PromptPayTarget = { kind: 'mobile' | 'tax_id' | 'ewallet'; value: string };

/**
 * The PromptPay proxy a payment goes to, from what an operator types: a Thai mobile number
 * ("081-234-5678", "+66 81 234 5678"), a 13-digit national ID / tax ID, or a 15-digit e-wallet ID.
 * Returns null when it is none of these.
 */
export function promptPayTarget(input: string): PromptPayTarget | null {
  const digits = input.replace(/[\s\-().+]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 15) return { kind: 'ewallet', value: digits };
  if (digits.length === 13) return isValidThaiId(digits) ? { kind: 'tax_id', value: digits } : null;
  // Mobile: 0XXXXXXXXX or 66XXXXXXXXX -> "0066" + 9 digits (13 characters).
  const national = /^0(\d{9})$/.exec(digits)?.[1] ?? /^66(\d{9})$/.exec(digits)?.[1];
  return national ? { kind: 'mobile', value: `0066${national}` } : null;
}

/** Satang as the QR writes an amount: "4.22", never through floating point. */
export function qrAmount(satang: number): string {
  if (!Number.isSafeInteger(satang) || satang <= 0)
    throw new Error(`a QR amount must be a positive whole number of satang, got ${satang}`);
  return `${Math.floor(satang / 100)}.${String(satang % 100).padStart(2, '0')}`;
}

export interface PromptPayRequest {
  /** The platform's PromptPay ID (configuration). */
  target: PromptPayTarget;
  /** Set for a dynamic QR (one payment of this amount); absent for a static QR. */
  amountSatang?: number;
  /** Our payment reference, carried in tag 62 (additional data, sub-tag 05 "reference label"). */
  reference?: string;
}

/**
 * The payload string. Field order follows the published vector and the widely used promptpay-qr
 * package (00, 01, 29, 58, 53, 54, then 62 and 63), so the two agree byte for byte.
 */
export function promptPayPayload(req: PromptPayRequest): string {
  const subTag = { mobile: '01', tax_id: '02', ewallet: '03' }[req.target.kind];
  if (req.reference !== undefined && !/^[A-Za-z0-9-]{1,25}$/.test(req.reference)) {
    throw new Error('a PromptPay reference is 1-25 letters, digits or dashes');
  }
  const body =
    [
      tlv('00', '01'),
      tlv('01', req.amountSatang ? '12' : '11'),
      tlv('29', tlv('00', PROMPTPAY_AID) + tlv(subTag, req.target.value)),
      tlv('58', 'TH'),
      tlv('53', THB),
      req.amountSatang ? tlv('54', qrAmount(req.amountSatang)) : '',
      req.reference ? tlv('62', tlv('05', req.reference)) : '',
    ].join('') + '6304';
  return body + crcHex(body);
}

/** Splits a TLV string into its fields; throws on a length that runs past the end. */
export function parseTlv(s: string): Map<string, string> {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < s.length) {
    const id = s.slice(i, i + 2);
    const len = Number(s.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(s.slice(i + 2, i + 4)) || i + 4 + len > s.length)
      throw new Error('malformed EMV QR payload');
    fields.set(id, s.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return fields;
}

export interface ScannedPromptPay {
  target: PromptPayTarget;
  amountSatang: number | null;
  reference: string | null;
  currency: string;
}

/**
 * What a banking app reads from a PromptPay QR: refuses a payload whose CRC does not match, that is
 * not a PromptPay credit transfer, or whose amount is not written with two decimals.
 */
export function scanPromptPay(payload: string): ScannedPromptPay {
  if (!/^[\x20-\x7e]+$/.test(payload) || payload.length < 12) throw new Error('not an EMV QR payload');
  const crcAt = payload.length - 8;
  if (payload.slice(crcAt, crcAt + 4) !== '6304' || payload.slice(crcAt + 4) !== crcHex(payload.slice(0, crcAt + 4))) {
    throw new Error('the QR checksum does not match');
  }
  const fields = parseTlv(payload);
  if (fields.get('00') !== '01') throw new Error('not an EMV merchant-presented QR');
  const merchant = parseTlv(fields.get('29') ?? '');
  if (merchant.get('00') !== PROMPTPAY_AID) throw new Error('not a PromptPay credit transfer');
  const kind = merchant.has('01') ? 'mobile' : merchant.has('02') ? 'tax_id' : merchant.has('03') ? 'ewallet' : null;
  if (!kind) throw new Error('the QR names no PromptPay account');
  const amount = fields.get('54');
  if (amount !== undefined && !/^\d{1,10}\.\d{2}$/.test(amount)) throw new Error('the QR amount is malformed');
  const extra = fields.has('62') ? parseTlv(fields.get('62')!) : new Map<string, string>();
  return {
    target: { kind, value: merchant.get({ mobile: '01', tax_id: '02', ewallet: '03' }[kind])! },
    amountSatang: amount === undefined ? null : Number(amount.replace('.', '')),
    reference: extra.get('05') ?? null,
    currency: fields.get('53') ?? '',
  };
}
