// Why customs (or its sandbox, or our own checks before sending) refused a document: stored as a
// stable code with its parameters, rendered only when someone reads it, in their language. A plain
// string is text already written (a real customs receipt's own words, or a row stored before the
// codes): it is shown as it is. Parameters are field names, amounts and codes — never an ID number.
import { hasMessage, registerMessages, translate, type Locale } from '../../platform/i18n.ts';

export interface CustomsReason {
  code: string;
  params?: Record<string, string | number>;
}
/** As stored in receipts, the rejection queue and the `customs.order_rejected` event. */
export type StoredReason = CustomsReason | string;
/** As the API answers: the code (null for plain text) and its text in the reader's language. */
export interface RenderedReason {
  code: string | null;
  params: Record<string, string | number>;
  text: string;
}

export const reason = (code: string, params?: Record<string, string | number>): CustomsReason =>
  params ? { code, params } : { code };

const key = (code: string) => `customs.reason.${code}`;

export function reasonText(r: StoredReason, locale: Locale): string {
  if (typeof r === 'string') return r;
  if (!r || typeof r.code !== 'string') return String(r);
  return hasMessage(key(r.code)) ? translate(key(r.code), locale, r.params) : r.code;
}

export function renderReasons(reasons: readonly StoredReason[] | null | undefined, locale: Locale): RenderedReason[] {
  return (reasons ?? []).map((r) =>
    typeof r === 'string'
      ? { code: null, params: {}, text: r }
      : { code: r.code, params: r.params ?? {}, text: reasonText(r, locale) },
  );
}

