// Documents over HTTP: an order's tax invoice or receipt as PDF (in Thai, with a second language
// on request) and, for tax invoices, as e-Tax XML; a shop's documents and its tax-invoice details.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid, problemResponses } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import type { Hooks } from '../../platform/module.ts';
import { etaxInvoiceXml } from './etax-xml.ts';
import { issueNow } from './issue.ts';
import { invoicePdf } from './pdf.ts';
import {
  documentData,
  getBuyerTaxDetails,
  orderDocuments,
  sellerDocuments,
  setBuyerTaxDetails,
  setTaxProfile,
  taxProfileStatus,
} from './service.ts';
import { toProblem } from '../../platform/errors.ts';
import { taxAddressIncomplete } from './tax-address.ts';

const Summary = Type.Object({
  id: Uuid,
  kind: Type.String(),
  number: Type.String(),
  orderId: Uuid,
  orderNumber: Type.String(),
  issuedAt: Type.String(),
  total: Type.Integer(),
  currency: Type.String(),
});

export async function documentRoutes(plain: FastifyInstance, hooks: Hooks): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['documents'];

  app.get(
    '/orders/:id/documents',
    {
      schema: {
        tags,
        summary: "An order's tax invoice or receipt",
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Array(Summary), ...problemResponses },
      },
    },
    async (req) => orderDocuments(app.db, req.actor, req.params.id),
  );

  app.post(
    '/orders/:id/documents',
    {
      schema: {
        tags,
        summary:
          "Issue a paid order's document now (its shop or an operator); a VAT shop with an incomplete registered address is refused (409 tax_address_incomplete, per missing field)",
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Object({ id: Uuid, kind: Type.String(), number: Type.String() }), ...problemResponses },
      },
    },
    async (req) => issueNow(app.db, req.actor, req.params.id, hooks),
  );

  app.get(
    '/documents/:id/pdf',
    {
      schema: {
        tags,
        summary: 'A tax invoice or receipt as PDF (Thai; labels also in lang=zh or en)',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object({
          lang: Type.Optional(Type.Union([Type.Literal('th'), Type.Literal('zh'), Type.Literal('en')])),
        }),
      },
    },
    async (req, reply) => {
      const data = await documentData(app.db, req.actor, req.params.id);
      const pdf = await invoicePdf(data, req.query.lang ?? req.locale);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${data.number}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/documents/:id/etax.xml',
    {
      schema: {
        tags,
        summary: 'A tax invoice as e-Tax invoice XML (ETDA, UN/CEFACT CII, type code 388)',
        params: Type.Object({ id: Uuid }),
      },
    },
    async (req, reply) => {
      const data = await documentData(app.db, req.actor, req.params.id);
      if (data.kind !== 'tax_invoice') throw new AppError(409, 'etax_for_tax_invoices');
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${data.number}.xml"`)
        .send(etaxInvoiceXml(data));
    },
  );

  app.get(
    '/sellers/:sellerId/documents',
    {
      schema: {
        tags,
        summary: "A shop's tax invoices and receipts",
        params: Type.Object({ sellerId: Uuid }),
        querystring: Type.Object({ page: Type.Integer({ minimum: 1, default: 1 }) }),
      },
    },
    async (req) => sellerDocuments(app.db, req.actor, req.params.sellerId, req.query.page),
  );

  const BuyerDetails = Type.Object(
    {
      name: Type.String({ minLength: 2, maxLength: 200 }),
      taxId: Type.String({ minLength: 13, maxLength: 17 }),
      branch: Type.String({ pattern: '^\\d{5}$' }),
      address: Type.String({ minLength: 10, maxLength: 300 }),
    },
    { additionalProperties: false },
  );
  app.get(
    '/order-groups/:id/tax-invoice-details',
    {
      schema: {
        tags,
        summary: "The business a checkout's tax invoices are to name (null: the buyer as a person)",
        params: Type.Object({ id: Uuid }),
      },
    },
    async (req) => getBuyerTaxDetails(app.db, req.actor, req.params.id),
  );
  app.put(
    '/order-groups/:id/tax-invoice-details',
    {
      schema: {
        tags,
        summary: "Ask for the checkout's tax invoices in a business's name: tax ID and branch (before they are issued)",
        params: Type.Object({ id: Uuid }),
        body: BuyerDetails,
        response: { 200: BuyerDetails, ...problemResponses },
      },
    },
    async (req) => setBuyerTaxDetails(app.db, req.actor, req.params.id, req.body),
  );

  const opt = Type.Optional(Type.String({ maxLength: 120 }));
  const Address = Type.Object(
    {
      houseNumber: Type.String({ maxLength: 40 }),
      moo: opt,
      village: opt,
      building: opt,
      soi: opt,
      road: opt,
      subdistrict: Type.String({ maxLength: 120 }),
      district: Type.String({ maxLength: 120 }),
      provinceCode: Type.String({ maxLength: 2 }),
      postcode: Type.String({ maxLength: 5 }),
    },
    { additionalProperties: false },
  );
  const Profile = Type.Object(
    { address: Address, branch: Type.String({ maxLength: 5 }) },
    { additionalProperties: false },
  );
  app.get(
    '/sellers/:sellerId/tax-profile',
    {
      schema: {
        tags,
        summary:
          "A shop's registered address (in its parts) and branch for its tax invoices, whether they are complete, what is missing (`problem`, as the refusal says it) and how many paid orders wait for their document",
        params: Type.Object({ sellerId: Uuid }),
      },
    },
    async (req) => {
      const status = await taxProfileStatus(app.db, req.actor, req.params.sellerId);
      return {
        ...status,
        problem: status.complete ? null : toProblem(taxAddressIncomplete(status.missing), req.locale),
      };
    },
  );
  app.put(
    '/sellers/:sellerId/tax-profile',
    {
      schema: {
        tags,
        summary:
          'Set the registered address (house number, sub-district, district, province, postcode; moo, village, building, soi, road when there are) and branch ("00000" = head office); the documents that waited for it are issued',
        params: Type.Object({ sellerId: Uuid }),
        body: Profile,
        response: { ...problemResponses },
      },
    },
    async (req) => setTaxProfile(app.db, req.actor, req.params.sellerId, req.body, hooks),
  );
}
