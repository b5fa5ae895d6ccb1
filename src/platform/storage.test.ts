import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskStorage } from './storage.ts';

const root = mkdtempSync(join(tmpdir(), 'talad-storage-'));
const storage = new LocalDiskStorage(join(root, 'media'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function read(key: string): Promise<string | null> {
  const object = await storage.get(key);
  if (!object) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of object.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

describe('local disk media storage', () => {
  it('keeps, serves and deletes objects under their keys, with their content type', async () => {
    await storage.put('products/s1/p1/a.webp', Buffer.from('picture'), 'image/webp');
    const object = await storage.get('products/s1/p1/a.webp');
    expect([object?.contentType, object?.size]).toEqual(['image/webp', 7]);
    expect(await read('products/s1/p1/a.webp')).toBe('picture');
    expect(storage.url('products/s1/p1/a.webp')).toBe('/api/media/products/s1/p1/a.webp');
    await storage.delete('products/s1/p1/a.webp');
    expect(await storage.get('products/s1/p1/a.webp')).toBeNull();
    await storage.delete('products/s1/p1/a.webp'); // deleting twice is fine
  });

  it('refuses keys that could reach outside its folder, or lie about their type', async () => {
    writeFileSync(join(root, 'secret.png'), 'secret');
    for (const key of [
      '../secret.png',
      'products/../../secret.png',
      '/etc/passwd.png',
      'a\\..\\b.png',
      '.hidden.png',
      'x.svg',
    ]) {
      expect(await storage.get(key), key).toBeNull();
      await expect(storage.put(key, Buffer.from('x'), 'image/png'), key).rejects.toThrow();
    }
    await expect(storage.put('x.png', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/does not match/);
  });
});