type Texts = { th: string; zh: string; en: string };
const REASONS: Record<string, Texts> = {
  // The sandbox's format check (receipt 900).
  signature_invalid: {
    th: 'ลายมือชื่ออิเล็กทรอนิกส์ของข้อความตรวจสอบไม่ผ่าน',
    zh: '报文签名验证未通过',
    en: 'The message signature does not verify',
  },
  xml_malformed: {
    th: 'ข้อความไม่ใช่ XML ที่มีรูปแบบถูกต้อง',
    zh: '报文不是格式正确的 XML',
    en: 'The message is not well-formed XML',
  },
  wrong_root: {
    th: 'องค์ประกอบราก (root element) ไม่ใช่ {type}Message',
    zh: '报文根元素不是 {type}Message',
    en: 'The root element is not {type}Message',
  },
  wrong_namespace: {
    th: 'ข้อความไม่ได้อยู่ในเนมสเปซ {namespace}',
    zh: '报文不在命名空间 {namespace} 中',
    en: 'The message is not in the namespace {namespace}',
  },
  missing_head: {
    th: '{type} ไม่มี {head} หรือ BaseTransfer',
    zh: '{type} 缺少 {head} 或 BaseTransfer',
    en: '{type} lacks {head} or BaseTransfer',
  },
  bad_guid: {
    th: 'guid ต้องเป็นอักขระตัวพิมพ์ใหญ่ 36 ตัว',
    zh: 'guid 须为 36 位大写字符',
    en: 'guid must be 36 upper-case characters',
  },
  no_lines: { th: '{type} ไม่มี {list}', zh: '{type} 缺少 {list}', en: '{type} has no {list}' },
  // The order (312).
  order_no_mismatch: {
    th: 'orderNo ไม่ตรงกับเลขที่คำสั่งซื้อที่ส่งมา',
    zh: 'orderNo 与所传输的订单编号不一致',
    en: 'orderNo differs from the transmitted order number',
  },
  amounts_not_two_decimals: {
    th: 'จำนวนเงินต้องมีทศนิยมสองตำแหน่ง',
    zh: '金额须保留两位小数',
    en: 'Amounts must have two decimals',
  },
  actural_paid_mismatch: {
    th: 'acturalPaid {paid} ไม่เท่ากับ goodsValue + freight + taxTotal - discount = {expected}',
    zh: 'acturalPaid {paid} 不等于 goodsValue + freight + taxTotal - discount = {expected}',
    en: 'acturalPaid {paid} is not goodsValue + freight + taxTotal - discount = {expected}',
  },
  goods_value_mismatch: {
    th: 'goodsValue {goods} ไม่เท่ากับผลรวมของรายการสินค้า {lines}',
    zh: 'goodsValue {goods} 不等于商品明细合计 {lines}',
    en: 'goodsValue {goods} is not the sum of the goods lines {lines}',
  },
  line_total_mismatch: {
    th: 'รายการที่ {line}: price x qty ไม่เท่ากับ totalPrice',
    zh: '第 {line} 项：price x qty 不等于 totalPrice',
    en: 'Line {line}: price x qty is not totalPrice',
  },
  order_over_limit: {
    th: 'ยอด {paid} หยวนของคำสั่งซื้อนี้เกินวงเงิน {limit} หยวนต่อครั้ง',
    zh: '该订单金额 {paid} 元超过单次交易限值 {limit} 元',
    en: "The order's {paid} CNY is over the {limit} CNY per-transaction limit",
  },
  buyer_id_invalid: {
    th: 'เลขบัตรประชาชนของผู้ซื้อไม่ถูกต้อง',
    zh: '订购人身份证号码无效',
    en: "The buyer's resident ID number is not valid",
  },
  buyer_name_missing: { th: 'ไม่มีชื่อจริงของผู้ซื้อ', zh: '缺少订购人真实姓名', en: "The buyer's real name is missing" },
  yearly_limit_exceeded: {
    th: 'ยอดซื้อของผู้ซื้อในปีนี้ ({used} หยวน) รวมกับคำสั่งซื้อนี้เกินวงเงิน {limit} หยวนต่อปี',
    zh: '订购人本年度已购金额（{used} 元）加上本订单超过年度限值 {limit} 元',
    en: "The buyer's purchases this year ({used} CNY) with this order pass the {limit} CNY yearly limit",
  },
  // The payment (412), the waybill (512), the inventory list (622).
  order_not_accepted: {
    th: 'คำสั่งซื้อ (CEB311) ของเอกสารนี้ไม่ผ่านการตรวจรับ',
    zh: '该单证对应的订单（CEB311）未通过',
    en: 'The order (CEB311) for this document was not accepted',
  },
  payment_amount_mismatch: {
    th: 'ยอดชำระ {paid} ไม่เท่ากับ acturalPaid ของคำสั่งซื้อ {expected}',
    zh: '支付金额 {paid} 与订单的 acturalPaid {expected} 不一致',
    en: "The payment amount {paid} does not equal the order's acturalPaid {expected}",
  },
  payer_not_buyer: {
    th: 'ผู้ชำระเงินไม่ใช่ผู้ซื้อที่ระบุในคำสั่งซื้อ (ชื่อจริงและเลขบัตรประชาชนต้องตรงกัน)',
    zh: '支付人不是订单上的订购人（真实姓名和身份证号码须一致）',
    en: 'The payer is not the buyer named on the order (real name and ID number must match)',
  },
  payment_transaction_mismatch: {
    th: 'รายการชำระเงินไม่ตรงกับที่ระบุในคำสั่งซื้อ',
    zh: '支付交易与订单所载不一致',
    en: "The payment transaction does not match the order's",
  },
  consignee_mismatch: {
    th: 'ผู้รับสินค้าในใบขนส่ง (ชื่อ ที่อยู่ โทรศัพท์) ไม่ตรงกับในคำสั่งซื้อ',
    zh: '运单的收货人（姓名、地址、电话）与订单不一致',
    en: "The waybill's consignee (name, address, telephone) differs from the order's",
  },
  freight_mismatch: {
    th: 'ค่าขนส่งในใบขนส่ง {waybill} ไม่ตรงกับในคำสั่งซื้อ {order}',
    zh: '运单运费 {waybill} 与订单运费 {order} 不一致',
    en: "The waybill's freight {waybill} differs from the order's {order}",
  },
  payment_not_accepted: {
    th: 'ใบชำระเงิน (CEB411) ไม่ผ่านการตรวจรับ',
    zh: '支付单（CEB411）未通过',
    en: 'The payment (CEB411) was not accepted',
  },
  waybill_not_accepted: {
    th: 'ใบขนส่ง (CEB511) ไม่ผ่านการตรวจรับ',
    zh: '运单（CEB511）未通过',
    en: 'The waybill (CEB511) was not accepted',
  },
  logistics_no_mismatch: {
    th: 'logisticsNo ในบัญชีรายการสินค้าไม่ตรงกับในใบขนส่ง',
    zh: '清单的 logisticsNo 与运单不一致',
    en: "The inventory list's logisticsNo differs from the waybill's",
  },
  trade_mode_not_bonded: {
    th: 'สินค้าในคลังทัณฑ์บนต้องยื่นภายใต้รูปแบบการค้า 1210',
    zh: '保税备货须按贸易方式 1210 申报',
    en: 'Bonded stock is declared under trade mode 1210',
  },
  ems_no_invalid: {
    th: 'ไม่มีเลขสมุดบัญชีคลังทัณฑ์บน (emsNo) หรือรูปแบบไม่ถูกต้อง',
    zh: '保税账册编号（emsNo）缺失或格式不正确',
    en: 'The bonded account book number (emsNo) is missing or malformed',
  },
  inventory_buyer_mismatch: {
    th: 'ผู้ซื้อในบัญชีรายการสินค้าไม่ตรงกับในคำสั่งซื้อ',
    zh: '清单的订购人与订单不一致',
    en: "The inventory list's buyer differs from the order's",
  },
  inventory_goods_mismatch: {
    th: 'สินค้าในบัญชีรายการสินค้า (รายการ จำนวน มูลค่า) ไม่ตรงกับในคำสั่งซื้อ',
    zh: '清单的商品（料号、数量、金额）与订单不一致',
    en: "The inventory list's goods (item, quantity, value) differ from the order's",
  },
  no_reason_given: {
    th: 'ศุลกากรตีกลับเอกสารโดยไม่ระบุเหตุผล',
    zh: '海关退回了该单证，但未说明原因',
    en: 'Customs returned the document without a reason',
  },
  // Our own checks before sending (validate.ts: the queue's local_validation, a resubmission's 422).
  field_bad_amount: {
    th: '{field} ต้องเป็นจำนวนเงินหน่วยเฟินที่ไม่ติดลบ',
    zh: '{field} 须为以分计的非负金额',
    en: '{field} must be a non-negative amount in fen',
  },
  field_required: { th: 'ต้องระบุ {field}', zh: '{field} 为必填项', en: '{field} is required' },
  field_too_long: {
    th: '{field} ยาว {length} อักขระ ยาวได้ไม่เกิน {max}',
    zh: '{field} 长 {length} 个字符，最多 {max} 个',
    en: '{field} is {length} characters, at most {max}',
  },
  field_not_in_code_list: {
    th: '{field} "{value}" ไม่ใช่ค่าใดค่าหนึ่งใน {allowed}',
    zh: '{field}“{value}”不在 {allowed} 之列',
    en: '{field} "{value}" is not one of {allowed}',
  },
  field_bad_format: { th: '{field} มีรูปแบบไม่ถูกต้อง', zh: '{field} 格式不正确', en: '{field} has the wrong format' },
  no_goods_lines: {
    th: '{message} ต้องมีรายการสินค้าอย่างน้อยหนึ่งรายการ',
    zh: '{message} 至少需要一条商品明细',
    en: '{message} needs at least one goods line',
  },
  gnum_sequence: {
    th: 'gnum ต้องนับเรียงจาก 1: ควรเป็น {expected} แต่เป็น {actual}',
    zh: 'gnum 须从 1 起连续编号：应为 {expected}，实为 {actual}',
    en: 'gnum must count from 1: expected {expected}, got {actual}',
  },
  qty_not_positive: { th: 'qty ต้องเป็นจำนวนเต็มบวก', zh: 'qty 须为正整数', en: 'qty must be a positive whole number' },
  line_total_wrong: {
    th: 'price {price} x qty {qty} = {product} ไม่ใช่ totalPrice {total}',
    zh: 'price {price} x qty {qty} = {product}，而非 totalPrice {total}',
    en: 'price {price} x qty {qty} = {product}, not totalPrice {total}',
  },
  id_number_invalid: {
    th: '{name} ไม่ใช่เลขบัตรประชาชน 18 หลักที่ถูกต้อง (อักขระตรวจสอบ)',
    zh: '{name} 不是有效的 18 位身份证号码（校验码不符）',
    en: '{name} is not a valid 18-character resident ID (check character)',
  },
  goods_value_not_sum: {
    th: 'goodsValue {goods} ไม่เท่ากับผลรวมของรายการ {lines}',
    zh: 'goodsValue {goods} 不等于各行合计 {lines}',
    en: 'goodsValue {goods} is not the sum of the lines {lines}',
  },
  field_mismatch: {
    th: '{field} {value} ไม่ตรงกับ {otherField} ของ {other} {expected}',
    zh: '{field} {value} 与 {other} 的 {otherField} {expected} 不一致',
    en: "{field} {value} differs from {other}'s {otherField} {expected}",
  },
  field_mismatch_hidden: {
    th: '{field} ไม่ตรงกับ {otherField} ของ {other}',
    zh: '{field} 与 {other} 的 {otherField} 不一致',
    en: "{field} differs from {other}'s {otherField}",
  },
  goods_lines_mismatch: {
    th: 'สินค้าใน CEB621 ({listed}) ไม่ตรงกับใน CEB311 ({ordered})',
    zh: 'CEB621 的商品（{listed}）与 CEB311 的（{ordered}）不一致',
    en: "CEB621's goods ({listed}) differ from CEB311's ({ordered})",
  },
};

registerMessages(Object.fromEntries(Object.entries(REASONS).map(([code, texts]) => [key(code), texts])));

/** Every reason code there is (tests check each has its three texts). */
export const REASON_CODES = Object.keys(REASONS);
