// Carriers behind one interface: what they are called, how their tracking numbers look, and
// whether the platform books them (Thailand Post and the cross-border line-haul, through the
// carrier sandbox here) or a shop only tells us the number it was given (Kerry, Flash, J&T).
import { s10Problem } from './s10.ts';

export type CarrierCode = 'thailand-post' | 'kerry-express' | 'flash-express' | 'jt-express' | 'linehaul-cn';
type Text = { th: string; zh: string; en: string };

export interface Carrier {
  code: CarrierCode;
  name: Text;
  /** How a tracking number is written, for the error a shop sees. */
  format: Text;
  /** Why a tracking number (already normalized) is not one of this carrier's, or null. */
  problem(trackingNumber: string): string | null;
  /** Whether a shop may name this carrier when it ships an order itself. */
  sellerSelectable: boolean;
  /** Whether the carrier sandbox emits tracking events for this carrier's parcels. */
  sandboxTracked: boolean;
}

/** Upper case, spaces and dashes gone: how numbers are stored and compared. */
export const normalizeTrackingNumber = (s: string): string => s.toUpperCase().replace(/[\s-]/g, '');

const pattern = (re: RegExp) => (n: string) => (re.test(n) ? null : 'bad_format');

// Kerry (KEX), Flash and J&T publish no formal specification of their numbers: these patterns
// follow the numbers they print on their labels (unconfirmed; kept here as data to change).
export const CARRIERS: Record<CarrierCode, Carrier> = {
  'thailand-post': {
    code: 'thailand-post',
    sellerSelectable: true,
    sandboxTracked: true,
    name: { th: 'ไปรษณีย์ไทย', zh: '泰国邮政', en: 'Thailand Post' },
    format: {
      th: 'ตัวอักษร 2 ตัว ตัวเลข 9 หลัก และ TH เช่น EE123456785TH',
      zh: '2 个字母、9 位数字和 TH，例如 EE123456785TH',
      en: '2 letters, 9 digits and TH, e.g. EE123456785TH',
    },
    problem: (n) => s10Problem(n, 'TH'),
  },
  'kerry-express': {
    code: 'kerry-express',
    sellerSelectable: true,
    sandboxTracked: false,
    name: { th: 'เคอรี่ เอ็กซ์เพรส (KEX)', zh: '嘉里快递 (KEX)', en: 'Kerry Express (KEX)' },
    format: {
      th: 'ตัวอักษร 3–5 ตัว ตามด้วยตัวเลข 8–12 หลัก',
      zh: '3–5 个字母后接 8–12 位数字',
      en: '3–5 letters followed by 8–12 digits',
    },
    problem: pattern(/^[A-Z]{3,5}\d{8,12}$/),
  },
  'flash-express': {
    code: 'flash-express',
    sellerSelectable: true,
    sandboxTracked: false,
    name: { th: 'แฟลช เอ็กซ์เพรส', zh: 'Flash Express 快递', en: 'Flash Express' },
    format: {
      th: 'TH ตามด้วยตัวอักษรหรือตัวเลข 10–12 ตัว',
      zh: 'TH 后接 10–12 个字母或数字',
      en: 'TH followed by 10–12 letters or digits',
    },
    problem: (n) => (/^TH[0-9A-Z]{10,12}$/.test(n) && /\d{4}/.test(n) ? null : 'bad_format'),
  },
  'jt-express': {
    code: 'jt-express',
    sellerSelectable: true,
    sandboxTracked: false,
    name: { th: 'เจแอนด์ที เอ็กซ์เพรส', zh: '极兔速递', en: 'J&T Express' },
    format: { th: 'ตัวเลข 12–15 หลัก', zh: '12–15 位数字', en: '12–15 digits' },
    problem: pattern(/^\d{12,15}$/),
  },
  'linehaul-cn': {
    code: 'linehaul-cn',
    sellerSelectable: false,
    sandboxTracked: true,
    name: { th: 'ขนส่งข้ามแดนไทย–จีน', zh: '泰中跨境干线物流', en: 'Thailand–China line-haul' },
    format: { th: 'เลขใบตราส่งศุลกากร', zh: '海关运单号', en: 'the customs waybill number' },
    problem: pattern(/^[A-Z0-9]{4,60}$/),
  },
};

export const SELLER_CARRIERS = Object.values(CARRIERS)
  .filter((c) => c.sellerSelectable)
  .map((c) => c.code);
export const isCarrierCode = (s: string): s is CarrierCode => s in CARRIERS;
