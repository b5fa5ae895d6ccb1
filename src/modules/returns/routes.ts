// HTTP for returns: the buyer asks, the shop decides, the operator settles disputes, the parcel goes
// back and the hub inspects. Money-moving steps take an Idempotency-Key; a refund agreed is sent to
// the gateway as soon as its transaction commits.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IdParams, problemResponses } from '../../platform/http.ts';
import { validIdempotencyKey } from '../../platform/idempotency.ts';
import type { CustomsRuntime } from '../customs/index.ts';
import { dispatchRefund, type PaymentsRuntime } from '../payments/index.ts';
import type { ShippingConfig } from '../shipping/index.ts';
import { decideAsOperator, decideAsShop } from './decisions.ts';
import {
  bookReturnLabel,
  confirmReceivedByShop,
  handOverReturn,
  hubReturnsWaiting,
  inspectAtHub,
  returnLabelPdf,
} from './parcel.ts';
import { returnPolicy, setReturnPolicy } from './policy.ts';
import { answerOffer, escalateReturn, requestReturn, withdrawReturn } from './requests.ts';
import {
  OperatorDecisionBody,
  Policy,
  ReturnList,
  ReturnRequestBody,
  ReturnSchema,
  ShopDecisionBody,
} from './schemas.ts';
import { escalatedReturns, getReturn, myReturns, orderReturns, returnViews, shopReturns } from './views.ts';

export interface ReturnsDeps {
  payments: PaymentsRuntime;
  shipping: ShippingConfig;
  customs: CustomsRuntime;
}

const tags = ['returns'];
const keyOf = (req: FastifyRequest) => validIdempotencyKey(req.headers['idempotency-key'] as string | undefined);
const Ok = { 200: ReturnSchema, ...problemResponses };

