// HTTP for the catalog: the shop side (seller-routes.ts), the storefront, the category tree and
// the media files.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { notFound } from '../../platform/errors.ts';
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
      schema: { tags, summary: 'An image or thumbnail', params: Type.Object({ '*': Type.String() }) },
    },
    async (request, reply) => {
      const key = request.params['*'];
      const object = isValidMediaKey(key) ? await storage.get(key) : null;
      if (!object) throw notFound('media');
      return (
        reply
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
