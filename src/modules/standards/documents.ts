// A certificate's document: a PDF or a photo or scan (JPEG, PNG, WebP), known by its first bytes,
// never by its name or what the browser says. Kept in the private media storage (no public
// address); the shop's members and operators read it through the standards routes.
import { AppError } from '../../platform/errors.ts';
import type { MediaStorage } from '../../platform/storage.ts';

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
