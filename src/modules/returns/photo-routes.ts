// HTTP for a return's photos (multipart in its own scope): the buyer uploads, the buyer, the shop
// and operators open them. Checked by their bytes (PDF is not a photo: JPEG, PNG or WebP only).
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { IdParams, problemResponses, Uuid } from '../../platform/http.ts';
import { createPrivateMediaStorage } from '../../platform/storage.ts';
import { readUpload } from '../../platform/uploads.ts';
import { addReturnPhoto, returnPhotoFile } from './requests.ts';
import { ReturnSchema } from './schemas.ts';
import { getReturn } from './views.ts';

export async function returnPhotoRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const storage = createPrivateMediaStorage(app.config);
  const maxBytes = app.config.uploadLimitBytes;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 1, parts: 2 } });
  app.post(
    '/returns/:id/photos',
    {
      schema: {
        tags: ['returns'],
        summary: 'The buyer adds a photo of the goods (multipart field "file": JPEG, PNG or WebP; at most 5)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: ReturnSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const { file } = await readUpload(req, null, { fileOptional: true });
      await addReturnPhoto(app.db, storage, req.actor, req.params.id, file, maxBytes);
      return reply.code(201).send(await getReturn(app.db, req.actor, req.params.id, req.locale));
    },
  );
  app.get(
    '/returns/:id/photos/:photoId',
    {
      schema: {
        tags: ['returns'],
        summary: "A return's photo (its buyer, its shop, operators)",
        params: Type.Object({ id: Uuid, photoId: Uuid }),
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...problemResponses },
      },
    },
    async (req, reply) => {
      const obj = await returnPhotoFile(app.db, storage, req.actor, req.params.id, req.params.photoId);
      return reply.type(obj.contentType).header('cache-control', 'private, no-store').send(obj.body);
    },
  );
}
