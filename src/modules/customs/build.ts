// From one cross-border order's facts to its four messages, each in its party's role: the platform
// (CEB311), the payment company (CEB411), the line-haul carrier (CEB511) and the bonded hub (CEB621).
import { randomUUID } from 'node:crypto';
import type { CustomsSettings } from '../../platform/config.ts';
import type { DeclarationFacts } from '../crossborder/index.ts';
import {
  cebTime,
  kg,
  COUNTRY_THAILAND,
  CURRENCY_CNY,
  TRADE_MODE_BONDED,
  type BaseTransfer,
  type Ceb311,
  type Ceb411,
  type Ceb511,
  type Ceb621,
} from './ceb.ts';

export interface DeclarationContext {
  facts: DeclarationFacts;
  settings: CustomsSettings;
  shopName: string;
  payment: { transactionId: string; paidAt: Date };
  waybillNo: string;
  now: Date;
}

const guid = () => randomUUID().toUpperCase();
/** The shop's code towards customs: Talad registers its shops under its own platform code. */
export const ebcCodeOf = (sellerId: string) => `TLDS${sellerId.replace(/-/g, '').slice(-14).toUpperCase()}`;

export function buildDeclaration(c: DeclarationContext): {
  ceb311: Ceb311;
  ceb411: Ceb411;
  ceb511: Ceb511;
  ceb621: Ceb621;
} {
  const { facts: f, settings: s, now } = c;
  const head = { appType: '1' as const, appTime: cebTime(now), appStatus: '2' as const };
  const base = (copCode: string, copName: string): BaseTransfer => ({
    copCode,
    copName,
    dxpMode: 'DXP',
    dxpId: s.dxpId,
  });
  const ebp = { ebpCode: s.platformCode, ebpName: s.platformName };
  const ebc = { ebcCode: ebcCodeOf(f.sellerId), ebcName: c.shopName };
  const netGrams = f.lines.reduce((t, l) => t + l.netWeightGrams * l.quantity, 0);
  const grossGrams = f.lines.reduce((t, l) => t + l.grossWeightGrams * l.quantity, 0);

  const ceb311: Ceb311 = {
    type: 'CEB311',
    head: {
      guid: guid(),
      ...head,
      orderType: 'I',
      orderNo: f.orderNo,
      ...ebp,
      ...ebc,
      goodsValueFen: f.goodsFen,
      freightFen: f.freightFen,
      discountFen: 0,
      taxTotalFen: f.taxFen,
      acturalPaidFen: f.totalFen,
      currency: CURRENCY_CNY,
      buyerRegNo: f.buyerUserId ?? `guest:${f.orderId}`,
      buyerName: f.buyer.name,
      buyerTelephone: f.buyer.phone,
      buyerIdType: '1',
      buyerIdNumber: f.buyerIdNumber,
      payCode: s.payCode,
      payName: s.payName,
      payTransactionId: c.payment.transactionId,
      consignee: f.consignee.name,
      consigneeTelephone: f.consignee.phone,
      consigneeAddress: f.consignee.address,
      consigneeDistrict: f.consignee.districtCode,
      note: '',
    },
    items: f.lines.map((l, i) => ({
      gnum: i + 1,
      itemNo: l.sku,
      itemName: l.itemNameZh,
      gmodel: l.itemNameZh,
      itemDescribe: '',
      barCode: '',
      unit: l.unit,
      qty: l.quantity,
      priceFen: l.unitPriceFen,
      totalPriceFen: l.goodsFen,
      currency: CURRENCY_CNY,
      country: COUNTRY_THAILAND,
    })),
    base: base(s.platformCode, s.platformName),
  };
  const ceb411: Ceb411 = {
    type: 'CEB411',
    head: {
      guid: guid(),
      ...head,
      payCode: s.payCode,
      payName: s.payName,
      payTransactionId: c.payment.transactionId,
      orderNo: f.orderNo,
      ...ebp,
      payerIdType: '1',
      payerIdNumber: f.buyerIdNumber,
      payerName: f.buyer.name,
      telephone: f.buyer.phone,
      amountPaidFen: f.totalFen,
      currency: CURRENCY_CNY,
      payTime: cebTime(c.payment.paidAt),
      note: '',
    },
    base: base(s.payCode, s.payName),
  };
  const ceb511: Ceb511 = {
    type: 'CEB511',
    head: {
      guid: guid(),
      ...head,
      logisticsCode: s.logisticsCode,
      logisticsName: s.logisticsName,
      logisticsNo: c.waybillNo,
      orderNo: f.orderNo,
      ...ebp,
      freightFen: f.freightFen,
      insuredFeeFen: 0,
      currency: CURRENCY_CNY,
      weightKg: kg(grossGrams),
      packNo: 1,
      goodsInfo: f.lines
        .map((l) => l.itemNameZh)
        .join('、')
        .slice(0, 200),
      consignee: f.consignee.name,
      consigneeAddress: f.consignee.address,
      consigneeTelephone: f.consignee.phone,
      note: '',
    },
    base: base(s.logisticsCode, s.logisticsName),
  };
  const day = cebTime(now).slice(0, 8);
  const ceb621: Ceb621 = {
    type: 'CEB621',
    head: {
      guid: guid(),
      ...head,
      orderNo: f.orderNo,
      ...ebp,
      ...ebc,
      logisticsNo: c.waybillNo,
      logisticsCode: s.logisticsCode,
      logisticsName: s.logisticsName,
      copNo: `I${f.orderNo.replace(/\D/g, '')}`.slice(0, 20),
      assureCode: s.platformCode,
      emsNo: s.bondedBookNo,
      ieFlag: 'I',
      declTime: day,
      customsCode: s.customsCode,
      portCode: s.portCode,
      ieDate: day,
      buyerIdType: '1',
      buyerIdNumber: f.buyerIdNumber,
      buyerName: f.buyer.name,
      buyerTelephone: f.buyer.phone,
      consigneeAddress: f.consignee.address,
      agentCode: s.hubCode,
      agentName: s.hubName,
      areaCode: s.hubCode,
      areaName: s.hubName,
      tradeMode: TRADE_MODE_BONDED,
      trafMode: '5',
      country: COUNTRY_THAILAND,
      freightFen: f.freightFen,
      insuredFeeFen: 0,
      currency: CURRENCY_CNY,
      packNo: 1,
      grossWeightKg: kg(grossGrams),
      netWeightKg: kg(netGrams),
      note: '',
    },
    items: f.lines.map((l, i) => ({
      gnum: i + 1,
      itemNo: l.sku,
      itemName: l.itemNameZh,
      gcode: l.hsCode,
      gname: l.itemNameZh,
      gmodel: l.itemNameZh,
      barCode: '',
      country: COUNTRY_THAILAND,
      currency: CURRENCY_CNY,
      qty: l.quantity,
      unit: l.unit,
      qty1: kg(l.netWeightGrams * l.quantity),
      unit1: '035',
      priceFen: l.unitPriceFen,
      totalPriceFen: l.goodsFen,
    })),
    base: base(s.hubCode, s.hubName),
  };
  return { ceb311, ceb411, ceb511, ceb621 };
}
