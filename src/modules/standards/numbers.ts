// The numbers each agency issues, checked as the agency writes them (REFERENCE.md, "Product
// standards"). A check gives the number as printed on the pack, a key that makes two spellings of
// one number equal, and what its parts say; or the field error to show. Shapes the agencies do not
// publish (licence and registration numbers of TISI, DIP, CICOT's certificate, OTOP registrations)
// are checked loosely and marked "unconfirmed" here: an operator still reads the document.
import { provinceByCode } from '../../platform/provinces.ts';

/** Marks a product can carry: the codes of search's certification facet. */
export const MARK_KINDS = [
  'fda',
  'tis',
  'community_standard',
  'gap',
  'organic',
  'halal',
  'gi',
  'otop',
  'thai_hom_mali',
] as const;
/** Evidence a flagship store needs: not marks, never badges. */
export const EVIDENCE_KINDS = ['trademark', 'trademark_authorisation'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];
export type CertificateKind = MarkKind | (typeof EVIDENCE_KINDS)[number];
export const CERTIFICATE_KINDS: readonly CertificateKind[] = [...MARK_KINDS, ...EVIDENCE_KINDS];
export const isMark = (kind: string): kind is MarkKind => (MARK_KINDS as readonly string[]).includes(kind);

/** Who issues each kind, and whose public look-up the verification seam asks. */
export const ISSUERS: Record<CertificateKind, { th: string; zh: string; en: string }> = {
  fda: {
    th: 'สำนักงานคณะกรรมการอาหารและยา (อย.)',
    zh: '泰国食品药品监督管理局',
    en: 'Thai Food and Drug Administration',
  },
  tis: {
    th: 'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม (สมอ.)',
    zh: '泰国工业标准协会',
    en: 'Thai Industrial Standards Institute',
  },
  community_standard: {
    th: 'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม (สมอ.)',
    zh: '泰国工业标准协会',
    en: 'Thai Industrial Standards Institute',
  },
  gap: {
    th: 'สำนักงานมาตรฐานสินค้าเกษตรและอาหารแห่งชาติ (มกอช.) / กรมวิชาการเกษตร',
    zh: '泰国国家农产品和食品标准局 / 农业厅',
    en: 'ACFS / Department of Agriculture',
  },
  organic: {
    th: 'สำนักงานมาตรฐานสินค้าเกษตรและอาหารแห่งชาติ (มกอช.)',
    zh: '泰国国家农产品和食品标准局',
    en: 'National Bureau of Agricultural Commodity and Food Standards (ACFS)',
  },
  halal: {
    th: 'คณะกรรมการกลางอิสลามแห่งประเทศไทย',
    zh: '泰国伊斯兰中央委员会',
    en: 'Central Islamic Council of Thailand',
  },
  gi: { th: 'กรมทรัพย์สินทางปัญญา', zh: '泰国知识产权厅', en: 'Department of Intellectual Property' },
  otop: { th: 'กรมการพัฒนาชุมชน', zh: '泰国社区发展厅', en: 'Community Development Department' },
  thai_hom_mali: { th: 'กรมการค้าต่างประเทศ', zh: '泰国对外贸易厅', en: 'Department of Foreign Trade' },
  trademark: { th: 'กรมทรัพย์สินทางปัญญา', zh: '泰国知识产权厅', en: 'Department of Intellectual Property' },
  trademark_authorisation: { th: 'เจ้าของเครื่องหมายการค้า', zh: '商标所有人', en: 'The trademark owner' },
};

export type NumberCheck =
  | { ok: true; number: string; key: string; facts: Record<string, string | number> }
  | { ok: false; field: string; code: string; params?: Record<string, string | number> };

const fail = (code: string, params?: Record<string, string | number>, field = 'number'): NumberCheck => ({
  ok: false,
  field,
  code,
  params,
});
const squeeze = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const keyOf = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\s./-]/g, '')
    .toUpperCase();

/** The Buddhist-era year now (Bangkok), for the years in standard numbers. */
export const currentBuddhistYear = (now = new Date()) => new Date(now.getTime() + 7 * 3600_000).getUTCFullYear() + 543;

/**
 * Thai FDA food serial number (เลขสารบบอาหาร): 13 digits shown XX-X-XXXXX-X-XXXX. Digits 1-2 the
 * province of the premises, 3 the premises type and licensing office (1 made/FDA, 2 made/province,
 * 3 imported/FDA, 4 imported/province), 4-8 the premises number and the last two digits of its
 * licensing year (B.E.), 9 the office that issued the product number, 10-13 the product's sequence.
 * No check digit: the shape and the province code are what can be checked.
 */
export function checkFdaNumber(input: string): NumberCheck {
  const written = squeeze(input);
  const digits = written.replace(/[\s-]/g, '');
  if (!/^\d{13}$/.test(digits)) return fail('fda_number_shape');
  // Grouped or not, but if grouped then as the agency groups it.
  if (/[\s-]/.test(written) && !/^\d{2}[-\s]\d[-\s]\d{5}[-\s]\d[-\s]\d{4}$/.test(written))
    return fail('fda_number_shape');
  const province = digits.slice(0, 2);
  if (!provinceByCode(province)) return fail('fda_number_province', { code: province });
  const premisesType = Number(digits[2]);
  if (premisesType < 1 || premisesType > 4) return fail('fda_number_premises_type', { digit: digits[2] });
  return {
    ok: true,
    number: `${digits.slice(0, 2)}-${digits[2]}-${digits.slice(3, 8)}-${digits[8]}-${digits.slice(9)}`,
    key: digits,
    facts: {
      provinceCode: province,
      premisesType,
      imported: premisesType >= 3 ? 1 : 0,
      premisesNumber: digits.slice(3, 6),
      premisesLicenceYear: 2500 + Number(digits.slice(6, 8)),
      issuingOffice: digits[8],
      sequence: digits.slice(9),
    },
  };
}

