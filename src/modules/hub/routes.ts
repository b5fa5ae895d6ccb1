// The hub over HTTP: staff screens (receive, put away, count, pick, pack, label, dispatch) and the
// seller's inbound shipments. Stock-moving requests accept an Idempotency-Key.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid } from '../../platform/http.ts';
import { hashRequest, idempotent, validIdempotencyKey } from '../../platform/idempotency.ts';
import type { Executor } from '../../platform/db.ts';
import type { ShippingConfig } from '../shipping/index.ts';
import { hubLocations } from '../inventory/index.ts';
import type { LotTrace } from './lot-links.ts';
import {
  blockExpiredLots,
  closeInbound,
  confirmPick,
  createInbound,
  cycleCount,
  dispatchOutbound,
  dockStock,
  expiryAlerts,
  findOutbound,
  getInbound,
  hubInboundQueue,
  hubOutbound,
  hubStock,
  inboundByNumber,
  moveStock,
  myHubs,
  openWaves,
  outboundLabel,
  packOutbound,
  receiveInbound,
  releaseWork,
  requireHubStaff,
  sellerInbound,
  setHubStaff,
  wavePicks,
} from './service.ts';

const Code = Type.String({ minLength: 1, maxLength: 80 });
const Qty = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Hub = Type.Object({ locationId: Uuid });
const Id = Type.Object({ id: Uuid });
const Parcel = Type.Object(
  {
    weightGrams: Type.Integer({ minimum: 1, maximum: 70_000 }),
    lengthMm: Type.Integer({ minimum: 1, maximum: 2000 }),
    widthMm: Type.Integer({ minimum: 1, maximum: 2000 }),
    heightMm: Type.Integer({ minimum: 1, maximum: 2000 }),
  },
  { additionalProperties: false },
);

/** Runs a stock-moving request once per Idempotency-Key; a retry gets the first answer. */
async function moving(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  work: (tx: Executor) => Promise<unknown>,
  status = 200,
) {
  const key = validIdempotencyKey(req.headers['idempotency-key'] as string | undefined);
  const scope = `hub:${req.actor.kind === 'user' ? req.actor.userId : req.actor.kind === 'token' ? req.actor.tokenId : 'anon'}`;
  const res = await idempotent(app.db, scope, key, hashRequest(req.url, req.body), async (tx) => ({
    statusCode: status,
    body: await work(tx),
  }));
  return reply.code(res.statusCode).send(res.body);
}

