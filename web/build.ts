// Builds the web app into dist/web: the browser bundle and the server renderer.
// `--if-stale` (used by `npm start`) skips the build when dist/web matches the current sources.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(webRoot, '..');
const stampFile = join(repoRoot, 'dist/web/build-stamp.txt');
// The web bundle also imports a few platform helpers (money, dates, provinces).
const sources = [
  join(webRoot, 'src'),
  join(webRoot, 'vite.config.ts'),
  join(repoRoot, 'src/platform'),
  join(repoRoot, 'package-lock.json'),
];

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/** A hash of every source the build reads, so a stale build is never served. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of sources.flatMap(files).sort()) hash.update(relative(repoRoot, file)).update(readFileSync(file));
  return hash.digest('hex');
}

export function isBuildFresh(): boolean {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8') === sourceHash();
}

/** Gzip and Brotli copies of scripts and styles, served as they are by @fastify/static. */
function precompress(dir: string): void {
  for (const file of files(dir).filter((f) => /\.(js|css)$/.test(f))) {
    const body = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    writeFileSync(`${file}.br`, brotliCompressSync(body));
  }
}

export async function buildWeb(): Promise<void> {
  const configFile = join(webRoot, 'vite.config.ts');
  // A production build whoever runs it (the test runner sets NODE_ENV=test).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile, mode: 'production' });
    await build({ configFile, mode: 'production', build: { ssr: 'src/entry-server.tsx' } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  precompress(join(repoRoot, 'dist/web/client'));
  writeFileSync(stampFile, sourceHash());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && isBuildFresh()) process.exit(0);
  const started = Date.now();
  await buildWeb();
  console.log(`web app built into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