function standardRef(input: string, pattern: RegExp, prefix: string, sep: string, code: string): NumberCheck {
  const m = pattern.exec(squeeze(input));
  if (!m) return fail(code, {}, 'standardRef');
  const year = Number(m[2]);
  if (year < 2500 || year > currentBuddhistYear() + 1) return fail(`${code}_year`, { year }, 'standardRef');
  const number = `${prefix} ${Number(m[1])}${sep}${year}`;
  return { ok: true, number, key: keyOf(number), facts: { standard: Number(m[1]), year } };
}

/** มอก. <number>-<Buddhist year>, e.g. มอก. 309-2525 (also written TIS 309-2525). */
export const checkTisStandard = (input: string) =>
  standardRef(input, /^(?:มอก\.?|TIS)\s?(\d{1,5})\s?-\s?(\d{4})$/i, 'มอก.', '-', 'tis_standard_shape');

/** มผช. <number>/<Buddhist year>, e.g. มผช. 1/2546. */
export const checkCommunityStandard = (input: string) =>
  standardRef(input, /^(?:มผช\.?|TCPS)\s?(\d{1,4})\s?\/\s?(\d{4})$/i, 'มผช.', '/', 'community_standard_shape');

const Q_MARK = /^(กษ|AC|[A-Z]{2})\s?(\d{2})-(\d{4})-(\d{2})-(\d{3})-(\d{6})\s?([A-Za-z]{2,12}|[ก-๙]{2,12})$/;

/**
 * ACFS Q mark: "กษ AA-BBBB-CC-DDD-EEEEEE XXX". กษ domestic, AC export, or the country code of an
 * import; the certifier (AA), the standard's code (BBBB), the province as in ISO 3166-2:TH (CC), the
 * product type (DDD), the sequence (EEEEEE) and the process standard's abbreviation (GAP, ...).
 */
export function checkQMark(input: string, kind: 'gap' | 'organic'): NumberCheck {
  const m = Q_MARK.exec(squeeze(input).toUpperCase());
  if (!m) return fail('q_mark_shape');
  const [, prefix, certifier, standard, province, productType, sequence, process] = m;
  if (prefix === 'TH') return fail('q_mark_shape');
  if (!provinceByCode(province)) return fail('q_mark_province', { code: province });
  if (kind === 'gap' && !/GAP/i.test(process)) return fail('q_mark_process', { process, expected: 'GAP' });
  if (kind === 'organic' && /GAP/i.test(process)) return fail('q_mark_process', { process, expected: 'Organic' });
  const number = `${prefix} ${certifier}-${standard}-${province}-${productType}-${sequence} ${process.toUpperCase()}`;
  return {
    ok: true,
    number,
    key: keyOf(number),
    facts: {
      scope: prefix === 'กษ' ? 'domestic' : prefix === 'AC' ? 'export' : 'import',
      ...(prefix !== 'กษ' && prefix !== 'AC' ? { country: prefix } : {}),
      certifier,
      standardCode: standard,
      provinceCode: province,
      provinceIso: `TH-${province}`,
      productType,
      sequence,
      process: process.toUpperCase(),
    },
  };
}

/** Thai Halal: the 12-digit product number CICOT prints under the mark. */
export function checkHalalNumber(input: string): NumberCheck {
  const digits = squeeze(input).replace(/[\s-]/g, '');
  if (!/^\d{12}$/.test(digits)) return fail('halal_number_shape');
  return { ok: true, number: digits, key: digits, facts: {} };
}

/** A DIP trademark registration (a Thai letter and digits, e.g. ค123456) or application number (9 digits); unconfirmed. */
export function checkTrademarkNumber(input: string, field = 'number'): NumberCheck {
  const s = squeeze(input).replace(/\s/g, '');
  if (!/^(?:[ก-ฮ]\d{3,9}|\d{9})$/.test(s)) return fail('trademark_number_shape', {}, field);
  return { ok: true, number: s, key: keyOf(s), facts: {} };
}

/** Licence, certificate and registration numbers whose shape no agency publishes: letters, digits, - / . (unconfirmed). */
export function checkLooseNumber(input: string, field = 'number'): NumberCheck {
  const s = squeeze(input);
  if (!/^[\p{L}\p{N}][\p{L}\p{N}\p{M} ./-]{1,39}$/u.test(s) || !/\d/.test(s)) return fail('number_shape', {}, field);
  return { ok: true, number: s, key: keyOf(s), facts: {} };
}

/** The number of a certificate of this kind (the standard referred to is checked apart). */
export function checkNumber(kind: CertificateKind, input: string): NumberCheck {
  switch (kind) {
    case 'fda':
      return checkFdaNumber(input);
    case 'gap':
    case 'organic':
      return checkQMark(input, kind);
    case 'halal':
      return checkHalalNumber(input);
    case 'trademark':
      return checkTrademarkNumber(input);
    default:
      return checkLooseNumber(input);
  }
}
