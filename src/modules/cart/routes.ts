import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Uuid, problemResponses } from '../../platform/http.ts';
import { newSecret, hashSecret } from '../../platform/ids.ts';
import { GUEST_COOKIE } from '../identity/index.ts';
import { cartOwnerKey } from './owner.ts';
import { createCartWriter, MAX_LINE_QUANTITY, setCartQuantity, viewCart } from './service.ts';

/** A guest gets a cookie on their first add to cart; the cart is keyed by its hash. */
export function ensureGuestCookie(req: FastifyRequest, reply: FastifyReply): void {
  if (req.actor.kind !== 'guest' || req.actor.guestTokenHash) return;
  const secret = newSecret();
  reply.setCookie(GUEST_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.server.config.secureCookies,
    maxAge: 60 * 60 * 24 * 30,
  });
  req.actor = { kind: 'guest', guestTokenHash: hashSecret(secret) };
}

const CartItem = Type.Object({
  variantId: Uuid,
  productId: Uuid,
  sku: Type.String(),
  title: Type.String(),
  titleText: Type.Object({
    th: Type.String(),
    zh: Type.Union([Type.String(), Type.Null()]),
    en: Type.Union([Type.String(), Type.Null()]),
  }),
  optionValues: Type.Array(Type.String()),
  unitPriceSatang: Type.Integer(),
  quantity: Type.Integer(),
  lineTotalSatang: Type.Integer(),
  available: Type.Integer(),
  saleable: Type.Boolean(),
});
const CartView = Type.Object({
  cartId: Type.Union([Uuid, Type.Null()]),
  itemCount: Type.Integer(),
  shops: Type.Array(
    Type.Object({
      sellerId: Uuid,
      shopSlug: Type.String(),
      shopName: Type.String(),
      items: Type.Array(CartItem),
      subtotalSatang: Type.Integer(),
      shippingSatang: Type.Integer(),
    }),
  ),
  subtotalSatang: Type.Integer(),
  shippingSatang: Type.Integer(),
  totalSatang: Type.Integer(),
  readyForCheckout: Type.Boolean(),
});

export async function cartRoutes(plain: FastifyInstance): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['cart'];
  const addToCart = createCartWriter(app.db, app.config);

  app.get(
    '/cart',
    { schema: { tags, summary: "The caller's cart at today's prices and stock", response: { 200: CartView } } },
    async (req) => viewCart(app.db, req.actor, req.locale, app.config),
  );

  app.post(
    '/cart/items',
    {
      schema: {
        tags,
        summary: 'Add a variant to the cart (a guest gets a cart cookie)',
        body: Type.Object(
          { variantId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: MAX_LINE_QUANTITY, default: 1 }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ cartId: Uuid, variantId: Uuid, quantity: Type.Integer() }),
          ...problemResponses,
        },
      },
    },
    async (req, reply) => {
      ensureGuestCookie(req, reply);
      const result = await addToCart({
        ownerKey: cartOwnerKey(req.actor)!,
        variantId: req.body.variantId,
        quantity: req.body.quantity,
      });
      return reply.code(201).send(result);
    },
  );

  app.put(
    '/cart/items/:variantId',
    {
      schema: {
        tags,
        summary: 'Change the quantity of a cart line (0 removes it)',
        params: Type.Object({ variantId: Uuid }),
        body: Type.Object(
          { quantity: Type.Integer({ minimum: 0, maximum: MAX_LINE_QUANTITY }) },
          { additionalProperties: false },
        ),
        response: { 200: CartView, ...problemResponses },
      },
    },
    async (req) => {
      await setCartQuantity(app.db, req.actor, req.params.variantId, req.body.quantity);
      return viewCart(app.db, req.actor, req.locale, app.config);
    },
  );

  app.delete(
    '/cart/items/:variantId',
    {
      schema: {
        tags,
        summary: 'Remove a line from the cart',
        params: Type.Object({ variantId: Uuid }),
        response: { 200: CartView, ...problemResponses },
      },
    },
    async (req) => {
      await setCartQuantity(app.db, req.actor, req.params.variantId, 0);
      return viewCart(app.db, req.actor, req.locale, app.config);
    },
  );
}
