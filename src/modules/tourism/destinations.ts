// The secondary-city provinces (เมืองรอง) as dated, versioned reference data. A new government
// measure is a new entry in SECONDARY_CITY_VERSIONS (with its date and source); bookings keep the
// province code, and a destination page reads the version in force on a given day.
import { PROVINCES, type Province } from '../../platform/provinces.ts';

export interface SecondaryCityVersion {
  version: string;
  /** The day the measure took effect (ISO date). */
  effectiveFrom: string;
  source: string;
  provinceCodes: readonly string[];
}

const CODES_2018 = (
  '57 52 51 58 55 56 54 63 53 37 38 31 36 46 42 44 49 48 39 43 45 47 33 32 34 41 35 ' +
  '15 18 62 16 26 60 67 66 65 70 75 17 64 72 61 22 25 27 23 86 80 96 94 93 85 91 92 95'
).split(' ');

export const SECONDARY_CITY_VERSIONS: readonly SecondaryCityVersion[] = [
  {
    version: '2018-mr335',
    effectiveFrom: '2018-01-01',
    source:
      'Ministerial Regulation No. 335 (B.E. 2561 / 2018) under the Revenue Code, tax deduction for tourism in 55 secondary-city provinces',
    provinceCodes: CODES_2018,
  },
  {
    version: '2024-travel-tax',
    effectiveFrom: '2024-01-01',
    source: 'Travel tax measures of 2024 and 2025 (the same 55 provinces, called "เมืองน่าเที่ยว" in 2024)',
    provinceCodes: CODES_2018,
  },
];

/** The version in force on a day (ISO date); the latest by default. */
export function secondaryCitiesOn(day: string = new Date().toISOString().slice(0, 10)): SecondaryCityVersion {
  const inForce = SECONDARY_CITY_VERSIONS.filter((v) => v.effectiveFrom <= day);
  return inForce[inForce.length - 1] ?? SECONDARY_CITY_VERSIONS[0];
}

export function isSecondaryCity(provinceCode: string, day?: string): boolean {
  return secondaryCitiesOn(day).provinceCodes.includes(provinceCode);
}

export function destinationProvinces(day?: string): Province[] {
  const codes = new Set(secondaryCitiesOn(day).provinceCodes);
  return PROVINCES.filter((p) => codes.has(p.code));
}

/** What to see, for the destinations the demo and pages describe (others show the province only). */
export const HIGHLIGHTS: Record<string, { th: string; zh: string; en: string }> = {
  '55': {
    th: 'วัดภูมินทร์ จิตรกรรมปู่ม่านย่าม่าน ดอยเสมอดาว และผ้าทอไทลื้อ',
    zh: '普明寺壁画、多萨默道山和傣泐族手工织布',
    en: 'Wat Phumin murals, Doi Samoe Dao and Tai Lue hand weaving',
  },
  '45': {
    th: 'บึงพลาญชัย พระมหาเจดีย์ชัยมงคล และทุ่งกุลาร้องไห้ ถิ่นข้าวหอมมะลิ',
    zh: '蓬帕兰猜湖、猜蒙空大佛塔和茉莉香米之乡童古拉荣海',
    en: 'Bueng Phalan Chai, Phra Maha Chedi Chai Mongkhon and the Thung Kula jasmine-rice plain',
  },
  '22': {
    th: 'สวนทุเรียนและมังคุด ชุมชนริมน้ำจันทบูร และตลาดพลอย',
    zh: '榴莲与山竹果园、尖竹汶河畔老社区和宝石市场',
    en: 'Durian and mangosteen orchards, the Chanthaboon waterfront and the gem market',
  },
  '67': {
    th: 'เขาค้อ ภูทับเบิก และมะขามหวานเพชรบูรณ์',
    zh: '考科山、普塔伯山和碧差汶甜罗望子',
    en: 'Khao Kho, Phu Thap Boek and Phetchabun sweet tamarind',
  },
};
