// A sale exported to a consumer abroad (today: a cross-border order to China, order group market
// 'CN'), as its tax document needs it.
//
// The rule (README "Tax documents for exports"): an export of goods is zero-rated — Revenue Code
// s.80/1 (1): VAT is computed at 0% on the export of goods not exempt under s.81 (3) (as the English
// translation read has it; the section number is unconfirmed), and s.80/1 (6) zero-rates sales
// between bonded warehouses and free zones. Zero-rated is not exempt: the seller
// still issues its tax invoice, shows VAT at 0%, and keeps its input-tax credit. What counts as an
// export is goods sent out of Thailand; the Revenue Department takes the customs export declaration
// (ใบขนสินค้าขาออก) as the evidence, and the tax point of an export is when it is declared (the
// export duty paid or guaranteed, s.78 (3) — unconfirmed, see the README). Talad's cross-border goods
// leave from the bonded EEC hub under a full export declaration (customs module), so every CN order
// is an export. The THB figures are the CNY the buyer paid at the rate the order recorded (s.79/4
// leaves the conversion rule to the Director-General, who, as far as we know, points to the Bank
// of Thailand's rates — unconfirmed, so the rate used is printed with its source and date).
//
// Why a hook and not an event: the CNY amounts, the rate and the Chinese consignee belong to
// crossborder, a module after this one, which this one may not import. The document is issued on
// order.paid, when crossborder's facts (written at checkout) already exist, so documents asks for
// them at that moment through this hook point, which crossborder fills in its manifest — one
// synchronous read, no second event to wait for or to order against order.paid. A CN order whose
// facts cannot be had (hook missing, or no row) is not issued with the domestic 7%: issuing fails
// and the outbox retries it.
import type { Executor } from '../../platform/db.ts';
import { hookPoint } from '../../platform/module.ts';

export interface ExportSale {
  market: 'CN';
  currency: 'CNY';
  /** The order's THB -> CNY rate snapshot: CNY per 1 THB ("0.2000"), its source and date. */
  fx: { rate: string; source: string; validFrom: string };
  /** In fen, per order line (by variant): unit price and the line (unit x quantity). */
  lines: { variantId: string; quantity: number; unitPriceFen: number; goodsFen: number }[];
  freightFen: number;
  /** China's cross-border import tax, collected by the platform for China customs: not the seller's sale. */
  importTaxFen: number;
  /** What the buyer paid: goods + freight + import tax. */
  totalFen: number;
  buyer: { name: string };
  /** Where the goods go, as China writes an address: province, city, district (county), street. */
  consignee: { name: string; province: string; city: string; district: string; street: string; districtCode: string };
}

export type ExportSaleOf = (db: Executor, orderId: string) => Promise<ExportSale | null>;

/** Filled by crossborder: the export facts of an order, null when it is not a cross-border one. */
export const exportSaleHook = hookPoint<ExportSaleOf>('documents.exportSale');

/** THB satang of `fen` at a rate of CNY per 1 THB ("0.2000"), half up, exactly (no floating point). */
export function satangOfFen(fen: number, rate: string): number {
  const [i, f = ''] = rate.trim().split('.');
  const scaled = BigInt(i + f);
  if (scaled <= 0n) throw new Error(`an exchange rate must be positive, got ${rate}`);
  const n = BigInt(fen) * 10n ** BigInt(f.length);
  return Number((2n * n + scaled) / (2n * scaled));
}
