import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid, problemResponses } from '../../platform/http.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { answerError, hashRequest, validIdempotencyKey } from '../../platform/idempotency.ts';
import { normalizeEmail, normalizeThaiMobile } from '../../platform/thai.ts';
import { PROVINCE_CODES } from '../../platform/provinces.ts';
import { cartOwnerOf } from '../cart/index.ts';
import { thaiAddressErrors } from './address-check.ts';
import type { CheckoutInput } from './checkout.ts';
import type { ModuleContext } from '../../platform/module.ts';
import type { OrdersRuntime } from './runtime.ts';
import {
  getOrder,
  getOrderGroup,
  listAllOrders,
  listBuyerOrders,
  listSellerOrders,
  transitionOrder,
} from './service.ts';

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
export const ThaiAddress = Type.Object(
  {
    name: Text(100),
    phone: Text(20),
    houseNumber: Text(50),
    moo: Type.Optional(Text(10, 0)),
    village: Type.Optional(Text(100, 0)),
    soi: Type.Optional(Text(100, 0)),
    road: Type.Optional(Text(100, 0)),
    subdistrict: Text(100),
    district: Text(100),
    provinceCode: Type.Union(PROVINCE_CODES.map((c) => Type.Literal(c))),
    postcode: Type.String({ pattern: '^[1-9][0-9]{4}$' }),
  },
  { additionalProperties: false },
);

