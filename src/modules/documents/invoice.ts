// What a tax invoice (or, for a seller not registered for VAT, a receipt) says, as an immutable
// snapshot taken when it is issued: seller and buyer with their branch, serial number, lines,
// the VAT shown separately, the Buddhist-era date and the total in Thai words.
import { bahtText } from './thai-words.ts';

export type DocumentKind = 'tax_invoice' | 'receipt';

export interface Party {
  name: string;
  address: string;
  taxId: string | null;
  branch: string | null;
}
export interface InvoiceLine {
  description: string;
  quantity: number;
  unitPrice: number;
  amount: number;
}

export interface InvoiceData {
  kind: DocumentKind;
  number: string;
  serial: number;
  issuedAt: string;
  orderNumber: string;
  currency: string;
  seller: Party;
  buyer: Party;
  lines: InvoiceLine[];
  /** Amounts in satang. Prices include VAT: for a tax invoice it is taken out and shown separately. */
  total: number;
  vatRateBp: number | null;
  vat: number | null;
  totalBeforeVat: number | null;
  totalInWords: string;
}

/** "00000" -> "สำนักงานใหญ่", "00012" -> "สาขาที่ 00012" (Revenue Code s.86/4 wording). */
export const branchLabel = (branch: string | null): string =>
  !branch || branch === '00000' ? 'สำนักงานใหญ่' : `สาขาที่ ${branch}`;

/** VAT contained in a VAT-inclusive total: total x rate / (100% + rate), rounded half up. */
export function vatIncluded(total: number, rateBp: number): number {
  const n = BigInt(total) * BigInt(rateBp);
  const d = 10_000n + BigInt(rateBp);
  return Number((2n * n + d) / (2n * d));
}

/** A Buddhist-era date in Thai, Asia/Bangkok: "17 เมษายน 2569". */
export const thaiDate = (iso: string): string =>
  new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));

/** "TI2569-000042": kind, Buddhist year of issue, the seller's serial (which runs on across years, never repeating). */
export function documentNumber(kind: DocumentKind, serial: number, issuedAt: Date): string {
  const year = Number(
    new Intl.DateTimeFormat('en-US-u-ca-buddhist', { timeZone: 'Asia/Bangkok', year: 'numeric' })
      .format(issuedAt)
      .replace(/\D/g, ''),
  );
  return `${kind === 'tax_invoice' ? 'TI' : 'RC'}${year}-${String(serial).padStart(6, '0')}`;
}

export function buildInvoice(input: {
  kind: DocumentKind;
  serial: number;
  issuedAt: Date;
  orderNumber: string;
  currency: string;
  seller: Party;
  buyer: Party;
  lines: InvoiceLine[];
  shipping: number;
  vatRateBp: number;
}): InvoiceData {
  const lines =
    input.shipping > 0
      ? [
          ...input.lines,
          { description: 'ค่าจัดส่ง (Shipping)', quantity: 1, unitPrice: input.shipping, amount: input.shipping },
        ]
      : input.lines;
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const taxed = input.kind === 'tax_invoice';
  const vat = taxed ? vatIncluded(total, input.vatRateBp) : null;
  return {
    kind: input.kind,
    number: documentNumber(input.kind, input.serial, input.issuedAt),
    serial: input.serial,
    issuedAt: input.issuedAt.toISOString(),
    orderNumber: input.orderNumber,
    currency: input.currency,
    seller: input.seller,
    buyer: input.buyer,
    lines,
    total,
    vatRateBp: taxed ? input.vatRateBp : null,
    vat,
    totalBeforeVat: vat === null ? null : total - vat,
    totalInWords: bahtText(total),
  };
}
