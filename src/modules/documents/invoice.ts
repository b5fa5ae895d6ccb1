// What a tax invoice (or, for a seller not registered for VAT, a receipt) says, as an immutable
// snapshot taken when it is issued: seller and buyer with their branch, serial number, lines,
// the VAT shown separately, the Buddhist-era date and the total in Thai words. A sale exported to
// China (export-sale.ts) is zero-rated and shows its amounts in CNY as paid and in THB at the
// order's rate, and the buyer's Chinese address as China writes it.
import { printable } from '../../platform/typed-text.ts';
import { satangOfFen, type ExportSale } from './export-sale.ts';
import { bahtText } from './thai-words.ts';

export type DocumentKind = 'tax_invoice' | 'receipt';

export interface Party {
  name: string;
  /** The address on one line: a Thai one as the Revenue Department reads it, a Chinese one as China writes it. */
  address: string;
  taxId: string | null;
  branch: string | null;
  /** A buyer abroad: the country and the address's parts as that country writes them (documents since the export rule). */
  country?: 'CN';
  addressParts?: { province: string; city: string; district: string; street: string; districtCode: string };
  /** Who receives the goods, when not the buyer. */
  consignee?: string;
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
  /** UN/CEFACT UNCL5305 VAT category: S standard rate, Z zero-rated (export); null on a receipt. Absent on documents issued before it. */
  vatCategory?: 'S' | 'Z' | null;
  /** When the order was paid (the tax point); printed when the document was issued on a later day. */
  paidAt?: string | null;
  /** An exported sale: its amounts in the currency paid, the rate and the zero-rating. */
  export?: ExportFacts;
}

export interface ExportFacts {
  market: 'CN';
  currency: 'CNY';
  /** CNY per 1 THB, its source and date: each THB amount is the CNY one at this rate, half up. */
  fx: { rate: string; source: string; validFrom: string };
  /** Fen, one per line of the document (the same order). */
  lines: { unitPrice: number; amount: number }[];
  /** Fen: the sale (goods + freight), the import tax the platform collected for China customs, and what the buyer paid. */
  total: number;
  importTax: number;
  paid: number;
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

export interface InvoiceInput {
  kind: DocumentKind;
  serial: number;
  issuedAt: Date;
  paidAt?: Date | null;
  orderNumber: string;
  currency: string;
  seller: Party;
  buyer: Party;
  lines: InvoiceLine[];
  shipping: number;
  vatRateBp: number;
  /** An exported sale: lines are priced from its CNY amounts (matched by position), VAT at 0%. */
  exportSale?: ExportSale;
}

/** A party as typed, made printable (no controls, bidi overrides or invisible characters). */
const cleanParty = (p: Party): Party => ({
  ...p,
  name: printable(p.name),
  address: printable(p.address),
  ...(p.consignee ? { consignee: printable(p.consignee) } : {}),
  ...(p.addressParts
    ? {
        addressParts: {
          ...p.addressParts,
          province: printable(p.addressParts.province),
          city: printable(p.addressParts.city),
          district: printable(p.addressParts.district),
          street: printable(p.addressParts.street),
        },
      }
    : {}),
});

export function buildInvoice(input: InvoiceInput): InvoiceData {
  const x = input.exportSale;
  let lines: InvoiceLine[] = input.lines.map((l) => ({ ...l, description: printable(l.description) }));
  let exportFacts: ExportFacts | undefined;
  if (x) {
    // Each amount as paid in CNY, and in THB at the order's rate (unit price and line converted
    // each on its own, half up): the CNY is what the buyer paid, the THB its value for the tax report.
    const fen = x.lines.map((l) => ({ unitPrice: l.unitPriceFen, amount: l.goodsFen }));
    if (x.freightFen > 0) fen.push({ unitPrice: x.freightFen, amount: x.freightFen });
    const thb = (f: number) => satangOfFen(f, x.fx.rate);
    lines = [
      ...x.lines.map((l, i) => ({
        description: lines[i]?.description ?? l.variantId,
        quantity: l.quantity,
        unitPrice: thb(l.unitPriceFen),
        amount: thb(l.goodsFen),
      })),
      ...(x.freightFen > 0
        ? [
            {
              description: 'ค่าขนส่งระหว่างประเทศ (International shipping)',
              quantity: 1,
              unitPrice: thb(x.freightFen),
              amount: thb(x.freightFen),
            },
          ]
        : []),
    ];
    exportFacts = {
      market: x.market,
      currency: x.currency,
      fx: x.fx,
      lines: fen,
      total: fen.reduce((s, l) => s + l.amount, 0),
      importTax: x.importTaxFen,
      paid: x.totalFen,
    };
  } else if (input.shipping > 0) {
    lines = [
      ...lines,
      { description: 'ค่าจัดส่ง (Shipping)', quantity: 1, unitPrice: input.shipping, amount: input.shipping },
    ];
  }
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const taxed = input.kind === 'tax_invoice';
  // Exports are zero-rated (Revenue Code s.80/1 (1); export-sale.ts): 0%, category Z.
  const rateBp = x ? 0 : input.vatRateBp;
  const vat = taxed ? vatIncluded(total, rateBp) : null;
  return {
    kind: input.kind,
    number: documentNumber(input.kind, input.serial, input.issuedAt),
    serial: input.serial,
    issuedAt: input.issuedAt.toISOString(),
    paidAt: input.paidAt ? input.paidAt.toISOString() : null,
    orderNumber: input.orderNumber,
    currency: x ? 'THB' : input.currency,
    seller: cleanParty(input.seller),
    buyer: cleanParty(input.buyer),
    lines,
    total,
    vatRateBp: taxed ? rateBp : null,
    vat,
    totalBeforeVat: vat === null ? null : total - vat,
    totalInWords: bahtText(total),
    vatCategory: taxed ? (x ? 'Z' : 'S') : null,
    ...(exportFacts ? { export: exportFacts } : {}),
  };
}
