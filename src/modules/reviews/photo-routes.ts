// HTTP for a review's photos (multipart in its own scope): the buyer uploads; anyone sees those of
// a published review. Checked by their bytes: JPEG, PNG or WebP only.
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { IdParams, problemResponses, Uuid } from '../../platform/http.ts';
import { createPrivateMediaStorage } from '../../platform/storage.ts';
import { readUpload } from '../../platform/uploads.ts';
import { addReviewPhoto, MAX_REVIEW_PHOTOS, reviewPhotoFile } from './photos.ts';

export async function reviewPhotoRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const storage = createPrivateMediaStorage(app.config);
  const maxBytes = app.config.uploadLimitBytes;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 1, parts: 2 } });
  app.post(
    '/reviews/:id/photos',
    {
      schema: {
        tags: ['reviews'],
        summary: `The buyer adds a photo to her review (multipart field "file": JPEG, PNG or WebP; at most ${MAX_REVIEW_PHOTOS})`,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: Type.Object({ id: Type.String() }), ...problemResponses },
      },
    },
    async (req, reply) => {
      const { file } = await readUpload(req, null, { fileOptional: true });
      return reply.code(201).send(await addReviewPhoto(app.db, storage, req.actor, req.params.id, file, maxBytes));
    },
  );
  app.get(
    '/reviews/:id/photos/:photoId',
    {
      schema: {
        tags: ['reviews'],
        summary: "A review's photo",
        params: Type.Object({ id: Uuid, photoId: Uuid }),
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...problemResponses },
      },
    },
    async (req, reply) => {
      const obj = await reviewPhotoFile(app.db, storage, req.actor, req.params.id, req.params.photoId);
      return reply
        .type(obj.contentType)
        .header('cache-control', obj.public ? 'public, max-age=300' : 'private, no-store')
        .send(obj.body);
    },
  );
}
