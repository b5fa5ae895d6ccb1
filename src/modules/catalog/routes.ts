// HTTP for the catalog: the shop side (seller-routes.ts), the storefront, the category tree and
// the media files.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import parseRange from 'range-parser';
import { Type } from 'typebox';
import { AppError, notFound } from '../../platform/errors.ts';
import { problemResponses } from '../../platform/http.ts';
import { createMediaStorage, isValidMediaKey } from '../../platform/storage.ts';
import { categoryTree, getPublicProduct, listPublicProducts } from './service.ts';
import { CategoryNodeSchema, pageOf, ProductQuery, PublicProduct, PublicProductItem } from './schemas.ts';
import { sellerProductRoutes } from './seller-routes.ts';

const tags = ['catalog'];
/** Media keys hold a fresh id for every upload and are never rewritten, so browsers may keep them. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function catalogRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const storage = createMediaStorage(app.config);
  await app.register(multipart, { limits: { fileSize: app.config.uploadLimitBytes, files: 1, fields: 5, parts: 6 } });
  app.addSchema(CategoryNodeSchema);

  sellerProductRoutes(app, storage);

  app.get(
    '/products',
    {
      schema: {
        tags,
        summary: 'Products on sale: filter by category (with sub-categories), shop, province and price; sort; paginate',
        querystring: ProductQuery,
        response: { 200: pageOf(PublicProductItem), ...problemResponses },
      },
    },
    (request) => listPublicProducts(app.db, request.locale, request.query, storage),
  );

  app.get(
    '/products/:id',
    {
      schema: {
        tags,
        summary: 'A product on sale, with its variants, images, category path and shop',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: PublicProduct, ...problemResponses },
      },
    },
    (request) => getPublicProduct(app.db, request.locale, { id: request.params.id }, storage),
  );

  app.get(
    '/products/by-slug/:shopSlug/:productSlug',
    {
      schema: {
        tags,
        summary: 'A product on sale, by shop and product link names',
        params: Type.Object({
          shopSlug: Type.String({ maxLength: 100 }),
          productSlug: Type.String({ maxLength: 100 }),
        }),
        response: { 200: PublicProduct, ...problemResponses },
      },
    },
    (request) => getPublicProduct(app.db, request.locale, request.params, storage),
  );

  app.get(
    '/categories',
    {
      schema: {
        tags,
        summary: 'The category tree, names in the asked language',
        response: { 200: Type.Array(Type.Ref('CatalogCategoryNode')) },
      },
    },
    (request) => categoryTree(app.db, request.locale),
  );

  app.get(
    '/media/*',
    {
      schema: {
        tags,
        summary: 'An image, thumbnail or lesson video (one byte range with `Range: bytes=…`, answered 206)',
        params: Type.Object({ '*': Type.String() }),
      },
    },
    async (request, reply) => {
      const key = request.params['*'];
      const size = isValidMediaKey(key) ? await storage.size(key) : null;
      if (size === null) throw notFound('media');
      // A video player asks for parts; several ranges in one request are answered with the whole object.
      const ranges = request.headers.range ? parseRange(size, request.headers.range, { combine: true }) : -2;
      if (ranges === -1) {
        reply.header('content-range', `bytes */${size}`);
        throw new AppError(416, 'range_not_satisfiable', { size });
      }
      const range = Array.isArray(ranges) && ranges.type === 'bytes' && ranges.length === 1 ? ranges[0] : undefined;
      const object = await storage.get(key, range);
      if (!object) throw notFound('media');
      if (range) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`);
      return (
        reply
          .header('accept-ranges', 'bytes')
          .header('content-type', object.contentType)
          .header('content-length', object.size)
          .header('cache-control', IMMUTABLE)
          // Public product pictures may be shown by a storefront or app on another origin.
          .header('cross-origin-resource-policy', 'cross-origin')
          .send(object.body)
      );
    },
  );
}
