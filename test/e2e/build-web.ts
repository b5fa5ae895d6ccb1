// Vitest global setup: the web tests render pages from dist/web, so build it when the sources
// changed since the last build (a fresh clone builds once, about a few seconds).
import { buildWeb, isBuildFresh } from '../../web/build.ts';

export default async function setup() {
  if (!isBuildFresh()) await buildWeb();
}
