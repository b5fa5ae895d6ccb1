// The returns API's TypeBox schemas (requests validated, responses serialized, OpenAPI documented).
import { Type, type TSchema } from 'typebox';
import { Uuid } from '../../platform/http.ts';
import { RETURN_REASONS } from './messages.ts';

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ReturnSchema = Type.Object({
  id: Uuid,
  orderId: Uuid,
  orderNumber: Type.String(),
  sellerId: Uuid,
  lineNo: Type.Integer(),
  title: Type.String(),
  sku: Type.String(),
  quantity: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  reason: Type.String(),
  reasonLabel: Type.String(),
  note: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  requestedSatang: Type.Integer(),
  offerSatang: N(Type.Integer()),
  agreedSatang: N(Type.Integer()),
  sellerReason: N(Type.String()),
  escalationNote: N(Type.String()),
  operatorNote: N(Type.String()),
  crossBorder: Type.Boolean(),
  toHub: Type.Boolean(),
  hubLocationId: N(Uuid),
  windowDays: Type.Integer(),
  returnBy: N(Type.String()),
  shipment: N(
    Type.Object({
      trackingNumber: Type.String(),
      status: Type.String(),
      statusLabel: Type.String(),
      labelUrl: Type.String(),
    }),
  ),
  disposition: N(Type.String()),
  dispositionLabel: N(Type.String()),
  customs: N(
    Type.Object({ guid: Type.String(), type: Type.String(), status: Type.String(), createdAt: Type.String() }),
  ),
  refundId: N(Uuid),
  refundedAt: N(Type.String()),
  photos: Type.Array(Type.Object({ id: Uuid, url: Type.String(), contentType: Type.String() })),
  steps: Type.Array(
    Type.Object({
      step: Type.String(),
      label: Type.String(),
      note: N(Type.String()),
      amountSatang: N(Type.Integer()),
      at: Type.String(),
    }),
  ),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ReturnList = Type.Object({ items: Type.Array(ReturnSchema) });

export const ReturnRequestBody = Type.Object(
  {
    lineNo: Type.Integer({ minimum: 0, maximum: 1000 }),
    kind: Type.Union([Type.Literal('return'), Type.Literal('refund_only')]),
    reason: Type.Union(RETURN_REASONS.map((r) => Type.Literal(r))),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    quantity: Type.Integer({ minimum: 1, maximum: 100000 }),
  },
  { additionalProperties: false },
);

export const ShopDecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('accept'), Type.Literal('offer'), Type.Literal('refuse')]),
    amountSatang: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000 })),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const OperatorDecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('refund'), Type.Literal('return'), Type.Literal('reject')]),
    amountSatang: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000 })),
    note: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const Policy = Type.Object({ sellerId: Uuid, windowDays: Type.Integer() });
