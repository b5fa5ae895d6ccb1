// The cross-border line-haul carrier's adapter, in its customs role: it assigns the waybill number
// that CEB511 declares and the hub's parcels carry. Format (stable, documented in the README):
// "TLX" + a 9-digit serial + one check digit (Luhn mod 10 over the serial), e.g. TLX0000000018.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';

export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export const isWaybillNo = (s: string) => /^TLX\d{10}$/.test(s) && luhnDigit(s.slice(3, 12)) === Number(s[12]);

export interface LineHaulCarrier {
  readonly code: string;
  assignWaybill(tx: Executor): Promise<string>;
}

/** Talad's line-haul partner in the sandbox: serials from the database, so numbers never repeat. */
export function lineHaulCarrier(code: string): LineHaulCarrier {
  return {
    code,
    async assignWaybill(tx) {
      const [row] = await queryRows<{ n: string }>(tx, sql`select nextval('customs_waybill_serial')::text as n`);
      const serial = row.n.padStart(9, '0');
      if (serial.length > 9) throw new Error('waybill serials exhausted');
      return `TLX${serial}${luhnDigit(serial)}`;
    },
  };
}
