// Shipping over HTTP: an order's tracking timeline (its buyer, its shop, operators), the public
// tracking page behind a label's QR code, the label PDF for the shop, the carriers a shop can name
// when it ships itself, and the carrier sandbox's clock (operators, sandbox only).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { AppError } from '../../platform/errors.ts';
import { readUpload } from '../../platform/uploads.ts';
import { Uuid, problemResponses } from '../../platform/http.ts';
import { pickText } from '../../platform/i18n.ts';
import { CARRIERS } from './carriers.ts';
import type { ShippingConfig } from './config.ts';
import {
  type DeliveryProofInput,
  PROOF_KINDS,
  deliveryProof,
  deliveryProofFile,
  recordDeliveryProof,
} from './delivery-proof.ts';
import { advanceCarrierSandbox } from './sandbox.ts';
import { shopShipmentLabelPdf } from './service.ts';
import { trackingByNumber, trackingOfOrder } from './tracking.ts';

const Event = Type.Object({
  code: Type.String(),
  label: Type.String(),
  place: Type.Union([Type.String(), Type.Null()]),
  occurredAt: Type.String(),
  source: Type.String(),
});
const Timeline = Type.Object({
  shipmentId: Uuid,
  carrier: Type.String(),
  carrierName: Type.String(),
  trackingNumber: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  fulfilment: Type.String(),
  sandbox: Type.Boolean(),
  parcels: Type.Integer(),
  events: Type.Array(Event),
});

/** The JSON part of a delivery proof (multipart field "proof", before the picture "file"). */
const ProofBody = Type.Object(
  {
    kind: Type.Union(PROOF_KINDS.map((k) => Type.Literal(k))),
    recipientName: Type.String({ maxLength: 200 }),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
const checkProof = Compile(ProofBody);
const ProofView = Type.Object({
  orderId: Uuid,
  kind: Type.String(),
  recipientName: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  deliveredAt: Type.String(),
  contentType: Type.String(),
  fileUrl: Type.String(),
});

function proofFrom(json: unknown): DeliveryProofInput {
  if (checkProof.Check(json)) return json as DeliveryProofInput;
  const errors = [...checkProof.Errors(json)].slice(0, 10).map((e) => ({
    field: e.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'proof',
    code: 'invalid',
  }));
  throw new AppError(422, 'validation_failed', {}, errors);
}

export async function shippingRoutes(plain: FastifyInstance, config: ShippingConfig): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['shipping'];
  await app.register(multipart, { limits: { fileSize: config.proofLimitBytes, files: 1, fields: 2, parts: 3 } });

  app.post(
    '/orders/:id/delivery-proof',
    {
      schema: {
        tags,
        summary:
          'The shop proves a parcel it shipped itself was delivered: multipart field "proof" (JSON: kind photo|signature, recipientName, note) then the picture "file" (JPEG, PNG or WebP); the order becomes delivered',
        params: Type.Object({ id: Uuid }),
        consumes: ['multipart/form-data'],
        response: { 201: ProofView, ...problemResponses },
      },
    },
    async (req, reply) => {
      const proof = await recordDeliveryProof(
        app.db,
        config.proofs,
        req.actor,
        req.params.id,
        async () => {
          const { json, file } = await readUpload(req, 'proof', { fileOptional: true });
          return { input: proofFrom(json), file };
        },
        config.proofLimitBytes,
      );
      return reply.code(201).send(proof);
    },
  );

  app.get(
    '/orders/:id/delivery-proof',
    {
      schema: {
        tags,
        summary: "An order's proof of delivery (its buyer, its shop, operators)",
        params: Type.Object({ id: Uuid }),
        response: { 200: ProofView, ...problemResponses },
      },
    },
    async (req) => deliveryProof(app.db, req.actor, req.params.id),
  );

  app.get(
    '/orders/:id/delivery-proof/file',
    {
      schema: {
        tags,
        summary: 'The picture of the proof of delivery (its buyer, its shop, operators)',
        params: Type.Object({ id: Uuid }),
      },
    },
    async (req, reply) => {
      const file = await deliveryProofFile(app.db, config.proofs, req.actor, req.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.size)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );

  app.get(
    '/orders/:id/tracking',
    {
      schema: {
        tags,
        summary: "An order's shipments and their tracking events, newest first (its buyer, its shop, operators)",
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Array(Timeline), ...problemResponses },
      },
    },
    async (req) => trackingOfOrder(app.db, req.actor, req.params.id, req.locale, config),
  );

  app.get(
    '/tracking/:number',
    {
      schema: {
        tags,
        summary: 'The carrier events of a tracking number (the page a label’s QR code opens; no names or addresses)',
        params: Type.Object({ number: Type.String({ minLength: 4, maxLength: 60 }) }),
        response: { 200: Type.Array(Timeline), ...problemResponses },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return trackingByNumber(app.db, req.params.number, req.locale, config);
    },
  );

  app.get(
    '/shipments/:id/label',
    {
      schema: {
        tags,
        summary:
          'The shipping label as PDF (A6, one page per parcel): Code 128 tracking barcode, QR code, sender and receiver',
        params: Type.Object({ id: Uuid }),
      },
    },
    async (req, reply) => {
      const pdf = await shopShipmentLabelPdf(app.db, req.actor, req.params.id, config);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="label-${req.params.id}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/shipping/carriers',
    {
      schema: {
        tags,
        summary: 'The carriers a shop can name when it ships an order itself, with their tracking number formats',
      },
    },
    async (req) =>
      Object.values(CARRIERS)
        .filter((c) => c.sellerSelectable)
        .map((c) => ({
          code: c.code,
          name: pickText(c.name, req.locale),
          format: pickText(c.format, req.locale),
          sandboxTracked: c.sandboxTracked && config.sandbox,
        })),
  );

  app.post(
    '/carrier-sandbox/advance',
    {
      schema: {
        tags,
        summary:
          'Carrier sandbox only (operators): move the sandbox clock forward by carrier hours and report what comes due',
        body: Type.Object(
          { hours: Type.Number({ minimum: 0, maximum: 1000 }), shipmentId: Type.Optional(Uuid) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ reported: Type.Integer() }), ...problemResponses },
      },
    },
    async (req) => ({ reported: await advanceCarrierSandbox(app.db, req.actor, req.body, config) }),
  );
}
