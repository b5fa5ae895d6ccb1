// The shapes of the Thai address lists the server sends (src/web/thai-address.ts makes them).
export interface AddressSubdistrict {
  code: string;
  th: string;
  postcode: string;
}
export interface AddressDistrict {
  code: string;
  th: string;
  subdistricts: AddressSubdistrict[];
}
export interface PostcodeMatch {
  code: string;
  provinceCode: string;
  district: string;
  subdistrict: string;
}
