// The customs messages of China's cross-border e-commerce retail import (../shared/REFERENCE.md):
// CEB311 order (platform), CEB411 payment (payment company), CEB511 waybill (carrier), CEB621
// inventory list (the bonded warehouse, trade mode 1210). Each is plain data first, validated
// (validate.ts), then written as XML in the `ceb` namespace. Amounts are fen in the data and
// yuan with two decimals in the XML.

export const CEB_NS = 'http://www.chinaport.gov.cn/ceb';
export const CURRENCY_CNY = '142';
export const COUNTRY_THAILAND = '136';
export const TRADE_MODE_BONDED = '1210';

export type CebType = 'CEB311' | 'CEB411' | 'CEB511' | 'CEB621';
export const RECEIPT_OF: Record<CebType, string> = { CEB311: '312', CEB411: '412', CEB511: '512', CEB621: '622' };

export interface BaseTransfer {
  copCode: string;
  copName: string;
  dxpMode: 'DXP';
  dxpId: string;
}
interface Head {
  guid: string;
  appType: '1' | '2' | '3';
  appTime: string;
  appStatus: '1' | '2';
}

export interface OrderItem {
  gnum: number;
  itemNo: string;
  itemName: string;
  gmodel: string;
  itemDescribe: string;
  barCode: string;
  unit: string;
  qty: number;
  priceFen: number;
  totalPriceFen: number;
  currency: string;
  country: string;
}
export interface Ceb311 {
  type: 'CEB311';
  head: Head & {
    orderType: 'I';
    orderNo: string;
    ebpCode: string;
    ebpName: string;
    ebcCode: string;
    ebcName: string;
    goodsValueFen: number;
    freightFen: number;
    discountFen: number;
    taxTotalFen: number;
    acturalPaidFen: number;
    currency: string;
    buyerRegNo: string;
    buyerName: string;
    buyerTelephone: string;
    buyerIdType: '1';
    buyerIdNumber: string;
    payCode: string;
    payName: string;
    payTransactionId: string;
    consignee: string;
    consigneeTelephone: string;
    consigneeAddress: string;
    consigneeDistrict: string;
    note: string;
  };
  items: OrderItem[];
  base: BaseTransfer;
}
export interface Ceb411 {
  type: 'CEB411';
  head: Head & {
    payCode: string;
    payName: string;
    payTransactionId: string;
    orderNo: string;
    ebpCode: string;
    ebpName: string;
    payerIdType: '1';
    payerIdNumber: string;
    payerName: string;
    telephone: string;
    amountPaidFen: number;
    currency: string;
    payTime: string;
    note: string;
  };
  base: BaseTransfer;
}
export interface Ceb511 {
  type: 'CEB511';
  head: Head & {
    logisticsCode: string;
    logisticsName: string;
    logisticsNo: string;
    orderNo: string;
    ebpCode: string;
    ebpName: string;
    freightFen: number;
    insuredFeeFen: number;
    currency: string;
    weightKg: string;
    packNo: number;
    goodsInfo: string;
    consignee: string;
    consigneeAddress: string;
    consigneeTelephone: string;
    note: string;
  };
  base: BaseTransfer;
}
export interface InventoryItem {
  gnum: number;
  itemNo: string;
  itemName: string;
  gcode: string;
  gname: string;
  gmodel: string;
  barCode: string;
  country: string;
  currency: string;
  qty: number;
  unit: string;
  qty1: string;
  unit1: '035';
  priceFen: number;
  totalPriceFen: number;
}
export interface Ceb621 {
  type: 'CEB621';
  head: Head & {
    orderNo: string;
    ebpCode: string;
    ebpName: string;
    ebcCode: string;
    ebcName: string;
    logisticsNo: string;
    logisticsCode: string;
    logisticsName: string;
    copNo: string;
    assureCode: string;
    emsNo: string;
    ieFlag: 'I';
    declTime: string;
    customsCode: string;
    portCode: string;
    ieDate: string;
    buyerIdType: '1';
    buyerIdNumber: string;
    buyerName: string;
    buyerTelephone: string;
    consigneeAddress: string;
    agentCode: string;
    agentName: string;
    areaCode: string;
    areaName: string;
    tradeMode: string;
    trafMode: string;
    country: string;
    freightFen: number;
    insuredFeeFen: number;
    currency: string;
    packNo: number;
    grossWeightKg: string;
    netWeightKg: string;
    note: string;
  };
  items: InventoryItem[];
  base: BaseTransfer;
}
export type CebMessage = Ceb311 | Ceb411 | Ceb511 | Ceb621;

/** YYYYMMDDhhmmss in China time, as the messages want it. */
export function cebTime(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return d.slice(0, 19).replace(/[-T:]/g, '');
}

export const yuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
export const kg = (grams: number) => (grams / 1000).toFixed(3);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The XML value of a data field: fen fields become yuan; the rest as text. */
function fields(obj: Record<string, unknown>, skip: string[] = []): string {
  return Object.entries(obj)
    .filter(([k]) => !skip.includes(k))
    .map(([k, v]) => {
      const name = k.endsWith('Fen') ? k.slice(0, -3) : k;
      const text = k.endsWith('Fen') ? yuan(v as number) : String(v ?? '');
      return `<ceb:${name}>${esc(text)}</ceb:${name}>`;
    })
    .join('');
}

const ROOT: Record<CebType, { body: string; head: string; list?: string }> = {
  CEB311: { body: 'Order', head: 'OrderHead', list: 'OrderList' },
  CEB411: { body: 'Payment', head: 'PaymentHead' },
  CEB511: { body: 'Logistics', head: 'LogisticsHead' },
  CEB621: { body: 'Inventory', head: 'InventoryHead', list: 'InventoryList' },
};

export function cebXml(m: CebMessage): string {
  const r = ROOT[m.type];
  const items =
    'items' in m
      ? m.items.map((i) => `<ceb:${r.list}>${fields(i as unknown as Record<string, unknown>)}</ceb:${r.list}>`).join('')
      : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<ceb:${m.type}Message guid="${m.head.guid}" version="1.0" xmlns:ceb="${CEB_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<ceb:${r.body}><ceb:${r.head}>${fields(m.head as unknown as Record<string, unknown>)}</ceb:${r.head}>${items}</ceb:${r.body}>` +
    `<ceb:BaseTransfer>${fields(m.base as unknown as Record<string, unknown>)}</ceb:BaseTransfer>` +
    `</ceb:${m.type}Message>`
  );
}
