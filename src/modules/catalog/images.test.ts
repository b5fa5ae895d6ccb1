import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { createTestDatabase, testConfig } from '../../../test/db.ts';
import type { Database } from '../../platform/db.ts';
import { approvedSeller, type TestSeller } from '../sellers/testing.ts';
import { seedCategories } from './service.ts';
import { categoryIdBySlug, productOnSale } from './testing.ts';

const UPLOAD_LIMIT = 300_000;
let database: Database;
let app: FastifyInstance;
let dataDir: string;
let shop: TestSeller;
let productId: string;
let imagesUrl: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'talad-media-'));
  database = await createTestDatabase();
  app = await buildApp({
    db: database.db,
    config: testConfig({ DATA_DIR: dataDir, UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT) }),
    logger: false,
  });
  await seedCategories(database.db);
  shop = await approvedSeller(app);
  productId = (await productOnSale(app, shop, await categoryIdBySlug(database.db, 'jasmine-rice'))).productId;
  imagesUrl = `/api/sellers/${shop.sellerId}/products/${productId}/images`;
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A multipart/form-data body as a browser would send it. */
async function form(file: { bytes: Buffer; type: string; name: string }, fields: Record<string, string> = {}) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  data.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const encoded = new Response(data);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type')!, cookie: shop.cookie },
  };
}

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 160, b: 40 } } });

async function upload(
  file: { bytes: Buffer; type: string; name: string },
  fields: Record<string, string> = {},
  url = imagesUrl,
) {
  return app.inject({ method: 'POST', url, ...(await form(file, fields)) });
}

describe('product images', () => {
  it('stores an upload with a WebP thumbnail that the storefront can fetch and cache', async () => {
    const png = await picture(1200, 800).png().toBuffer();
    const res = await upload({ bytes: png, type: 'image/png', name: 'ข้าว.png' }, { alt: 'ข้าวหอมมะลิถุง 1 กก.' });
    expect(res.statusCode, res.body).toBe(201);
    const [image] = res.json().images;
    expect(image).toMatchObject({ contentType: 'image/png', width: 1200, height: 800, alt: 'ข้าวหอมมะลิถุง 1 กก.' });

    const thumb = await app.inject({ url: image.thumbnailUrl });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['cache-control']).toContain('immutable');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 400, 267]);

    const original = await app.inject({ url: image.url });
    expect(original.headers['content-type']).toBe('image/png');
    expect((await sharp(original.rawPayload).metadata()).width).toBe(1200);

    const listed = await app.inject({ url: `/api/products?seller=${shop.sellerId}` });
    expect(listed.json().items[0].thumbnailUrl).toBe(image.thumbnailUrl);
  });

  it('turns phone photos upright and drops their metadata', async () => {
    // A camera that was held sideways: 600x300 pixels, EXIF orientation 6 (rotate 90° to view).
    const jpeg = await picture(600, 300).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const res = await upload({ bytes: jpeg, type: 'image/jpeg', name: 'IMG_0001.JPG' });
    expect(res.statusCode, res.body).toBe(201);
    const image = res.json().images.at(-1);
    expect([image.width, image.height]).toEqual([300, 600]);
    const stored = await sharp((await app.inject({ url: image.url })).rawPayload).metadata();
    expect(stored.orientation).toBeUndefined();
    expect(stored.exif).toBeUndefined();
  });

  it('refuses files that are not JPEG, PNG or WebP pictures, whatever they are called', async () => {
    const fakes = [
      { bytes: Buffer.from('not a picture at all'), type: 'image/jpeg', name: 'photo.jpg' },
      {
        bytes: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
        ),
        type: 'image/png',
        name: 'x.png',
      },
      { bytes: await picture(10, 10).gif().toBuffer(), type: 'image/gif', name: 'x.gif' },
      { bytes: (await picture(100, 100).png().toBuffer()).subarray(0, 60), type: 'image/png', name: 'cut.png' },
    ];
    for (const fake of fakes) {
      const res = await upload(fake);
      expect(res.statusCode, fake.name).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'image_not_supported',
        detail: 'รองรับเฉพาะรูปภาพ JPEG, PNG หรือ WebP',
        errors: [{ field: 'file' }],
      });
    }
    const product = await app.inject({
      url: `/api/sellers/${shop.sellerId}/products/${productId}`,
      headers: { cookie: shop.cookie },
    });
    expect(product.json().images).toHaveLength(2);
  });

  it('refuses an upload over the size limit and a request without a file', async () => {
    const noise = Buffer.alloc(UPLOAD_LIMIT + 1000, 7);
    const big = await upload({ bytes: noise, type: 'image/png', name: 'big.png' });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('payload_too_large');
    const json = await app.inject({
      method: 'POST',
      url: imagesUrl,
      headers: { cookie: shop.cookie },
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
  });

  it('refuses uploads from another shop and cut-off bodies', async () => {
    const other = await approvedSeller(app);
    const png = await picture(50, 50).png().toBuffer();
    const body = await form({ bytes: png, type: 'image/png', name: 'a.png' });
    const res = await app.inject({
      method: 'POST',
      url: imagesUrl,
      payload: body.payload,
      headers: { ...body.headers, cookie: other.cookie },
    });
    expect(res.statusCode).toBe(403);
    const broken = await app.inject({
      method: 'POST',
      url: imagesUrl,
      payload: body.payload.subarray(0, 100),
      headers: body.headers,
    });
    expect(broken.statusCode).toBe(400);
  });

  it('reorders images and deletes one together with its files', async () => {
    const before = (
      await app.inject({ url: `/api/sellers/${shop.sellerId}/products/${productId}`, headers: { cookie: shop.cookie } })
    ).json().images;
    const reversed = before.map((i: any) => i.id).reverse();
    const reordered = await app.inject({
      method: 'PUT',
      url: `${imagesUrl}/order`,
      headers: { cookie: shop.cookie },
      payload: { imageIds: reversed },
    });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().images.map((i: any) => i.id)).toEqual(reversed);
    const incomplete = await app.inject({
      method: 'PUT',
      url: `${imagesUrl}/order`,
      headers: { cookie: shop.cookie },
      payload: { imageIds: reversed.slice(1) },
    });
    expect(incomplete.statusCode).toBe(422);

    const victim = before[0];
    const deleted = await app.inject({
      method: 'DELETE',
      url: `${imagesUrl}/${victim.id}`,
      headers: { cookie: shop.cookie },
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().images.map((i: any) => i.id)).toEqual(reversed.filter((id: string) => id !== victim.id));
    expect((await app.inject({ url: victim.url })).statusCode).toBe(404);
    expect((await app.inject({ url: victim.thumbnailUrl })).statusCode).toBe(404);
  });
});

describe('the media route', () => {
  it('never serves a file outside the media folder', async () => {
    for (const url of [
      '/api/media/../../package.json',
      '/api/media/..%2f..%2fpackage.json',
      '/api/media/products/%2e%2e/%2e%2e/package.json',
      '/api/media/%2fetc%2fpasswd',
      '/api/media/products/x/../../../../etc/passwd.png',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
    }
  });
});
