// The main Thai banks a seller can be paid out to, by their 3-digit Bank of Thailand bank code.
// Data, not rules: add a bank by adding a row.
export interface Bank {
  code: string;
  abbr: string;
  th: string;
  zh: string;
  en: string;
}

export const BANKS: readonly Bank[] = [
  { code: '002', abbr: 'BBL', th: 'ธนาคารกรุงเทพ', zh: '盘谷银行', en: 'Bangkok Bank' },
  { code: '004', abbr: 'KBANK', th: 'ธนาคารกสิกรไทย', zh: '开泰银行', en: 'Kasikornbank' },
  { code: '006', abbr: 'KTB', th: 'ธนาคารกรุงไทย', zh: '泰京银行', en: 'Krungthai Bank' },
  { code: '011', abbr: 'TTB', th: 'ธนาคารทหารไทยธนชาต', zh: '泰军人泰纳昌银行', en: 'TMBThanachart Bank' },
  { code: '014', abbr: 'SCB', th: 'ธนาคารไทยพาณิชย์', zh: '暹罗商业银行', en: 'Siam Commercial Bank' },
  { code: '022', abbr: 'CIMBT', th: 'ธนาคารซีไอเอ็มบี ไทย', zh: '联昌国际银行（泰国）', en: 'CIMB Thai Bank' },
  { code: '024', abbr: 'UOBT', th: 'ธนาคารยูโอบี', zh: '大华银行（泰国）', en: 'United Overseas Bank (Thai)' },
  { code: '025', abbr: 'BAY', th: 'ธนาคารกรุงศรีอยุธยา', zh: '大城银行', en: 'Bank of Ayudhya (Krungsri)' },
  { code: '030', abbr: 'GSB', th: 'ธนาคารออมสิน', zh: '政府储蓄银行', en: 'Government Savings Bank' },
  { code: '033', abbr: 'GHB', th: 'ธนาคารอาคารสงเคราะห์', zh: '政府住房银行', en: 'Government Housing Bank' },
  {
    code: '034',
    abbr: 'BAAC',
    th: 'ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร',
    zh: '农业与农业合作社银行',
    en: 'Bank for Agriculture and Agricultural Cooperatives',
  },
  { code: '066', abbr: 'IBANK', th: 'ธนาคารอิสลามแห่งประเทศไทย', zh: '泰国伊斯兰银行', en: 'Islamic Bank of Thailand' },
  { code: '067', abbr: 'TISCO', th: 'ธนาคารทิสโก้', zh: '铁士古银行', en: 'TISCO Bank' },
  { code: '069', abbr: 'KKP', th: 'ธนาคารเกียรตินาคินภัทร', zh: '甲那金帕特拉银行', en: 'Kiatnakin Phatra Bank' },
  { code: '070', abbr: 'ICBCT', th: 'ธนาคารไอซีบีซี (ไทย)', zh: '中国工商银行（泰国）', en: 'ICBC (Thai)' },
  { code: '071', abbr: 'TCRB', th: 'ธนาคารไทยเครดิต', zh: '泰国信贷银行', en: 'Thai Credit Bank' },
  { code: '073', abbr: 'LHFG', th: 'ธนาคารแลนด์ แอนด์ เฮ้าส์', zh: '土地房屋银行', en: 'Land and Houses Bank' },
];

const byCode = new Map(BANKS.map((b) => [b.code, b]));
export const bankByCode = (code: string): Bank | undefined => byCode.get(code);