export async function hubRoutes(plain: FastifyInstance, shipping: ShippingConfig, trace?: LotTrace): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['hub'];
  const s = <const T extends object = {}>(summary: string, extra?: T) => ({
    schema: { tags, summary, ...(extra as T) },
  });

  app.get('/hubs', s('The platform hubs (bonded EEC hub, domestic fulfilment centre)'), async (req) => ({
    items: await hubLocations(app.db, req.locale),
  }));
  app.get('/hub/me', s('The hubs the signed-in user works at, with the role'), async (req) => ({
    items: await myHubs(app.db, req.actor, req.locale),
  }));
  app.put(
    '/hubs/:locationId/staff',
    s('Name a user hub staff with a role (hub manager or operator)', {
      params: Hub,
      body: Type.Object(
        { userId: Uuid, role: Type.Union(['manager', 'receiver', 'picker', 'packer'].map((r) => Type.Literal(r))) },
        { additionalProperties: false },
      ),
    }),
    async (req, reply) => {
      await setHubStaff(app.db, req.actor, req.params.locationId, req.body as any);
      return reply.code(204).send();
    },
  );

  // Seller: inbound shipment notices.
  const InboundBody = Type.Object(
    {
      locationId: Uuid,
      cartons: Type.Integer({ minimum: 1, maximum: 10_000 }),
      expectedAt: Type.Optional(Type.Union([DateStr, Type.Null()])),
      note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
      lines: Type.Array(
        Type.Object(
          {
            variantId: Uuid,
            quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
            lotNumber: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._/-]+$' }),
            productionDate: Type.Optional(Type.Union([DateStr, Type.Null()])),
            expiryDate: Type.Optional(Type.Union([DateStr, Type.Null()])),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 200 },
      ),
    },
    { additionalProperties: false },
  );
  app.post(
    '/sellers/:sellerId/inbound',
    s('Send an inbound shipment notice (ASN) to a hub', { params: Type.Object({ sellerId: Uuid }), body: InboundBody }),
    async (req, reply) =>
      moving(app, req, reply, (tx) => createInbound(tx, req.actor, req.params.sellerId, req.body), 201),
  );
  app.get(
    '/sellers/:sellerId/inbound',
    s("A shop's inbound shipments with the hub's discrepancies", { params: Type.Object({ sellerId: Uuid }) }),
    async (req) => ({ items: await sellerInbound(app.db, req.actor, req.params.sellerId) }),
  );
  app.get('/inbound/:id', s('One inbound shipment (its shop or hub staff)', { params: Id }), async (req) =>
    getInbound(app.db, req.actor, req.params.id),
  );

  // Receiving and put-away.
  app.get('/hubs/:locationId/inbound', s('ASNs to receive at the hub', { params: Hub }), async (req) => ({
    items: await hubInboundQueue(app.db, req.actor, req.params.locationId),
  }));
  app.get(
    '/hubs/:locationId/inbound/:number',
    s('An ASN by its number (scanned)', { params: Type.Object({ locationId: Uuid, number: Code }) }),
    async (req) => inboundByNumber(app.db, req.actor, req.params.locationId, req.params.number),
  );
  app.post(
    '/inbound/:id/receipts',
    s('Receive units of an ASN line at the dock: scanned SKU or lot, good and damaged units', {
      params: Id,
      body: Type.Object(
        { code: Code, lotNumber: Type.Optional(Code), quantity: Qty, damaged: Type.Optional(Qty) },
        { additionalProperties: false },
      ),
    }),
    async (req, reply) => moving(app, req, reply, (tx) => receiveInboundRoute(tx, req)),
  );
  app.post(
    '/inbound/:id/close',
    s('Finish receiving: what was not counted is short', { params: Id }),
    async (req, reply) => moving(app, req, reply, (tx) => closeInbound(tx, req.actor, req.params.id)),
  );
  app.get(
    '/hubs/:locationId/dock',
    s('Stock waiting on the dock, with suggested bins', { params: Hub }),
    async (req) => ({ items: await dockStock(app.db, req.actor, req.params.locationId) }),
  );
  app.post(
    '/hubs/:locationId/moves',
    s('Move units of a lot between bins (put-away from the dock, or a move)', {
      params: Hub,
      body: Type.Object(
        { lotId: Uuid, fromBin: Code, toBin: Code, quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
        { additionalProperties: false },
      ),
    }),
    async (req, reply) =>
      moving(app, req, reply, async (tx) => {
        await moveStock(tx, req.actor, req.params.locationId, req.body);
        return { ok: true };
      }),
  );

  // Stock, counts, expiry.
  app.get(
    '/hubs/:locationId/stock',
    s('Stock by bin, lot and expiry', {
      params: Hub,
      querystring: Type.Object({
        bin: Type.Optional(Code),
        variantId: Type.Optional(Uuid),
        sellerId: Type.Optional(Uuid),
      }),
    }),
    async (req) => ({
      items: await hubStock(app.db, req.actor, req.params.locationId, {
        binCode: req.query.bin,
        variantId: req.query.variantId,
        sellerId: req.query.sellerId,
      }),
    }),
  );
  app.post(
    '/hubs/:locationId/counts',
    s('Record a cycle count of a lot in a bin (the difference is adjusted, with reason and person)', {
      params: Hub,
      body: Type.Object(
        { binCode: Code, lotId: Uuid, countedQty: Qty, reason: Type.String({ minLength: 1, maxLength: 200 }) },
        { additionalProperties: false },
      ),
    }),
    async (req, reply) => moving(app, req, reply, (tx) => cycleCount(tx, req.actor, req.params.locationId, req.body)),
  );
  app.get(
    '/hubs/:locationId/expiry-alerts',
    s('Lots expiring within `days` (and blocked expired lots still held)', {
      params: Hub,
      querystring: Type.Object({ days: Type.Integer({ minimum: 0, maximum: 365, default: 7 }) }),
    }),
    async (req) => ({ items: await expiryAlerts(app.db, req.actor, req.params.locationId, req.query.days) }),
  );
  app.post(
    '/hubs/:locationId/expired-lots/block',
    s('Block the lots that have expired now (also done by the background job)', { params: Hub }),
    async (req) => {
      await requireHubStaff(app.db, req.actor, req.params.locationId, 'manage');
      return { blocked: await blockExpiredLots(app.db) };
    },
  );

  // Outbound.
  app.get(
    '/hubs/:locationId/outbound',
    s('Open outbound orders, most urgent first, with their risk of missing ship-by', {
      params: Hub,
      querystring: Type.Object({
        status: Type.Optional(
          Type.Enum([
            'awaiting_release',
            'ready',
            'allocated',
            'picking',
            'picked',
            'packed',
            'dispatched',
            'cancelled',
          ]),
        ),
        atRisk: Type.Optional(Type.Boolean()),
      }),
    }),
    async (req) => ({ items: await hubOutbound(app.db, req.actor, req.params.locationId, req.query) }),
  );
  app.get(
    '/hubs/:locationId/outbound/find',
    s('An outbound order by order number, tracking number or id (scanned)', {
      params: Hub,
      querystring: Type.Object({ code: Code }),
    }),
    async (req) => findOutbound(app.db, req.actor, req.params.locationId, req.query.code),
  );
  app.post(
    '/hubs/:locationId/release-work',
    s('Allocate ready orders first-expired-first-out and group them into waves', {
      params: Hub,
      body: Type.Optional(
        Type.Object(
          { waveSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
          { additionalProperties: false },
        ),
      ),
    }),
    async (req) => releaseWork(app.db, req.actor, req.params.locationId, { waveSize: req.body?.waveSize }),
  );
  app.get('/hubs/:locationId/waves', s('Waves with picks left', { params: Hub }), async (req) => ({
    items: await openWaves(app.db, req.actor, req.params.locationId),
  }));
  app.get('/waves/:id/picks', s("A wave's pick list in bin order", { params: Id }), async (req) => ({
    items: await wavePicks(app.db, req.actor, req.params.id),
  }));
  app.post(
    '/picks/:id/confirm',
    s('Confirm a pick by scanning its bin and SKU (or lot)', {
      params: Id,
      body: Type.Object({ binCode: Code, code: Code }, { additionalProperties: false }),
    }),
    async (req, reply) => moving(app, req, reply, (tx) => confirmPick(tx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/outbound/:id/pack',
    s('Pack a picked order: parcels with weight and dimensions; books the carrier', {
      params: Id,
      body: Type.Object(
        { parcels: Type.Array(Parcel, { minItems: 1, maxItems: 50 }) },
        { additionalProperties: false },
      ),
    }),
    async (req, reply) => moving(app, req, reply, (tx) => packOutbound(tx, req.actor, req.params.id, req.body.parcels)),
  );
  app.get(
    '/outbound/:id/label.pdf',
    { schema: { tags, summary: 'The shipping label of a packed order (PDF)', params: Id } },
    async (req, reply) => {
      const { pdf, trackingNumber } = await outboundLabel(app.db, req.actor, req.params.id, shipping, trace);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${trackingNumber}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
  app.post('/outbound/:id/dispatch', s('Hand a packed order to its carrier', { params: Id }), async (req, reply) =>
    moving(app, req, reply, (tx) => dispatchOutbound(tx, req.actor, req.params.id, shipping)),
  );
}

async function receiveInboundRoute(tx: Executor, req: FastifyRequest) {
  const body = req.body as { code: string; lotNumber?: string; quantity: number; damaged?: number };
  return receiveInbound(tx, req.actor, (req.params as { id: string }).id, body);
}
