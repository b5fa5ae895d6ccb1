// Two builds of one app: the browser bundle (hashed files + manifest, one chunk per page group)
// and the server bundle that renders storefront pages to HTML for the Fastify plugin in src/web.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
export const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

export default defineConfig(({ isSsrBuild }) => ({
  root,
  base: '/assets/',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: false } },
  // Production React even when the build runs inside the test runner (which sets NODE_ENV=test).
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: isSsrBuild
    ? {
        outDir: `${outDir}/server`,
        ssr: 'src/entry-server.tsx',
        emptyOutDir: true,
        minify: false,
        target: 'node20',
        // One file: the server never loads a chunk left over from another build.
        rollupOptions: { output: { inlineDynamicImports: true } },
      }
    : {
        outDir: `${outDir}/client`,
        emptyOutDir: true,
        manifest: true,
        target: 'es2020',
        cssCodeSplit: false,
        assetsDir: '',
        rollupOptions: { input: 'src/entry-client.tsx' },
      },
  ssr: { noExternal: [] },
}));
