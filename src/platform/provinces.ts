// Thailand's 77 provinces: ISO 3166-2:TH code ("TH-" + the 2-digit province code), names in
// Thai, English and Chinese, region by the six-region scheme, and whether the province is one of
// the 55 secondary-city provinces (เมืองรอง, Ministerial Regulation No. 335, 2018).
export type Region = 'north' | 'central' | 'northeast' | 'west' | 'east' | 'south';
export interface Province {
  code: string;
  iso: string;
  th: string;
  en: string;
  zh: string;
  region: Region;
  secondaryCity: boolean;
}

const rows: [string, string, string, string, Region][] = [
  ['10', 'กรุงเทพมหานคร', 'Bangkok', '曼谷', 'central'],
  ['11', 'สมุทรปราการ', 'Samut Prakan', '北榄', 'central'],
  ['12', 'นนทบุรี', 'Nonthaburi', '暖武里', 'central'],
  ['13', 'ปทุมธานี', 'Pathum Thani', '巴吞他尼', 'central'],
  ['14', 'พระนครศรีอยุธยา', 'Phra Nakhon Si Ayutthaya', '大城', 'central'],
  ['15', 'อ่างทอง', 'Ang Thong', '红统', 'central'],
  ['16', 'ลพบุรี', 'Lop Buri', '华富里', 'central'],
  ['17', 'สิงห์บุรี', 'Sing Buri', '信武里', 'central'],
  ['18', 'ชัยนาท', 'Chai Nat', '猜纳', 'central'],
  ['19', 'สระบุรี', 'Saraburi', '北标', 'central'],
  ['20', 'ชลบุรี', 'Chon Buri', '春武里', 'east'],
  ['21', 'ระยอง', 'Rayong', '罗勇', 'east'],
  ['22', 'จันทบุรี', 'Chanthaburi', '尖竹汶', 'east'],
  ['23', 'ตราด', 'Trat', '达叻', 'east'],
  ['24', 'ฉะเชิงเทรา', 'Chachoengsao', '北柳', 'east'],
  ['25', 'ปราจีนบุรี', 'Prachin Buri', '巴真武里', 'east'],
  ['26', 'นครนายก', 'Nakhon Nayok', '那空那育', 'central'],
  ['27', 'สระแก้ว', 'Sa Kaeo', '沙缴', 'east'],
  ['30', 'นครราชสีมา', 'Nakhon Ratchasima', '呵叻', 'northeast'],
  ['31', 'บุรีรัมย์', 'Buri Ram', '武里南', 'northeast'],
  ['32', 'สุรินทร์', 'Surin', '素林', 'northeast'],
  ['33', 'ศรีสะเกษ', 'Si Sa Ket', '四色菊', 'northeast'],
  ['34', 'อุบลราชธานี', 'Ubon Ratchathani', '乌汶', 'northeast'],
  ['35', 'ยโสธร', 'Yasothon', '益梭通', 'northeast'],
  ['36', 'ชัยภูมิ', 'Chaiyaphum', '猜也奔', 'northeast'],
  ['37', 'อำนาจเจริญ', 'Amnat Charoen', '安纳乍伦', 'northeast'],
  ['38', 'บึงกาฬ', 'Bueng Kan', '汶干', 'northeast'],
  ['39', 'หนองบัวลำภู', 'Nong Bua Lam Phu', '廊磨南蒲', 'northeast'],
  ['40', 'ขอนแก่น', 'Khon Kaen', '孔敬', 'northeast'],
  ['41', 'อุดรธานี', 'Udon Thani', '乌隆', 'northeast'],
  ['42', 'เลย', 'Loei', '黎', 'northeast'],
  ['43', 'หนองคาย', 'Nong Khai', '廊开', 'northeast'],
  ['44', 'มหาสารคาม', 'Maha Sarakham', '玛哈沙拉堪', 'northeast'],
  ['45', 'ร้อยเอ็ด', 'Roi Et', '黎逸', 'northeast'],
  ['46', 'กาฬสินธุ์', 'Kalasin', '加拉信', 'northeast'],
  ['47', 'สกลนคร', 'Sakon Nakhon', '色军', 'northeast'],
  ['48', 'นครพนม', 'Nakhon Phanom', '那空帕农', 'northeast'],
  ['49', 'มุกดาหาร', 'Mukdahan', '莫达汉', 'northeast'],
  ['50', 'เชียงใหม่', 'Chiang Mai', '清迈', 'north'],
  ['51', 'ลำพูน', 'Lamphun', '南奔', 'north'],
  ['52', 'ลำปาง', 'Lampang', '南邦', 'north'],
  ['53', 'อุตรดิตถ์', 'Uttaradit', '程逸', 'north'],
  ['54', 'แพร่', 'Phrae', '帕府', 'north'],
  ['55', 'น่าน', 'Nan', '难府', 'north'],
  ['56', 'พะเยา', 'Phayao', '帕尧', 'north'],
  ['57', 'เชียงราย', 'Chiang Rai', '清莱', 'north'],
  ['58', 'แม่ฮ่องสอน', 'Mae Hong Son', '夜丰颂', 'north'],
  ['60', 'นครสวรรค์', 'Nakhon Sawan', '北榄坡', 'central'],
  ['61', 'อุทัยธานี', 'Uthai Thani', '乌泰他尼', 'central'],
  ['62', 'กำแพงเพชร', 'Kamphaeng Phet', '甘烹碧', 'central'],
  ['63', 'ตาก', 'Tak', '达府', 'west'],
  ['64', 'สุโขทัย', 'Sukhothai', '素可泰', 'central'],
  ['65', 'พิษณุโลก', 'Phitsanulok', '彭世洛', 'central'],
  ['66', 'พิจิตร', 'Phichit', '披集', 'central'],
  ['67', 'เพชรบูรณ์', 'Phetchabun', '碧差汶', 'central'],
  ['70', 'ราชบุรี', 'Ratchaburi', '叻丕', 'west'],
  ['71', 'กาญจนบุรี', 'Kanchanaburi', '北碧', 'west'],
  ['72', 'สุพรรณบุรี', 'Suphan Buri', '素攀武里', 'central'],
  ['73', 'นครปฐม', 'Nakhon Pathom', '佛统', 'central'],
  ['74', 'สมุทรสาคร', 'Samut Sakhon', '龙仔厝', 'central'],
  ['75', 'สมุทรสงคราม', 'Samut Songkhram', '夜功', 'central'],
  ['76', 'เพชรบุรี', 'Phetchaburi', '佛丕', 'west'],
  ['77', 'ประจวบคีรีขันธ์', 'Prachuap Khiri Khan', '巴蜀', 'west'],
  ['80', 'นครศรีธรรมราช', 'Nakhon Si Thammarat', '洛坤', 'south'],
  ['81', 'กระบี่', 'Krabi', '甲米', 'south'],
  ['82', 'พังงา', 'Phang Nga', '攀牙', 'south'],
  ['83', 'ภูเก็ต', 'Phuket', '普吉', 'south'],
  ['84', 'สุราษฎร์ธานี', 'Surat Thani', '素叻他尼', 'south'],
  ['85', 'ระนอง', 'Ranong', '拉廊', 'south'],
  ['86', 'ชุมพร', 'Chumphon', '春蓬', 'south'],
  ['90', 'สงขลา', 'Songkhla', '宋卡', 'south'],
  ['91', 'สตูล', 'Satun', '沙敦', 'south'],
  ['92', 'ตรัง', 'Trang', '董里', 'south'],
  ['93', 'พัทลุง', 'Phatthalung', '博达伦', 'south'],
  ['94', 'ปัตตานี', 'Pattani', '北大年', 'south'],
  ['95', 'ยะลา', 'Yala', '也拉', 'south'],
  ['96', 'นราธิวาส', 'Narathiwat', '陶公', 'south'],
];

const SECONDARY_CITIES = new Set(
  (
    '57 52 51 58 55 56 54 63 53 37 38 31 36 46 42 44 49 48 39 43 45 47 33 32 34 41 35 ' +
    '15 18 62 16 26 60 67 66 65 70 75 17 64 72 61 22 25 27 23 86 80 96 94 93 85 91 92 95'
  ).split(' '),
);

export const PROVINCES: readonly Province[] = rows.map(([code, th, en, zh, region]) => ({
  code,
  iso: `TH-${code}`,
  th,
  en,
  zh,
  region,
  secondaryCity: SECONDARY_CITIES.has(code),
}));

const byCode = new Map(PROVINCES.map((p) => [p.code, p]));
export const provinceByCode = (code: string): Province | undefined => byCode.get(code);
export const PROVINCE_CODES = PROVINCES.map((p) => p.code);
