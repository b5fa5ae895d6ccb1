// Every message is checked before it is sent: required fields, lengths, code lists, formats and the
// arithmetic customs applies, then the four documents against each other (amounts, consignee,
// waybill, goods). Each problem names the message, the field and what is wrong: as a reason code with
// its parameters (what the queue stores and shows in the reader's language) and in English (`detail`).
import { residentIdProblem } from '../crossborder/index.ts';
import { reasonText, type CustomsReason } from './reasons.ts';
import {
  CURRENCY_CNY,
  TRADE_MODE_BONDED,
  type Ceb311,
  type Ceb411,
  type Ceb511,
  type Ceb621,
  type CebMessage,
} from './ceb.ts';

export interface CebProblem {
  message: string;
  field: string;
  code: string;
  reason: CustomsReason;
  detail: string;
}

const problem = (
  message: string,
  field: string,
  code: string,
  reasonCode: string,
  params?: Record<string, string | number>,
): CebProblem => {
  const reason: CustomsReason = params ? { code: reasonCode, params } : { code: reasonCode };
  return { message, field, code, reason, detail: reasonText(reason, 'en') };
};

interface Spec {
  max: number;
  optional?: boolean;
  pattern?: RegExp;
  oneOf?: readonly string[];
}
const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const TIME = /^\d{14}$/;
const CODE10 = /^[0-9A-Z]{10}$/;
const HEAD: Record<string, Spec> = {
  guid: { max: 36, pattern: GUID },
  appType: { max: 1, oneOf: ['1', '2', '3'] },
  appTime: { max: 14, pattern: TIME },
  appStatus: { max: 1, oneOf: ['1', '2'] },
};
const MONEY = { max: 19 };
const SPECS: Record<string, Record<string, Spec>> = {
  'CEB311.head': {
    ...HEAD,
    orderType: { max: 1, oneOf: ['I'] },
    orderNo: { max: 60 },
    ebpCode: { max: 18, pattern: CODE10 },
    ebpName: { max: 100 },
    ebcCode: { max: 18 },
    ebcName: { max: 100 },
    goodsValueFen: MONEY,
    freightFen: MONEY,
    discountFen: MONEY,
    taxTotalFen: MONEY,
    acturalPaidFen: MONEY,
    currency: { max: 3, oneOf: [CURRENCY_CNY] },
    buyerRegNo: { max: 60 },
    buyerName: { max: 60 },
    buyerTelephone: { max: 30 },
    buyerIdType: { max: 1, oneOf: ['1'] },
    buyerIdNumber: { max: 18 },
    payCode: { max: 18 },
    payName: { max: 100 },
    payTransactionId: { max: 60 },
    consignee: { max: 60 },
    consigneeTelephone: { max: 30 },
    consigneeAddress: { max: 200 },
    consigneeDistrict: { max: 6, pattern: /^\d{6}$/ },
    note: { max: 1000, optional: true },
  },
  'CEB311.items': {
    gnum: { max: 4 },
    itemNo: { max: 30 },
    itemName: { max: 250 },
    gmodel: { max: 250 },
    itemDescribe: { max: 1000, optional: true },
    barCode: { max: 50, optional: true },
    unit: { max: 3, pattern: /^\d{3}$/ },
    qty: { max: 19 },
    priceFen: MONEY,
    totalPriceFen: MONEY,
    currency: { max: 3, oneOf: [CURRENCY_CNY] },
    country: { max: 3, pattern: /^\d{3}$/ },
  },
  'CEB411.head': {
    ...HEAD,
    payCode: { max: 18 },
    payName: { max: 100 },
    payTransactionId: { max: 60 },
    orderNo: { max: 60 },
    ebpCode: { max: 18, pattern: CODE10 },
    ebpName: { max: 100 },
    payerIdType: { max: 1, oneOf: ['1'] },
    payerIdNumber: { max: 60 },
    payerName: { max: 60 },
    telephone: { max: 50 },
    amountPaidFen: MONEY,
    currency: { max: 3, oneOf: [CURRENCY_CNY] },
    payTime: { max: 14, pattern: TIME },
    note: { max: 1000, optional: true },
  },
  'CEB511.head': {
    ...HEAD,
    logisticsCode: { max: 18 },
    logisticsName: { max: 100 },
    logisticsNo: { max: 60, pattern: /^TLX\d{10}$/ },
    orderNo: { max: 60 },
    ebpCode: { max: 18, pattern: CODE10 },
    ebpName: { max: 100 },
    freightFen: MONEY,
    insuredFeeFen: MONEY,
    currency: { max: 3, oneOf: [CURRENCY_CNY] },
    weightKg: { max: 19, pattern: /^\d+\.\d{3}$/ },
    packNo: { max: 9 },
    goodsInfo: { max: 200 },
    consignee: { max: 60 },
    consigneeAddress: { max: 200 },
    consigneeTelephone: { max: 50 },
    note: { max: 1000, optional: true },
  },
  'CEB621.head': {
    ...HEAD,
    orderNo: { max: 60 },
    ebpCode: { max: 18, pattern: CODE10 },
    ebpName: { max: 100 },
    ebcCode: { max: 18 },
    ebcName: { max: 100 },
    logisticsNo: { max: 60 },
    logisticsCode: { max: 18 },
    logisticsName: { max: 100 },
    copNo: { max: 20 },
    assureCode: { max: 18 },
    emsNo: { max: 12, pattern: /^[A-Z]\d{4}[A-Z]\d{6}$/ },
    ieFlag: { max: 1, oneOf: ['I'] },
    declTime: { max: 8, pattern: /^\d{8}$/ },
    customsCode: { max: 4, pattern: /^\d{4}$/ },
    portCode: { max: 4, pattern: /^\d{4}$/ },
    ieDate: { max: 8, pattern: /^\d{8}$/ },
    buyerIdType: { max: 1, oneOf: ['1'] },
    buyerIdNumber: { max: 60 },
    buyerName: { max: 60 },
    buyerTelephone: { max: 30 },
    consigneeAddress: { max: 200 },
    agentCode: { max: 18 },
    agentName: { max: 100 },
    areaCode: { max: 18 },
    areaName: { max: 100 },
    tradeMode: { max: 4, oneOf: [TRADE_MODE_BONDED] },
    trafMode: { max: 1, pattern: /^\d$/ },
    country: { max: 3, pattern: /^\d{3}$/ },
    freightFen: MONEY,
    insuredFeeFen: MONEY,
    currency: { max: 3, oneOf: [CURRENCY_CNY] },
    packNo: { max: 9 },
    grossWeightKg: { max: 19, pattern: /^\d+\.\d{3}$/ },
    netWeightKg: { max: 19, pattern: /^\d+\.\d{3}$/ },
    note: { max: 1000, optional: true },
  },
  'CEB621.items': {
    gnum: { max: 4 },
    itemNo: { max: 30 },
    itemName: { max: 250 },
    gcode: { max: 10, pattern: /^\d{10}$/ },
    gname: { max: 250 },
    gmodel: { max: 250 },
    barCode: { max: 50, optional: true },
    country: { max: 3, pattern: /^\d{3}$/ },
    currency: { max: 3, oneOf: [CURRENCY_CNY] },
    qty: { max: 19 },
    unit: { max: 3, pattern: /^\d{3}$/ },
    qty1: { max: 19 },
    unit1: { max: 3, oneOf: ['035'] },
    priceFen: MONEY,
    totalPriceFen: MONEY,
  },
};

