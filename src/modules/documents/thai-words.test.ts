import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import bahttextModule from 'bahttext';
import { bahtText } from './thai-words.ts';

// bahttext (npm) is an independent implementation; it is CommonJS typed as a default export.
const independent = ((bahttextModule as any).bahttext ?? (bahttextModule as any).default?.bahttext) as (
  n: number | string,
) => string;

describe('amounts in Thai words', () => {
  it('writes known amounts as a Thai tax invoice does', () => {
    const cases: [number, string][] = [
      [0, 'ศูนย์บาทถ้วน'],
      [100, 'หนึ่งบาทถ้วน'],
      [1_100, 'สิบเอ็ดบาทถ้วน'],
      [2_100, 'ยี่สิบเอ็ดบาทถ้วน'],
      [2_000, 'ยี่สิบบาทถ้วน'],
      [10_100, 'หนึ่งร้อยเอ็ดบาทถ้วน'],
      [134_000, 'หนึ่งพันสามร้อยสี่สิบบาทถ้วน'],
      [10_025, 'หนึ่งร้อยบาทยี่สิบห้าสตางค์'],
      [50, 'ห้าสิบสตางค์'],
      [1, 'หนึ่งสตางค์'],
      [21, 'ยี่สิบเอ็ดสตางค์'],
      [100_000_000, 'หนึ่งล้านบาทถ้วน'],
      [2_100_000_000, 'ยี่สิบเอ็ดล้านบาทถ้วน'],
      [123_456_789_00, 'หนึ่งร้อยยี่สิบสามล้านสี่แสนห้าหมื่นหกพันเจ็ดร้อยแปดสิบเก้าบาทถ้วน'],
      [100_000_100, 'หนึ่งล้านเอ็ดบาทถ้วน'],
      [89_238, 'แปดร้อยเก้าสิบสองบาทสามสิบแปดสตางค์'],
    ];
    for (const [satang, words] of cases) expect(bahtText(satang), String(satang)).toBe(words);
    expect(() => bahtText(-1)).toThrow();
    expect(() => bahtText(1.5)).toThrow();
  });

  it('agrees with the independent bahttext package wherever both conventions agree', () => {
    // bahttext writes 101 as "หนึ่งร้อยหนึ่ง"; both spellings are in use. Amounts whose baht end in 01 are left out.
    const satang = fc.integer({ min: 0, max: 99_999_999_999 }).filter((s) => {
      const baht = Math.floor(s / 100);
      return baht % 100 !== 1 && Math.floor(baht / 1_000_000) % 100 !== 1;
    });
    fc.assert(
      fc.property(satang, (s) => {
        const text = `${Math.floor(s / 100)}.${String(s % 100).padStart(2, '0')}`;
        expect(bahtText(s)).toBe(independent(text));
      }),
      { numRuns: 2000 },
    );
  });
});
