// A demo order to China, placed once the app is running (paying needs the sandbox Alipay wallet,
// which is reached over HTTP): the demo buyer orders two durians from the bonded EEC hub for a
// consignee in Guangzhou through the cross-border checkout and approves the payment in the sandbox
// wallet as the named buyer. The background jobs then declare it to the customs sandbox, which
// releases it, and it appears in the EEC hub's outbound list (hub@talad.local) ready to pick.
import type { FastifyInstance } from 'fastify';
import { residentIdCheckChar } from '../modules/crossborder/index.ts';
import { DEMO_PASSWORD } from './data.ts';

const first17 = '44010619900307123';
export const DEMO_CN_BUYER = {
  name: '王小明',
  idNumber: first17 + residentIdCheckChar(first17),
  phone: '13800138000',
  districtCode: '440106',
  addressDetail: '天河路385号太古汇一座1201室',
};

/** Places and pays the demo's cross-border order; returns its order id (or why it could not). */
export async function seedCrossBorderOrder(app: FastifyInstance, productSlug = 'monthong-durian-5kg'): Promise<string> {
  const fail = (step: string, res: { statusCode: number; body: string }) => {
    throw new Error(`demo order to China: ${step} failed (${res.statusCode}) ${res.body.slice(0, 300)}`);
  };
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { identifier: 'buyer@talad.local', password: DEMO_PASSWORD },
  });
  if (signIn.statusCode !== 200) fail('sign-in', signIn);
  const cookie = String(signIn.headers['set-cookie']).split(';')[0];
  const listed = (await app.inject({ url: '/api/products?perPage=50' }))
    .json()
    .items.find((p: { slug: string }) => p.slug === productSlug);
  if (!listed) throw new Error(`demo order to China: no product ${productSlug}`);
  const product = await app.inject({ url: `/api/products/${listed.id}` });
  if (product.statusCode !== 200) fail('product', product);
  const variantId = product.json().variants[0].id;
  const cart = await app.inject({
    method: 'POST',
    url: '/api/cart/items',
    headers: { cookie },
    payload: { variantId, quantity: 2 },
  });
  if (cart.statusCode >= 300) fail('cart', cart);
  const placed = await app.inject({
    method: 'POST',
    url: '/api/crossborder/checkout',
    headers: { cookie, 'idempotency-key': 'demo-cn-order' },
    payload: DEMO_CN_BUYER,
  });
  if (placed.statusCode !== 201) fail('checkout', placed);
  const { orderId, orderGroupId } = placed.json();
  const intent = await app.inject({
    method: 'POST',
    url: `/api/order-groups/${orderGroupId}/payment-intents`,
    headers: { cookie, 'idempotency-key': 'demo-cn-pay' },
    payload: { method: 'alipay' },
  });
  if (intent.statusCode !== 201) fail('payment', intent);
  const paymentId = String(intent.json().redirectUrl).split('/').pop();
  const paid = await app.inject({
    method: 'POST',
    url: `/api/sandbox-gateway/alipay/payments/${paymentId}/confirm`,
    payload: { payer: { name: DEMO_CN_BUYER.name, idNumber: DEMO_CN_BUYER.idNumber } },
  });
  if (paid.statusCode !== 200) fail('sandbox wallet', paid);
  return orderId;
}
