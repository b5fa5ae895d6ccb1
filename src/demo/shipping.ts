// Demo orders that show shipping: the demo buyer has bought rice and coffee, and paid. The rice
// cooperative has shipped its order with Thailand Post (the carrier sandbox then reports it, one
// carrier hour per CARRIER_SANDBOX_SECONDS_PER_HOUR, to delivered); the coffee cooperative is preparing
// its order, ready for its "shipped" step with a tracking number (it ships from its own location).
import type { Db } from '../platform/db.ts';
import type { Config } from '../platform/config.ts';
import type { Hooks } from '../platform/module.ts';
import type { Actor } from '../platform/actor.ts';
import { systemActor } from '../platform/actor.ts';
import { hashRequest } from '../platform/idempotency.ts';
import { addToCarts, cartOwnerKey, cartOwnerOf } from '../modules/cart/index.ts';
import { placeOrdersDurably } from '../modules/orders/index.ts';
import { markGroupPaid, transitionOrder } from '../modules/orders/index.ts';
import { s10Number } from '../modules/shipping/index.ts';

export interface DemoShop {
  slug: string;
  sellerId: string;
  owner: Actor;
  variantIds: string[];
}

export async function seedShippingDemo(
  db: Db,
  config: Config,
  hooks: Hooks,
  buyer: Actor,
  shops: DemoShop[],
): Promise<void> {
  const rice = shops.find((s) => s.slug === 'thung-kula-hom-mali-rice');
  const coffee = shops.find((s) => s.slug === 'doi-nan-arabica');
  const ownerKey = cartOwnerKey(buyer);
  if (!rice || !coffee || !ownerKey) return;
  await db.transaction((tx) =>
    addToCarts(tx, [
      { ownerKey, variantId: rice.variantIds[0], quantity: 2 },
      { ownerKey, variantId: coffee.variantIds[0], quantity: 1 },
    ]),
  );
  const input = {
    shippingAddress: {
      name: 'สมศรี ใจดี',
      phone: '0891234567',
      houseNumber: '99/1',
      moo: '4',
      soi: 'ลาดพร้าว 101',
      road: 'ลาดพร้าว',
      subdistrict: 'คลองจั่น',
      district: 'บางกะปิ',
      provinceCode: '10',
      postcode: '10240',
    },
    contactPhone: '0891234567',
  };
  const [answer] = await placeOrdersDurably(
    db,
    [
      {
        actor: buyer,
        owner: cartOwnerOf(buyer)!,
        idempotencyKey: 'demo-shipping',
        requestHash: hashRequest('checkout', input),
        input,
      },
    ],
    config,
  );
  if (answer.statusCode !== 201 || !('orders' in answer.body)) return;
  await markGroupPaid(db, systemActor('payments'), answer.body.orderGroupId);
  for (const order of answer.body.orders) {
    const shop: DemoShop = order.sellerId === rice.sellerId ? rice : coffee;
    await transitionOrder(db, shop.owner, order.id, 'processing');
    if (shop === rice)
      await transitionOrder(
        db,
        shop.owner,
        order.id,
        'shipped',
        { carrier: 'thailand-post', trackingNumber: s10Number('EF', 25_691_122) },
        hooks,
      );
  }
}
