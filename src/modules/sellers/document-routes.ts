// HTTP for a shop application's papers: the owner uploads and removes them while the application
// can change; the owner and operators list and open them. Multipart lives in its own scope here.
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, problemResponses, Uuid } from '../../platform/http.ts';
import { createPrivateMediaStorage } from '../../platform/storage.ts';
import { readUpload } from '../../platform/uploads.ts';
import {
  APPLICATION_DOCUMENT_KINDS,
  addApplicationDocument,
  applicationDocumentFile,
  listApplicationDocuments,
  removeApplicationDocument,
} from './documents.ts';

export const ApplicationDocumentSchema = Type.Object({
  id: Uuid,
  kind: Type.String({ description: APPLICATION_DOCUMENT_KINDS.join(', ') }),
  contentType: Type.String(),
  bytes: Type.Integer(),
  uploadedAt: Type.String(),
  fileUrl: Type.String(),
});

const DocumentParams = Type.Object({ id: Uuid, documentId: Uuid });

export async function applicationDocumentRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['sellers'];
  const storage = createPrivateMediaStorage(app.config);
  const maxBytes = app.config.uploadLimitBytes;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 2, parts: 3 } });

  app.post(
    '/sellers/:id/application/documents',
    {
      schema: {
        tags,
        summary:
          'Attach a paper to a pending or rejected application (the owner): multipart field "document" (JSON {"kind": id_card, company_certificate, community_enterprise_certificate, cooperative_certificate, otop_registration, bank_book or other}) then the file (PDF, JPEG, PNG or WebP)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: ApplicationDocumentSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const doc = await addApplicationDocument(
        app.db,
        storage,
        req.actor,
        req.params.id,
        async () => {
          const { json, file } = await readUpload(req, 'document', { fileOptional: true });
          const kind = json && typeof json === 'object' ? (json as { kind?: unknown }).kind : undefined;
          return { kind, file };
        },
        maxBytes,
      );
      return reply.code(201).send(doc);
    },
  );

  app.get(
    '/sellers/:id/application/documents',
    {
      schema: {
        tags,
        summary: "An application's papers (the shop's owner and operators)",
        params: IdParams,
        response: { 200: Type.Array(ApplicationDocumentSchema), ...problemResponses },
      },
    },
    async (req) => listApplicationDocuments(app.db, req.actor, req.params.id),
  );

  app.get(
    '/sellers/:id/application/documents/:documentId/file',
    {
      schema: {
        tags,
        summary: "One of an application's papers, to open (the shop's owner and operators)",
        params: DocumentParams,
      },
    },
    async (req, reply) => {
      const file = await applicationDocumentFile(app.db, storage, req.actor, req.params.id, req.params.documentId);
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.size)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline')
        .send(file.body);
    },
  );

  app.delete(
    '/sellers/:id/application/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'Remove a paper from a pending or rejected application (the owner)',
        params: DocumentParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      await removeApplicationDocument(app.db, storage, req.actor, req.params.id, req.params.documentId);
      return reply.code(204).send(null);
    },
  );
}
