// The built web app (dist/web): the browser files with Vite's manifest, and the server renderer.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Render } from '../../web/src/ssr-contract.ts';

export const distDir = join(dirname(fileURLToPath(import.meta.url)), '../../dist/web');
export const clientDir = join(distDir, 'client');

interface ManifestEntry {
  file: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestEntry>;

export interface WebBuild {
  render: Render;
  /** Tags for <head>: the stylesheet and preloads of the entry and of the given lazy chunks. */
  assetTags(chunks: string[]): string;
  entryScript: string;
  /** The JavaScript files a page needs (entry plus chunks and their static imports), for size checks. */
  scriptsFor(chunks: string[]): string[];
}

export class WebBuildMissing extends Error {
  constructor() {
    super('The web app is not built: run `npm run build:web` (npm start does it for you).');
  }
}

export async function loadWebBuild(): Promise<WebBuild> {
  const manifestPath = join(clientDir, '.vite/manifest.json');
  const serverEntry = join(distDir, 'server/entry-server.js');
  if (!existsSync(manifestPath) || !existsSync(serverEntry)) throw new WebBuildMissing();
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entryKey) throw new WebBuildMissing();
  // The file's modification time keeps Node's module cache from serving an older build.
  const { render } = (await import(`${pathToFileURL(serverEntry).href}?v=${statSync(serverEntry).mtimeMs}`)) as {
    render: Render;
  };

  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key) || !manifest[key]) return seen;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) closure(dep, seen);
    return seen;
  };
  const scriptsFor = (chunks: string[]) => {
    const keys = new Set<string>();
    for (const k of [entryKey, ...chunks]) for (const dep of closure(k)) keys.add(dep);
    return [...keys].map((k) => manifest[k].file);
  };
  const css = [
    ...new Set(
      Object.values(manifest).flatMap((e) => [...(e.css ?? []), ...(e.file.endsWith('.css') ? [e.file] : [])]),
    ),
  ];
  const entryScript = `/assets/${manifest[entryKey].file}`;
  const tagCache = new Map<string, string>();
  return {
    render,
    entryScript,
    scriptsFor,
    assetTags(chunks) {
      const cacheKey = chunks.join(',');
      let tags = tagCache.get(cacheKey);
      if (!tags) {
        tags = [
          ...css.map((f) => `<link rel="stylesheet" href="/assets/${f}">`),
          ...scriptsFor(chunks).map((f) => `<link rel="modulepreload" href="/assets/${f}">`),
        ].join('\n');
        tagCache.set(cacheKey, tags);
      }
      return tags;
    },
  };
}

/** Gzipped size in bytes of the JavaScript a page loads. */
export function gzippedScriptBytes(build: WebBuild, chunks: string[]): number {
  return build
    .scriptsFor(chunks)
    .reduce((n, f) => n + gzipSync(readFileSync(join(clientDir, f)), { level: 9 }).length, 0);
}
