// Uploaded documents (a certificate, a shop application's papers, a delivery photo): a PDF or a
// photo or scan (JPEG, PNG, WebP), known by its first bytes, never by its name or what the browser
// says, and kept in the private media storage (no public address) by the module that owns it.
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from './errors.ts';
import type { MediaStorage } from './storage.ts';

export const DOCUMENT_TYPES = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
} as const;
export type DocumentExtension = keyof typeof DOCUMENT_TYPES;

/** The type the bytes are, by their magic numbers, or null when they are none of the accepted ones. */
export function documentTypeOf(bytes: Buffer): DocumentExtension | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'webp';
  return null;
}

export interface StoredDocument {
  key: string;
  type: string;
  bytes: number;
}

/** Checks and stores a document under `folder/<id>.<ext>`; refuses anything else with a field error. */
export async function storeDocument(
  storage: MediaStorage,
  folder: string,
  id: string,
  bytes: Buffer,
  maxBytes: number,
  field = 'document',
): Promise<StoredDocument> {
  if (!bytes.length) throw new AppError(422, 'validation_failed', {}, [{ field, code: 'required' }]);
  if (bytes.length > maxBytes)
    throw new AppError(413, 'document_too_large', { max: Math.floor(maxBytes / 1024 / 1024) || 1 }, [
      { field, code: 'document_too_large', params: { max: Math.floor(maxBytes / 1024 / 1024) || 1 } },
    ]);
  const ext = documentTypeOf(bytes);
  if (!ext) throw new AppError(422, 'document_not_supported', {}, [{ field, code: 'document_not_supported' }]);
  const key = `${folder}/${id}.${ext}`;
  await storage.put(key, bytes, DOCUMENT_TYPES[ext]);
  return { key, type: DOCUMENT_TYPES[ext], bytes: bytes.length };
}

/**
 * Checks and stores a photo (JPEG, PNG or WebP by its bytes; a PDF is a document, not a photo) under
 * `folder/<id>.<ext>`, as returns and reviews keep the pictures buyers attach.
 */
export async function storePhoto(
  storage: MediaStorage,
  folder: string,
  id: string,
  bytes: Buffer,
  maxBytes: number,
  field = 'file',
): Promise<StoredDocument> {
  if (bytes.length && documentTypeOf(bytes) === 'pdf')
    throw new AppError(422, 'document_not_supported', {}, [{ field, code: 'document_not_supported' }]);
  return storeDocument(storage, folder, id, bytes, maxBytes, field);
}

/**
 * A multipart upload's parts in order: the JSON field `jsonField` (if named) then the file. The
 * route's module registers @fastify/multipart with its own size limit; past it this throws a 413.
 * With `fileOptional`, a missing file comes back as null, so the caller can report it with the
 * other fields' errors at once.
 */
export async function readUpload(
  request: FastifyRequest,
  jsonField: string | null,
): Promise<{ json: unknown; file: Buffer }>;
export async function readUpload(
  request: FastifyRequest,
  jsonField: string | null,
  opts: { fileOptional: true },
): Promise<{ json: unknown; file: Buffer | null }>;
export async function readUpload(
  request: FastifyRequest,
  jsonField: string | null,
  opts: { fileOptional?: boolean } = {},
): Promise<{ json: unknown; file: Buffer | null }> {
  if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type');
  let json: unknown = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (jsonField && part.fieldname === jsonField) json = JSON.parse(String(part.value));
        continue;
      }
      const file = await part.toBuffer();
      if (jsonField && json === null) throw invalid(jsonField, 'required');
      return { json, file };
    }
  } catch (err) {
    if (err instanceof AppError || (err as { statusCode?: number })?.statusCode) throw err;
    throw new AppError(400, 'bad_request'); // a cut or malformed multipart body, or JSON that is not
  }
  if (opts.fileOptional && (json !== null || !jsonField)) return { json, file: null };
  throw invalid(jsonField ? 'document' : 'file', 'required');
}