function checkFields(
  message: string,
  prefix: string,
  obj: Record<string, unknown>,
  specs: Record<string, Spec>,
  out: CebProblem[],
) {
  for (const [key, spec] of Object.entries(specs)) {
    const name = key.endsWith('Fen') ? key.slice(0, -3) : key.endsWith('Kg') ? key.slice(0, -2) : key;
    const field = `${prefix}.${name}`;
    const v = obj[key];
    if (key.endsWith('Fen') && !(Number.isSafeInteger(v) && (v as number) >= 0)) {
      out.push(problem(message, field, 'bad_amount', 'field_bad_amount', { field }));
      continue;
    }
    const text = v === undefined || v === null ? '' : String(v);
    if (!text) {
      if (!spec.optional) out.push(problem(message, field, 'required', 'field_required', { field }));
      continue;
    }
    if ([...text].length > spec.max)
      out.push(
        problem(message, field, 'too_long', 'field_too_long', { field, length: [...text].length, max: spec.max }),
      );
    if (spec.oneOf && !spec.oneOf.includes(text))
      out.push(
        problem(message, field, 'not_in_code_list', 'field_not_in_code_list', {
          field,
          value: text.slice(0, 20),
          allowed: spec.oneOf.join(', '),
        }),
      );
    if (spec.pattern && !spec.pattern.test(text))
      out.push(problem(message, field, 'bad_format', 'field_bad_format', { field }));
  }
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** All problems of one message; empty when it may be sent. Never echoes an ID number. */
export function validateCeb(m: CebMessage): CebProblem[] {
  const out: CebProblem[] = [];
  const msg = m.type;
  checkFields(msg, `${msg}.head`, m.head as unknown as Record<string, unknown>, SPECS[`${msg}.head`], out);
  if ('items' in m) {
    if (!m.items.length) out.push(problem(msg, `${msg}.items`, 'required', 'no_goods_lines', { message: msg }));
    m.items.forEach((it, i) => {
      checkFields(msg, `${msg}.items[${i}]`, it as unknown as Record<string, unknown>, SPECS[`${msg}.items`], out);
      if (it.gnum !== i + 1)
        out.push(
          problem(msg, `${msg}.items[${i}].gnum`, 'bad_sequence', 'gnum_sequence', {
            expected: i + 1,
            actual: String(it.gnum),
          }),
        );
      if (!(Number.isSafeInteger(it.qty) && it.qty > 0))
        out.push(problem(msg, `${msg}.items[${i}].qty`, 'bad_quantity', 'qty_not_positive'));
      if (it.priceFen * it.qty !== it.totalPriceFen)
        out.push(
          problem(msg, `${msg}.items[${i}].totalPrice`, 'arithmetic', 'line_total_wrong', {
            price: yuan(it.priceFen),
            qty: String(it.qty),
            product: yuan(it.priceFen * it.qty),
            total: yuan(it.totalPriceFen),
          }),
        );
    });
  }
  const idField =
    m.type === 'CEB411'
      ? ['payerIdNumber', m.head.payerIdNumber]
      : m.type === 'CEB311' || m.type === 'CEB621'
        ? ['buyerIdNumber', m.head.buyerIdNumber]
        : null;
  if (idField && idField[1] && residentIdProblem(idField[1]))
    out.push(problem(msg, `${msg}.head.${idField[0]}`, 'bad_id_number', 'id_number_invalid', { name: idField[0] }));
  if (m.type === 'CEB311') {
    const h = m.head;
    const goods = m.items.reduce((s, i) => s + i.totalPriceFen, 0);
    if (goods !== h.goodsValueFen)
      out.push(
        problem(msg, 'CEB311.head.goodsValue', 'arithmetic', 'goods_value_not_sum', {
          goods: yuan(h.goodsValueFen),
          lines: yuan(goods),
        }),
      );
    const expected = h.goodsValueFen + h.freightFen + h.taxTotalFen - h.discountFen;
    if (expected !== h.acturalPaidFen)
      out.push(
        problem(msg, 'CEB311.head.acturalPaid', 'arithmetic', 'actural_paid_mismatch', {
          paid: yuan(h.acturalPaidFen),
          expected: yuan(expected),
        }),
      );
  }
  return out;
}

export interface DeclarationSet {
  ceb311: Ceb311;
  ceb411: Ceb411;
  ceb511: Ceb511;
  ceb621: Ceb621;
}

/**
 * The four documents against each other, as customs matches them: one order number; the payment's
 * amount, transaction and payer equal to the order's acturalPaid, transaction and buyer; the
 * waybill's consignee and freight equal to the order's; the inventory list under the waybill's
 * number, for the order's buyer, consignee address, freight and goods. Never echoes an ID number.
 */
export function validateDeclarationSet(d: DeclarationSet): CebProblem[] {
  const out: CebProblem[] = [];
  const o = d.ceb311.head;
  // `other`'s `otherField`: the document and field it must equal (values shown unless they are an ID number).
  const differ = (
    message: string,
    field: string,
    other: string,
    otherField: string,
    a: unknown,
    b: unknown,
    show = true,
  ) => {
    if (a === b) return;
    const name = `${message}.head.${field}`;
    out.push(
      show
        ? problem(message, name, 'mismatch', 'field_mismatch', {
            field: name,
            value: String(a),
            other,
            otherField,
            expected: String(b),
          })
        : problem(message, name, 'mismatch', 'field_mismatch_hidden', { field: name, other, otherField }),
    );
  };
  for (const m of [d.ceb411, d.ceb511, d.ceb621])
    differ(m.type, 'orderNo', 'CEB311', 'orderNo', m.head.orderNo, o.orderNo);
  const p = d.ceb411.head;
  differ('CEB411', 'amountPaid', 'CEB311', 'acturalPaid', yuan(p.amountPaidFen), yuan(o.acturalPaidFen));
  differ('CEB411', 'payTransactionId', 'CEB311', 'payTransactionId', p.payTransactionId, o.payTransactionId);
  differ('CEB411', 'payCode', 'CEB311', 'payCode', p.payCode, o.payCode);
  differ('CEB411', 'payerName', 'CEB311', 'buyerName', p.payerName, o.buyerName);
  differ(
    'CEB411',
    'payerIdNumber',
    'CEB311',
    'buyerIdNumber',
    p.payerIdNumber.toUpperCase(),
    o.buyerIdNumber.toUpperCase(),
    false,
  );
  const w = d.ceb511.head;
  differ('CEB511', 'consignee', 'CEB311', 'consignee', w.consignee, o.consignee);
  differ('CEB511', 'consigneeAddress', 'CEB311', 'consigneeAddress', w.consigneeAddress, o.consigneeAddress);
  differ('CEB511', 'consigneeTelephone', 'CEB311', 'consigneeTelephone', w.consigneeTelephone, o.consigneeTelephone);
  differ('CEB511', 'freight', 'CEB311', 'freight', yuan(w.freightFen), yuan(o.freightFen));
  const i = d.ceb621.head;
  differ('CEB621', 'logisticsNo', 'CEB511', 'logisticsNo', i.logisticsNo, w.logisticsNo);
  differ('CEB621', 'logisticsCode', 'CEB511', 'logisticsCode', i.logisticsCode, w.logisticsCode);
  differ('CEB621', 'buyerName', 'CEB311', 'buyerName', i.buyerName, o.buyerName);
  differ(
    'CEB621',
    'buyerIdNumber',
    'CEB311',
    'buyerIdNumber',
    i.buyerIdNumber.toUpperCase(),
    o.buyerIdNumber.toUpperCase(),
    false,
  );
  differ('CEB621', 'consigneeAddress', 'CEB311', 'consigneeAddress', i.consigneeAddress, o.consigneeAddress);
  differ('CEB621', 'freight', 'CEB311', 'freight', yuan(i.freightFen), yuan(o.freightFen));
  const lines = (items: { itemNo: string; qty: number; totalPriceFen: number }[]) =>
    items
      .map((x) => `${x.itemNo} x ${x.qty} = ${yuan(x.totalPriceFen)}`)
      .sort()
      .join('; ');
  if (lines(d.ceb621.items) !== lines(d.ceb311.items)) {
    out.push(
      problem('CEB621', 'CEB621.items', 'mismatch', 'goods_lines_mismatch', {
        listed: lines(d.ceb621.items),
        ordered: lines(d.ceb311.items),
      }),
    );
  }
  return out;
}

/** Everything checked before a declaration is sent: each message, then the four together. */
export const validateDeclaration = (d: DeclarationSet): CebProblem[] => [
  ...[d.ceb311, d.ceb411, d.ceb511, d.ceb621].flatMap(validateCeb),
  ...validateDeclarationSet(d),
];
