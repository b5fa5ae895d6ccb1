// The media routes cannot be walked out of their folder. Over a real socket (so no client tidies the
// path first), every way of spelling "the parent folder" — plain, percent-encoded, double-encoded,
// with backslashes, absolute, with NUL bytes, through a symlink planted inside the folder — gets a
// clean 400 or 404 and never the bytes of a file outside media/ (the private papers beside it, a
// secret above it, the server's own files). The same holds for the web app's /assets/ folder.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clientDir } from '../src/web/build-output.ts';
import { useTestApp } from './db.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'talad-media-path-'));
const t = useTestApp({ DATA_DIR: dataDir });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const SECRET = 'SECRET-OUTSIDE-THE-MEDIA-FOLDER';
const PICTURE = 'A-REAL-PICTURE';

/** A GET with the path sent byte for byte as written. */
function get(base: URL, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: base.hostname, port: base.port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

/** The ways a path may try to say "go up", each aimed at `target` from inside `prefix`. */
function escapes(prefix: string, target: string): string[] {
  const up = [
    '../',
    '..%2f',
    '%2e%2e/',
    '%2e%2e%2f',
    '%2E%2E%2F',
    '%252e%252e%252f',
    '..%252f',
    '..\\',
    '..%5c',
    '%2e%2e%5c',
    '.%2e/',
    '%c0%ae%c0%ae/',
    '....//',
    '..;/',
  ];
  const paths: string[] = [];
  for (const u of up) for (const depth of [1, 2, 3, 6]) paths.push(`${prefix}${u.repeat(depth)}${target}`);
  return paths;
}

describe('media paths stay inside their folder', () => {
  it('serves what is inside and refuses every way out with a clean 400 or 404', async () => {
    const media = join(dataDir, 'media');
    mkdirSync(join(media, 'products', 's1'), { recursive: true });
    mkdirSync(join(dataDir, 'private-media', 'sellers'), { recursive: true });
    writeFileSync(join(media, 'products', 's1', 'real.png'), PICTURE);
    writeFileSync(join(dataDir, 'secret.png'), SECRET);
    writeFileSync(join(dataDir, 'private-media', 'sellers', 'idcard.pdf'), SECRET);
    // A symlink planted inside the folder, pointing out of it (a file and a whole folder).
    symlinkSync(join(dataDir, 'secret.png'), join(media, 'products', 's1', 'link.png'));
    symlinkSync(join(dataDir, 'private-media'), join(media, 'papers'));

    const base = new URL(await t.app.listen({ host: '127.0.0.1', port: 0 }));
    const real = await get(base, '/api/media/products/s1/real.png');
    expect([real.status, real.type, real.body]).toEqual([200, 'image/png', PICTURE]);
    // The web app's own files are still served (the build is made before the tests).
    const script = readdirSync(clientDir).find((f) => f.endsWith('.js'));
    expect((await get(base, `/assets/${script}`)).status).toBe(200);

    const attempts = [
      ...escapes('/api/media/', 'secret.png'),
      ...escapes('/api/media/products/s1/', 'secret.png'),
      ...escapes('/api/media/', 'private-media/sellers/idcard.pdf'),
      ...escapes('/api/media/', 'package.json'),
      ...escapes('/api/media/products/', '../../../../../../etc/passwd'),
      ...escapes('/assets/', 'secret.png'),
      ...escapes('/assets/', 'package.json'),
      `/api/media/${encodeURIComponent(join(dataDir, 'secret.png'))}`,
      `/api/media/${join(dataDir, 'secret.png')}`,
      `/api/media//${join(dataDir, 'secret.png').slice(1)}`,
      '/api/media/%2fetc%2fpasswd',
      '/api/media/C:%5cWindows%5cwin.ini',
      '/api/media/products/s1/real.png%00.pdf',
      '/api/media/products/s1/real.png%00',
      '/api/media/%00../secret.png',
      '/api/media/products/s1/link.png',
      '/api/media/papers/sellers/idcard.pdf',
      '/api/media/products/s1/real.png/',
      '/api/media/products/s1/',
      '/api/media/',
      '/api/media/.',
      '/api/media/..',
      '/api/media/~/secret.png',
      '/api/media/products/s1/REAL.PNG',
      `/api/media/${'a/'.repeat(400)}x.png`,
    ];
    const leaks: string[] = [];
    const unclean: string[] = [];
    for (const path of attempts) {
      const res = await get(base, path);
      if (res.body.includes(SECRET) || res.body.includes('"name": "talad"') || res.body.includes('root:'))
        leaks.push(`${path} → ${res.status}`);
      if (res.status !== 400 && res.status !== 404) unclean.push(`${path} → ${res.status}`);
      else if (!res.type.startsWith('application/problem+json') && !res.type.startsWith('application/json'))
        unclean.push(`${path} → ${res.status} ${res.type}`);
    }
    console.log(`media paths: ${attempts.length} ways out tried, ${leaks.length} leaked, ${unclean.length} unclean`);
    expect(leaks).toEqual([]);

    expect(unclean).toEqual([]);
  });
});
