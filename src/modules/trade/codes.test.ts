import { describe, expect, it } from 'vitest';
import { awbProblem, blProblem, INCOTERMS, incotermAllows, usccProblem } from './codes.ts';

describe('a Chinese unified social credit code (GB 32100-2015)', () => {
  it('accepts real companies’ codes, the standard’s own example and lower case', () => {
    for (const code of [
      '91350100M000100Y43', // the example printed in GB 32100-2015
      '914403001922038216', // Huawei Technologies Co., Ltd.
      '91440300708461136T', // Shenzhen Tencent Computer Systems Co., Ltd.
      '91330100716105852F', // Alibaba (China) Co., Ltd.
      ' 91350100m000100y43 ',
    ])
      expect(usccProblem(code)).toBeNull();
  });

  it('refuses a wrong check character, a letter it never uses, and the wrong length', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('uscc_check');
    expect(usccProblem('914403001922038217')).toBe('uscc_check');
    expect(usccProblem('91350100M000100O43')).toBe('uscc_shape'); // O is not in the alphabet
    expect(usccProblem('9135010AM000100Y43')).toBe('uscc_shape'); // positions 3–8 are the area code
    expect(usccProblem('91350100M000100Y4')).toBe('uscc_shape');
  });
});

describe('Incoterms 2020', () => {
  it('has the 11 rules and refuses FAS, FOB, CFR and CIF for anything but sea or inland waterway', () => {
    expect(INCOTERMS).toHaveLength(11);
    for (const rule of ['FAS', 'FOB', 'CFR', 'CIF'] as const) {
      expect(incotermAllows(rule, 'sea')).toBe(true);
      expect(incotermAllows(rule, 'inland_waterway')).toBe(true);
      expect(incotermAllows(rule, 'air')).toBe(false);
      expect(incotermAllows(rule, 'road')).toBe(false);
      expect(incotermAllows(rule, 'multimodal')).toBe(false);
    }
    for (const rule of ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'] as const)
      expect(incotermAllows(rule, 'air')).toBe(true);
  });
});

describe('shipment documents', () => {
  it('checks an air waybill’s check digit (the serial mod 7)', () => {
    expect(awbProblem('217-12345675')).toBeNull(); // 1234567 mod 7 = 5
    expect(awbProblem('21712345675')).toBeNull();
    expect(awbProblem('217-12345676')).toBe('awb_check');
    expect(awbProblem('217-1234567')).toBe('awb_shape');
  });
  it('takes a bill of lading as the carrier writes it', () => {
    expect(blProblem('MAEU 123456789')).toBeNull();
    expect(blProblem('B/L?')).toBe('bl_shape');
  });
});