export async function returnsRoutes(base: FastifyInstance, deps: ReturnsDeps): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  /** After the commit: the refund goes to the gateway now (the payments job would send it otherwise). */
  const send = async (refundId: string | null) => {
    if (refundId) await dispatchRefund(deps.payments, refundId);
  };
  const view = (req: FastifyRequest, id: string) => getReturn(db, req.actor, id, req.locale);

  app.get(
    '/sellers/:id/return-policy',
    { schema: { tags, summary: "A shop's return window (public)", params: IdParams, response: { 200: Policy } } },
    async (req) => returnPolicy(db, req.params.id),
  );
  app.put(
    '/sellers/:id/return-policy',
    {
      schema: {
        tags,
        summary: 'The shop sets how many days after delivery buyers may ask for a return (0-30)',
        params: IdParams,
        body: Type.Object({ windowDays: Type.Integer({ minimum: 0, maximum: 30 }) }, { additionalProperties: false }),
        response: { 200: Policy, ...problemResponses },
      },
    },
    async (req) => setReturnPolicy(db, req.actor, req.params.id, req.body),
  );
  app.post(
    '/orders/:id/returns',
    {
      schema: {
        tags,
        summary: 'The buyer asks for a return or a refund of a delivered line (Idempotency-Key)',
        params: IdParams,
        body: ReturnRequestBody,
        response: { 201: ReturnSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const { id } = await requestReturn(db, req.actor, req.params.id, req.body, keyOf(req));
      return reply.code(201).send(await view(req, id));
    },
  );
  app.get(
    '/orders/:id/returns',
    {
      schema: {
        tags,
        summary: "An order's returns",
        params: IdParams,
        response: { 200: ReturnList, ...problemResponses },
      },
    },
    async (req) => ({ items: await orderReturns(db, req.actor, req.params.id, req.locale) }),
  );
  app.get(
    '/returns',
    { schema: { tags, summary: "The buyer's returns", response: { 200: ReturnList, ...problemResponses } } },
    async (req) => ({ items: await myReturns(db, req.actor, req.locale) }),
  );
  app.get(
    '/returns/:id',
    { schema: { tags, summary: 'A return (its buyer, its shop, operators)', params: IdParams, response: Ok } },
    async (req) => view(req, req.params.id),
  );
  app.post(
    '/returns/:id/offer-answer',
    {
      schema: {
        tags,
        summary: "The buyer accepts the shop's partial refund (paid at once) or declines it (to the operator)",
        params: IdParams,
        body: Type.Object(
          { accept: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: Ok,
      },
    },
    async (req) => {
      await send((await answerOffer(db, req.actor, req.params.id, req.body, keyOf(req))).refundId);
      return view(req, req.params.id);
    },
  );
  app.post(
    '/returns/:id/escalation',
    {
      schema: {
        tags,
        summary: 'The buyer asks the operator to decide',
        params: IdParams,
        body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: Ok,
      },
    },
    async (req) => {
      await escalateReturn(db, req.actor, req.params.id, req.body, keyOf(req));
      return view(req, req.params.id);
    },
  );
  app.post(
    '/returns/:id/withdrawal',
    { schema: { tags, summary: 'The buyer withdraws the return', params: IdParams, response: Ok } },
    async (req) => {
      await withdrawReturn(db, req.actor, req.params.id);
      return view(req, req.params.id);
    },
  );
  app.post(
    '/returns/:id/decision',
    {
      schema: {
        tags,
        summary: 'The shop accepts, offers a partial refund, or refuses with a reason (Idempotency-Key)',
        params: IdParams,
        body: ShopDecisionBody,
        response: Ok,
      },
    },
    async (req) => {
      await send((await decideAsShop(db, req.actor, req.params.id, req.body, keyOf(req))).refundId);
      return view(req, req.params.id);
    },
  );
  app.get(
    '/sellers/:id/returns',
    {
      schema: {
        tags,
        summary: "A shop's returns (optionally by status, comma-separated)",
        params: IdParams,
        querystring: Type.Object({ status: Type.Optional(Type.String({ maxLength: 200, pattern: '^[a-z_,]*$' })) }),
        response: { 200: ReturnList, ...problemResponses },
      },
    },
    async (req) => ({
      items: await shopReturns(
        db,
        req.actor,
        req.params.id,
        (req.query.status ?? '').split(',').filter(Boolean),
        req.locale,
      ),
    }),
  );
  app.get(
    '/operator/returns',
    { schema: { tags, summary: 'Escalated returns (operators)', response: { 200: ReturnList, ...problemResponses } } },
    async (req) => ({ items: await escalatedReturns(db, req.actor, req.locale) }),
  );
  app.post(
    '/operator/returns/:id/decision',
    {
      schema: {
        tags,
        summary: 'The operator decides an escalated return: refund now, goods back first, or reject (Idempotency-Key)',
        params: IdParams,
        body: OperatorDecisionBody,
        response: Ok,
      },
    },
    async (req) => {
      await send((await decideAsOperator(db, req.actor, req.params.id, req.body, keyOf(req))).refundId);
      return view(req, req.params.id);
    },
  );
  app.post(
    '/returns/:id/label',
    {
      schema: {
        tags,
        summary: 'The buyer gets the prepaid return label (Thailand Post, through shipping)',
        params: IdParams,
        response: Ok,
      },
    },
    async (req) => {
      await bookReturnLabel(db, req.actor, req.params.id);
      return view(req, req.params.id);
    },
  );
  app.get(
    '/returns/:id/label.pdf',
    {
      schema: {
        tags,
        summary: 'The return label (PDF)',
        params: IdParams,
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.type('application/pdf').send(await returnLabelPdf(db, req.actor, req.params.id, deps.shipping)),
  );
  app.post(
    '/returns/:id/handover',
    { schema: { tags, summary: 'The buyer handed the parcel to the post office', params: IdParams, response: Ok } },
    async (req) => {
      await handOverReturn(db, req.actor, req.params.id, deps.shipping);
      return view(req, req.params.id);
    },
  );
  app.post(
    '/returns/:id/received',
    {
      schema: {
        tags,
        summary: 'The shop has its goods back: the refund follows (Idempotency-Key)',
        params: IdParams,
        response: Ok,
      },
    },
    async (req) => {
      await send((await confirmReceivedByShop(db, req.actor, req.params.id, keyOf(req))).refundId);
      return view(req, req.params.id);
    },
  );
  app.post(
    '/returns/:id/inspection',
    {
      schema: {
        tags,
        summary:
          'The hub inspects goods returned to it: sealed ones back into stock, others destroyed; customs told for a bonded sale; then the refund',
        params: IdParams,
        body: Type.Object({ sealed: Type.Boolean() }, { additionalProperties: false }),
        response: Ok,
      },
    },
    async (req) => {
      await send((await inspectAtHub(db, req.actor, deps.customs, req.params.id, req.body, keyOf(req))).refundId);
      return view(req, req.params.id);
    },
  );
  app.get(
    '/hubs/:id/returns',
    {
      schema: {
        tags,
        summary: 'Returns on their way back to a hub or waiting for inspection (its staff)',
        params: IdParams,
        response: { 200: ReturnList, ...problemResponses },
      },
    },
    async (req) => ({
      items: await returnViews(db, await hubReturnsWaiting(db, req.actor, req.params.id), req.locale),
    }),
  );
}
