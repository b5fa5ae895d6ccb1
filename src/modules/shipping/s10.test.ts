import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getTracking } from 'ts-tracking-number';
import { s10CheckDigit, s10Number, s10Problem } from './s10.ts';
import { CARRIERS, normalizeTrackingNumber } from './carriers.ts';

describe('UPU S10 tracking numbers (Thailand Post)', () => {
  it('accepts the REFERENCE example and computes its check digit', () => {
    expect(s10CheckDigit('12345678')).toBe(5);
    expect(s10Problem('EE123456785TH')).toBeNull();
    expect(s10Number('EE', 12345678)).toBe('EE123456785TH');
  });

  it('maps a remainder of 10 to 0 and of 11 to 5', () => {
    // Serials whose weighted sum leaves 0 or 1 (mod 11), found by search rather than written down.
    const serialWithSum = (target: number) => {
      for (let n = 0; n < 100_000; n++) {
        const s = String(n).padStart(8, '0');
        const sum = [8, 6, 4, 2, 3, 5, 9, 7].reduce((a, w, i) => a + w * Number(s[i]), 0);
        if (sum % 11 === target) return s;
      }
      throw new Error('none');
    };
    expect(s10CheckDigit(serialWithSum(0))).toBe(5); // 11 - 0 = 11 -> 5
    expect(s10CheckDigit(serialWithSum(1))).toBe(0); // 11 - 1 = 10 -> 0
    expect(s10CheckDigit('00000001')).toBe(4);
  });

  it('agrees with an independent implementation (ts-tracking-number) on any serial', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.constantFrom('EE', 'EB', 'RR', 'CP'),
        (serial, service) => {
          const good = s10Number(service, serial);
          expect(s10Problem(good)).toBeNull();
          expect(getTracking(good)?.courier.code).toBe('s10');
          const wrong = `${good.slice(0, 10)}${(Number(good[10]) + 1) % 10}TH`;
          expect(s10Problem(wrong)).toBe('bad_check_digit');
          expect(getTracking(wrong)).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tells a wrong format, a wrong check digit and a foreign post apart', () => {
    expect(s10Problem('EE12345678TH')).toBe('bad_format');
    expect(s10Problem('EE123456784TH')).toBe('bad_check_digit');
    expect(s10Problem('EE123456785CN')).toBe('wrong_country');
    expect(CARRIERS['thailand-post'].problem(normalizeTrackingNumber(' ee 1234 5678 5 th '))).toBeNull();
  });

  it('checks the formats of the carriers a shop may name', () => {
    expect(CARRIERS['kerry-express'].problem('SHP5012345678')).toBeNull();
    expect(CARRIERS['kerry-express'].problem('12345')).toBe('bad_format');
    expect(CARRIERS['flash-express'].problem('TH01234567890A')).toBeNull();
    expect(CARRIERS['flash-express'].problem('EE123456785TH')).toBe('bad_format');
    expect(CARRIERS['jt-express'].problem('820012345678')).toBeNull();
    expect(CARRIERS['jt-express'].problem('82001234567X')).toBe('bad_format');
  });
});
