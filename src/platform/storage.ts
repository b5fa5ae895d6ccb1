// Media storage (product images and thumbnails; certificate documents, kept apart) behind one small interface: the local disk under
// DATA_DIR/media today, object storage (S3-compatible) when the platform grows past one machine.
// Keys are relative paths the application makes (`products/<seller>/<product>/<image>.webp`), never
// names a user typed, and are checked again here so that no key can step outside the root.
import { createReadStream } from 'node:fs';
import { mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { newSecret } from './ids.ts';
import type { Config } from './config.ts';

export interface MediaObject {
  body: Readable;
  contentType: string;
  size: number;
}

/** Inclusive byte offsets of a part of an object (an HTTP Range). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface MediaStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object (only the bytes of `range` when given), or null when there is none under this key. */
  get(key: string, range?: ByteRange): Promise<MediaObject | null>;
  /** The object's size without reading it, or null when there is none. */
  size(key: string): Promise<number | null>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Where a browser fetches the object. */
  url(key: string): string;
}

/** Slash-separated segments of lower-case letters, digits, '-' and '_', ending in a known extension. */
const KEY = /^(?:[a-z0-9][a-z0-9_-]*\/){0,8}[a-z0-9][a-z0-9_-]*\.(jpg|png|webp|pdf|mp4|webm)$/;
const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

export const isValidMediaKey = (key: string): boolean => key.length <= 300 && KEY.test(key);
/** The content type a key's extension stands for (keys carry it, so the disk needs no metadata). */
export const contentTypeOfKey = (key: string): string | undefined => CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1)];
export const extensionFor = (contentType: string): string | undefined =>
  Object.entries(CONTENT_TYPES).find(([, type]) => type === contentType)?.[0];

/** Where the public media route serves the public storage's objects. */
export const PUBLIC_MEDIA_PREFIX = '/api/media/';

export class LocalDiskStorage implements MediaStorage {
  private readonly root: string;
  constructor(
    root: string,
    private readonly urlPrefix = PUBLIC_MEDIA_PREFIX,
  ) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    if (!isValidMediaKey(key)) throw new Error(`invalid media key: ${key}`);
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + sep)) throw new Error(`media key escapes the root: ${key}`);
    return path;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    if (contentTypeOfKey(key) !== contentType) throw new Error(`media key ${key} does not match ${contentType}`);
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const temp = `${path}.${newSecret(6)}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, path);
  }

  private realRoot?: Promise<string>;
  /**
   * Where the key's file really is once symlinks are followed, or null when that is outside the
   * folder: a link planted inside (by a restored backup, a careless deploy) cannot serve what it
   * points at.
   */
  private async realPathOf(key: string): Promise<string | null> {
    const real = await realpath(this.pathOf(key));
    this.realRoot ??= realpath(this.root);
    const root = await this.realRoot.catch((err) => {
      this.realRoot = undefined;
      throw err;
    });
    return real.startsWith(root + sep) ? real : null;
  }

  private async fileOf(key: string): Promise<{ path: string; size: number } | null> {
    if (!isValidMediaKey(key)) return null;
    try {
      const path = await this.realPathOf(key);
      if (!path) return null;
      const info = await stat(path);
      return info.isFile() ? { path, size: info.size } : null;
    } catch (err: any) {
      if (err?.code === 'ENOENT' || err?.code === 'ENOTDIR') return null;
      throw err;
    }
  }

  async get(key: string, range?: ByteRange): Promise<MediaObject | null> {
    const file = await this.fileOf(key);
    if (!file) return null;
    const contentType = contentTypeOfKey(key)!;
    if (!range) return { body: createReadStream(file.path), contentType, size: file.size };
    return { body: createReadStream(file.path, range), contentType, size: range.end - range.start + 1 };
  }

  async size(key: string): Promise<number | null> {
    return (await this.fileOf(key))?.size ?? null;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  url(key: string): string {
    return this.urlPrefix + key;
  }
}

export function createMediaStorage(config: Pick<Config, 'dataDir'>): MediaStorage {
  return new LocalDiskStorage(join(config.dataDir, 'media'));
}

/**
 * Media that only their owners and operators may read (certificate documents): the same storage,
 * under DATA_DIR/private-media, which no public route serves. `url` is not a public address; the
 * owning module serves each object after checking who asks.
 */
export function createPrivateMediaStorage(config: Pick<Config, 'dataDir'>): MediaStorage {
  return new LocalDiskStorage(join(config.dataDir, 'private-media'), 'private:');
}
