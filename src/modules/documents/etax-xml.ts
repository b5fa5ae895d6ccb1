// The e-Tax invoice (ETDA standard ขมธอ. 3-2560) for a tax invoice: XML on UN/CEFACT Cross Industry
// Invoice, document type code 388. Unsigned here: the real submission is signed with the seller's
// certificate by the service provider (out of reach; the XML is what that step takes).
// The VAT's category is UN/CEFACT UNCL5305: S (standard rate) for a domestic sale, Z ("zero rated
// goods": liable to VAT at 0%) for an export — Thai exports are zero-rated under Revenue Code
// s.80/1 (1), not exempt (E is for s.81's exemptions, which forgo the input-tax credit), and G
// ("free export item, tax not charged") is the EU's code for exports outside VAT's scope, not a
// 0% rate. The amounts stay in THB (the currency of the Thai tax report); an export carries what
// the buyer paid in CNY and the rate in a note. A buyer in China has a Chinese postal address
// (country CN, province, city, district, street), not Thai fields.
import type { InvoiceData } from './invoice.ts';

export const RSM = 'urn:etda:uncefact:data:standard:TaxInvoice_CrossIndustryInvoice:2';
export const RAM = 'urn:etda:uncefact:data:standard:TaxInvoice_ReusableAggregateBusinessInformationEntity:2';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const money = (satang: number) =>
  `${satang < 0 ? '-' : ''}${Math.floor(Math.abs(satang) / 100)}.${String(Math.abs(satang) % 100).padStart(2, '0')}`;
const rate = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;

function party(tag: string, p: InvoiceData['seller']): string {
  // ETDA writes the tax registration as the 13-digit tax ID followed by the 5-digit branch.
  const taxReg = p.taxId
    ? `<ram:SpecifiedTaxRegistration><ram:ID schemeID="TXID">${esc(p.taxId)}${esc(p.branch ?? '00000')}</ram:ID></ram:SpecifiedTaxRegistration>`
    : '';
  const cn = p.country === 'CN' && p.addressParts;
  const address = cn
    ? `<ram:PostalTradeAddress><ram:LineOne>${esc(cn.street)}</ram:LineOne><ram:CityName>${esc(cn.city)}</ram:CityName><ram:CitySubDivisionName>${esc(cn.district)}</ram:CitySubDivisionName><ram:CountryID>CN</ram:CountryID><ram:CountrySubDivisionID>${esc(cn.districtCode)}</ram:CountrySubDivisionID><ram:CountrySubDivisionName>${esc(cn.province)}</ram:CountrySubDivisionName></ram:PostalTradeAddress>`
    : `<ram:PostalTradeAddress><ram:LineOne>${esc(p.address)}</ram:LineOne><ram:CountryID>TH</ram:CountryID></ram:PostalTradeAddress>`;
  return `<ram:${tag}><ram:Name>${esc(p.name)}</ram:Name>${taxReg}${address}</ram:${tag}>`;
}

const yuan = (fen: number) => money(fen);

export function etaxInvoiceXml(d: InvoiceData): string {
  if (d.kind !== 'tax_invoice' || d.vat === null || d.totalBeforeVat === null || d.vatRateBp === null)
    throw new Error('an e-Tax invoice is for tax invoices only');
  const category = d.vatCategory ?? (d.vatRateBp === 0 ? 'Z' : 'S');
  const tax = (basis: number, amount: number) =>
    `<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CalculatedRate>${rate(d.vatRateBp!)}</ram:CalculatedRate><ram:BasisAmount>${money(basis)}</ram:BasisAmount><ram:CalculatedAmount>${money(amount)}</ram:CalculatedAmount><ram:CategoryCode>${category}</ram:CategoryCode></ram:ApplicableTradeTax>`;
  const x = d.export;
  const exportNote = x
    ? `<ram:IncludedNote><ram:Subject>Export</ram:Subject><ram:Content>${esc(
        `Zero-rated export of goods (Revenue Code s.80/1 (1)) to ${x.market}. Paid ${yuan(x.paid)} ${x.currency}: goods and freight ${yuan(x.total)}, import tax collected for China customs ${yuan(x.importTax)}. THB at ${x.fx.rate} ${x.currency} per THB (${x.fx.source}, ${x.fx.validFrom.slice(0, 10)}), half up.`,
      )}</ram:Content></ram:IncludedNote>`
    : '';
  const lines = d.lines
    .map(
      (l, i) =>
        `<ram:IncludedSupplyChainTradeLineItem>` +
        `<ram:AssociatedDocumentLineDocument><ram:LineID>${i + 1}</ram:LineID></ram:AssociatedDocumentLineDocument>` +
        `<ram:SpecifiedTradeProduct><ram:Name>${esc(l.description)}</ram:Name></ram:SpecifiedTradeProduct>` +
        `<ram:SpecifiedLineTradeAgreement><ram:GrossPriceProductTradePrice><ram:ChargeAmount>${money(l.unitPrice)}</ram:ChargeAmount></ram:GrossPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>` +
        `<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="EA">${l.quantity}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>` +
        `<ram:SpecifiedLineTradeSettlement><ram:SpecifiedTradeSettlementLineMonetarySummation><ram:NetLineTotalAmount currencyID="${d.currency}">${money(l.amount)}</ram:NetLineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>` +
        `</ram:IncludedSupplyChainTradeLineItem>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<rsm:CrossIndustryInvoice xmlns:rsm="${RSM}" xmlns:ram="${RAM}">` +
    `<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID schemeAgencyID="ETDA" schemeVersionID="v2.0">ER3-2560</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>` +
    `<rsm:ExchangedDocument><ram:ID>${esc(d.number)}</ram:ID><ram:Name>ใบกำกับภาษี</ram:Name><ram:TypeCode>388</ram:TypeCode><ram:IssueDateTime>${d.issuedAt}</ram:IssueDateTime>` +
    `<ram:IncludedNote><ram:Subject>Order</ram:Subject><ram:Content>${esc(d.orderNumber)}</ram:Content></ram:IncludedNote>${exportNote}</rsm:ExchangedDocument>` +
    `<rsm:SupplyChainTradeTransaction>` +
    `<ram:ApplicableHeaderTradeAgreement>${party('SellerTradeParty', d.seller)}${party('BuyerTradeParty', d.buyer)}</ram:ApplicableHeaderTradeAgreement>` +
    `<ram:ApplicableHeaderTradeDelivery/>` +
    `<ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode listID="ISO 4217 3A">${d.currency}</ram:InvoiceCurrencyCode>` +
    tax(d.totalBeforeVat, d.vat) +
    `<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:LineTotalAmount>${money(d.total)}</ram:LineTotalAmount><ram:TaxBasisTotalAmount>${money(d.totalBeforeVat)}</ram:TaxBasisTotalAmount><ram:TaxTotalAmount>${money(d.vat)}</ram:TaxTotalAmount><ram:GrandTotalAmount>${money(d.total)}</ram:GrandTotalAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>` +
    `</ram:ApplicableHeaderTradeSettlement>${lines}</rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>\n`
  );
}