const Status = Type.Union([
  Type.Literal('pending_payment'),
  Type.Literal('paid'),
  Type.Literal('processing'),
  Type.Literal('shipped'),
  Type.Literal('delivered'),
  Type.Literal('cancelled'),
]);
const Line = Type.Object(
  {
    variantId: Uuid,
    sku: Type.String(),
    title: Type.Any(),
    unitPriceSatang: Type.Integer(),
    quantity: Type.Integer(),
    lineTotalSatang: Type.Integer(),
  },
  { additionalProperties: true },
);
const OrderSummary = Type.Object(
  {
    id: Uuid,
    number: Type.String(),
    sellerId: Uuid,
    status: Status,
    subtotalSatang: Type.Integer(),
    shippingSatang: Type.Integer(),
    discountSatang: Type.Optional(Type.Integer()),
    discounts: Type.Optional(
      Type.Array(
        Type.Object({
          kind: Type.String(),
          id: Type.Union([Type.String(), Type.Null()]),
          code: Type.Union([Type.String(), Type.Null()]),
          amountSatang: Type.Integer(),
          fundedBy: Type.String(),
        }),
        { description: 'Vouchers and free shipping, each with its amount and who funds it' },
      ),
    ),
    totalSatang: Type.Integer(),
    lines: Type.Array(Line),
    fulfilment: Type.Optional(
      Type.Union([Type.Literal('hub'), Type.Literal('shop')], { description: 'Who ships it: a hub or the shop' }),
    ),
    actions: Type.Optional(
      Type.Array(Status, {
        description: 'What the caller may do next (for a shop, "delivered" means sending a proof of delivery)',
      }),
    ),
  },
  { additionalProperties: true },
);
const Checkout = Type.Object({
  orderGroupId: Uuid,
  status: Type.Literal('pending_payment'),
  currency: Type.String(),
  subtotalSatang: Type.Integer(),
  shippingSatang: Type.Integer(),
  discountSatang: Type.Integer({ description: 'Voucher and free-shipping discounts of its orders' }),
  totalSatang: Type.Integer(),
  paymentDueAt: Type.String(),
  orders: Type.Array(OrderSummary),
});
const paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  perPage: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};
const PageQuery = Type.Object(paging);
const OrderPage = Type.Object({
  items: Type.Array(OrderSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  perPage: Type.Integer(),
});

export async function orderRoutes(plain: FastifyInstance, ctx: ModuleContext, rt: OrdersRuntime): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['orders'];
  const { checkout } = rt;

  app.post(
    '/checkout',
    {
      schema: {
        tags,
        summary: 'Place the orders in the cart: one order per shop, stock reserved, pending payment',
        description:
          'Requires an Idempotency-Key header: a retry with the same key and body returns the first answer; the same key with another body is refused.',
        body: Type.Object(
          {
            shippingAddress: ThaiAddress,
            contactPhone: Text(20),
            contactEmail: Type.Optional(Text(254)),
            expectedTotalSatang: Type.Optional(Type.Integer({ minimum: 0 })),
            voucherCodes: Type.Optional(
              Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
                maxItems: 10,
                description: 'At most one voucher per shop and one platform voucher',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Checkout, ...problemResponses },
      },
    },
    async (req, reply) => {
      const key = validIdempotencyKey(req.headers['idempotency-key'] as string | undefined);
      if (!key) throw new AppError(400, 'idempotency_key_required');
      const body = req.body;
      const errors: FieldError[] = [];
      const addressPhone = normalizeThaiMobile(body.shippingAddress.phone);
      const contactPhone = normalizeThaiMobile(body.contactPhone);
      const contactEmail = body.contactEmail === undefined ? undefined : normalizeEmail(body.contactEmail);
      if (!addressPhone) errors.push({ field: 'shippingAddress.phone', code: 'not_thai_mobile' });
      if (!contactPhone) errors.push({ field: 'contactPhone', code: 'not_thai_mobile' });
      if (contactEmail === null) errors.push({ field: 'contactEmail', code: 'bad_format' });
      errors.push(...thaiAddressErrors(body.shippingAddress, 'shippingAddress'));
      if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
      const owner = cartOwnerOf(req.actor);
      if (!owner) throw new AppError(422, 'cart_empty');
      const input: CheckoutInput = {
        shippingAddress: { ...body.shippingAddress, phone: addressPhone! },
        contactPhone: contactPhone!,
        ...(contactEmail ? { contactEmail } : {}),
        ...(body.expectedTotalSatang !== undefined ? { expectedTotalSatang: body.expectedTotalSatang } : {}),
        ...(body.voucherCodes?.length ? { voucherCodes: body.voucherCodes.map((c) => c.trim().toUpperCase()) } : {}),
      };
      const answer = await checkout({
        actor: req.actor,
        owner,
        idempotencyKey: key,
        requestHash: hashRequest('checkout', input),
        input,
      });
      const error = answerError(answer);
      if (error) throw error;
      return reply.code(201).send(answer.body as any);
    },
  );

  app.get(
    '/orders',
    { schema: { tags, summary: "The caller's own orders", querystring: PageQuery, response: { 200: OrderPage } } },
    async (req) => listBuyerOrders(app.db, req.actor, req.locale, req.query.page, req.query.perPage),
  );

  app.get(
    '/orders/:id',
    {
      schema: {
        tags,
        summary: 'One order (its buyer, its shop, or an operator)',
        params: Type.Object({ id: Uuid }),
        response: { 200: OrderSummary, ...problemResponses },
      },
    },
    async (req) => getOrder(app.db, req.actor, req.params.id, req.locale),
  );

  app.get(
    '/order-groups/:id',
    {
      schema: {
        tags,
        summary: 'The orders of one checkout',
        params: Type.Object({ id: Uuid }),
        response: {
          200: Type.Object(
            { id: Uuid, totalSatang: Type.Integer(), orders: Type.Array(OrderSummary) },
            { additionalProperties: true },
          ),
          ...problemResponses,
        },
      },
    },
    async (req) => getOrderGroup(app.db, req.actor, req.params.id, req.locale),
  );

  app.post(
    '/orders/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move an order along its life: processing, shipped, delivered, or cancelled before shipping',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            to: Type.Union([
              Type.Literal('processing'),
              Type.Literal('shipped'),
              Type.Literal('delivered'),
              Type.Literal('cancelled'),
            ]),
            reason: Type.Optional(Text(500)),
            trackingNumber: Type.Optional(Type.String({ minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9 -]+$' })),
            carrier: Type.Optional(
              Type.String({
                maxLength: 40,
                description: 'With to=shipped: thailand-post (default), kerry-express, flash-express or jt-express',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: OrderSummary, ...problemResponses },
      },
    },
    async (req) => {
      await transitionOrder(
        app.db,
        req.actor,
        req.params.id,
        req.body.to,
        { reason: req.body.reason, trackingNumber: req.body.trackingNumber, carrier: req.body.carrier },
        ctx.hooks,
      );
      return getOrder(app.db, req.actor, req.params.id, req.locale);
    },
  );

  app.get(
    '/sellers/:sellerId/orders',
    {
      schema: {
        tags,
        summary: "A shop's orders",
        params: Type.Object({ sellerId: Uuid }),
        querystring: Type.Object({ ...paging, status: Type.Optional(Status) }),
        response: { 200: OrderPage, ...problemResponses },
      },
    },
    async (req) => listSellerOrders(app.db, req.actor, req.params.sellerId, req.locale, req.query),
  );

  app.get(
    '/operator/orders',
    {
      schema: {
        tags,
        summary: 'All orders (operators)',
        querystring: Type.Object({ ...paging, status: Type.Optional(Status), sellerId: Type.Optional(Uuid) }),
        response: { 200: OrderPage, ...problemResponses },
      },
    },
    async (req) => listAllOrders(app.db, req.actor, req.locale, req.query),
  );
}
