// HTTP for a shop's own products: /api/sellers/:sellerId/products/... (members write, operators read).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, invalid } from '../../platform/errors.ts';
import { problemResponses } from '../../platform/http.ts';
import type { MediaStorage } from '../../platform/storage.ts';
import {
  addProductImage,
  addVariant,
  createProduct,
  deleteProductImage,
  deleteVariant,
  getSellerProduct,
  listSellerProducts,
  reorderProductImages,
  setProductStatus,
  updateProduct,
  updateVariant,
} from './service.ts';
import {
  ImageOrderBody,
  ImageParams,
  pageOf,
  ProductBody,
  ProductParams,
  ProductPatch,
  SellerParams,
  SellerProduct,
  SellerProductQuery,
  SellerProductSummary,
  StatusBody,
  VariantBody,
  VariantParams,
  VariantPatch,
} from './schemas.ts';

const tags = ['catalog: seller'];
const product = { 200: SellerProduct, ...problemResponses };
const created = { 201: SellerProduct, ...problemResponses };

export function sellerProductRoutes(base: FastifyInstance, storage: MediaStorage): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const path = '/sellers/:sellerId/products';

  app.get(
    path,
    {
      schema: {
        tags,
        summary: "List the shop's products, newest change first",
        params: SellerParams,
        querystring: SellerProductQuery,
        response: { 200: pageOf(SellerProductSummary), ...problemResponses },
      },
    },
    (request) => listSellerProducts(app.db, request.actor, { ...request.params, ...request.query }, storage),
  );

  app.post(
    path,
    {
      schema: {
        tags,
        summary: 'Create a product (as a draft) with its variants',
        params: SellerParams,
        body: ProductBody,
        response: created,
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createProduct(app.db, request.actor, { ...request.body, ...request.params }, storage)),
  );

  app.get(
    `${path}/:productId`,
    {
      schema: {
        tags,
        summary: 'One product with all its languages, variants and images',
        params: ProductParams,
        response: product,
      },
    },
    (request) => getSellerProduct(app.db, request.actor, request.params, storage),
  );

  app.patch(
    `${path}/:productId`,
    {
      schema: {
        tags,
        summary: 'Change product fields (texts replace all three languages at once)',
        params: ProductParams,
        body: ProductPatch,
        response: product,
      },
    },
    (request) => updateProduct(app.db, request.actor, { ...request.body, ...request.params }, storage),
  );

  app.put(
    `${path}/:productId/status`,
    {
      schema: {
        tags,
        summary: 'Publish (active), unpublish (draft) or archive',
        params: ProductParams,
        body: StatusBody,
        response: product,
      },
    },
    (request) => setProductStatus(app.db, request.actor, { ...request.params, status: request.body.status }, storage),
  );

  app.post(
    `${path}/:productId/variants`,
    {
      schema: { tags, summary: 'Add a variant', params: ProductParams, body: VariantBody, response: created },
    },
    async (request, reply) =>
      reply.code(201).send(await addVariant(app.db, request.actor, { ...request.body, ...request.params }, storage)),
  );

  app.patch(
    `${path}/:productId/variants/:variantId`,
    {
      schema: {
        tags,
        summary: 'Change a variant (price, SKU, options, active...)',
        params: VariantParams,
        body: VariantPatch,
        response: product,
      },
    },
    (request) => updateVariant(app.db, request.actor, { ...request.body, ...request.params }, storage),
  );

  app.delete(
    `${path}/:productId/variants/:variantId`,
    {
      schema: {
        tags,
        summary: 'Delete a variant of a product never published (deactivate it otherwise)',
        params: VariantParams,
        response: product,
      },
    },
    (request) => deleteVariant(app.db, request.actor, request.params, storage),
  );

  app.post(
    `${path}/:productId/images`,
    {
      schema: {
        tags,
        summary: 'Upload a JPEG, PNG or WebP image (multipart field "file", optional field "alt" before it)',
        consumes: ['multipart/form-data'],
        params: ProductParams,
        response: created,
      },
    },
    async (request, reply) => {
      // Read only once the service has checked who is asking: a stranger's upload is refused unread.
      const upload = async () => {
        if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type');
        try {
          const file = await request.file();
          if (!file) throw invalid('file', 'required');
          const bytes = await file.toBuffer(); // past UPLOAD_LIMIT_BYTES this throws a 413
          const alt = file.fields.alt;
          return {
            bytes,
            alt: alt && !Array.isArray(alt) && alt.type === 'field' ? String(alt.value).slice(0, 200) : null,
          };
        } catch (err: any) {
          if (err instanceof AppError || err?.statusCode) throw err;
          throw new AppError(400, 'bad_request'); // a cut or malformed multipart body
        }
      };
      return reply.code(201).send(await addProductImage(app.db, request.actor, { ...request.params, upload }, storage));
    },
  );

  app.delete(
    `${path}/:productId/images/:imageId`,
    {
      schema: { tags, summary: 'Delete an image', params: ImageParams, response: product },
    },
    (request) => deleteProductImage(app.db, request.actor, request.params, storage),
  );

  app.put(
    `${path}/:productId/images/order`,
    {
      schema: {
        tags,
        summary: 'Put the images in this order (each image once; the first is the cover)',
        params: ProductParams,
        body: ImageOrderBody,
        response: product,
      },
    },
    (request) =>
      reorderProductImages(app.db, request.actor, { ...request.params, imageIds: request.body.imageIds }, storage),
  );
}
