// Shared helpers for tests that buy things through the HTTP API.
import type { FastifyInstance } from 'fastify';

export const thaiAddress = {
  name: 'สมศรี ใจดี',
  phone: '0812345678',
  houseNumber: '99/1',
  moo: '4',
  soi: 'ลาดพร้าว 101',
  road: 'ลาดพร้าว',
  subdistrict: 'คลองจั่น',
  district: 'บางกะปิ',
  provinceCode: '10',
  postcode: '10240',
};

/** The cookie pair a response set, ready to send back. */
export function cookieOf(res: { headers: Record<string, unknown> }, previous = ''): string {
  const set = res.headers['set-cookie'];
  const list = (Array.isArray(set) ? set : set ? [set] : []) as string[];
  const pairs = new Map(previous ? previous.split('; ').map((p) => p.split('=') as [string, string]) : []);
  for (const c of list) {
    const [pair] = c.split(';');
    const [k, v] = pair.split('=');
    pairs.set(k, v);
  }
  return [...pairs].map(([k, v]) => `${k}=${v}`).join('; ');
}

export async function addToCart(app: FastifyInstance, variantId: string, quantity = 1, cookie = '') {
  const res = await app.inject({
    method: 'POST',
    url: '/api/cart/items',
    payload: { variantId, quantity },
    headers: cookie ? { cookie } : {},
  });
  return { res, cookie: cookieOf(res, cookie) };
}

export async function checkout(
  app: FastifyInstance,
  cookie: string,
  key: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/checkout',
    headers: { cookie, 'idempotency-key': key, ...headers },
    payload: { shippingAddress: thaiAddress, contactPhone: '081-234-5678', ...extra },
  });
}
