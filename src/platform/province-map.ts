// Thailand's provinces as outlines for maps drawn on the server: the outlines of the npm package
// @svg-maps/thailand (CC BY 4.0, by Tae Noppakun Wongsrinoppakun after MapSVG), scaled down and
// simplified (Ramer–Douglas–Peucker) once per process to a few tens of kilobytes, keyed by the
// 2-digit province code. Used by the trace page's map (standards) and the insights map.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PROVINCES } from './provinces.ts';

interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}
/** The package's index.js is `export default {...}` in a package without "type": "module": read as data. */
const loadMap = (): SvgMap =>
  JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('@svg-maps/thailand/index.js'), 'utf8')
      .replace(/^\s*export default\s*/, '')
      .replace(/;?\s*$/, ''),
  );

const SCALE = 0.5;
const TOLERANCE = 0.6;
type Point = [number, number];

/** The package's paths use only relative moveto/lineto (m) and closepath (z). */
function polygons(path: string): Point[][] {
  const out: Point[][] = [];
  const tokens = path.match(/[mz]|-?\d*\.?\d+(?:e-?\d+)?/gi) ?? [];
  let x = 0;
  let y = 0;
  let start: Point = [0, 0];
  let current: Point[] | null = null;
  let first = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === 'm' || t === 'M') {
      first = true;
      continue;
    }
    if (t === 'z' || t === 'Z') {
      if (current) out.push(current);
      current = null;
      [x, y] = start;
      continue;
    }
    const dx = Number(t);
    const dy = Number(tokens[++i]);
    x += dx;
    y += dy;
    if (first) {
      start = [x, y];
      current = [];
      first = false;
    }
    current?.push([x, y]);
  }
  if (current?.length) out.push(current);
  return out;
}

function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const len = Math.hypot(bx - ax, by - ay) || 1;
    let worst = -1;
    let far = 0;
    for (let i = a + 1; i < b; i++) {
      const d = Math.abs((bx - ax) * (ay - points[i][1]) - (ax - points[i][0]) * (by - ay)) / len;
      if (d > far) {
        far = d;
        worst = i;
      }
    }
    if (worst > 0 && far > tolerance) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const nameKey = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
const codeByName = new Map(PROVINCES.map((p) => [nameKey(p.en), p.code]));

interface Outline {
  code: string;
  d: string;
}

let outlines: { width: number; height: number; provinces: Outline[] } | null = null;

/** Every province's outline, simplified (made once). */
export function provinceOutlines() {
  if (outlines) return outlines;
  const thailand = loadMap();
  const [, , w, h] = thailand.viewBox.split(' ').map(Number);
  const provinces: Outline[] = [];
  for (const loc of thailand.locations) {
    const code = codeByName.get(nameKey(loc.name));
    if (!code) continue; // the lake of Songkhla is water, not a province
    const d = polygons(loc.path)
      .map((poly) => simplify(poly, TOLERANCE / SCALE))
      .filter((poly) => poly.length >= 3)
      .map(
        (poly) =>
          `M${poly.map(([x, y]) => `${Math.round(x * SCALE * 10) / 10} ${Math.round(y * SCALE * 10) / 10}`).join('L')}Z`,
      )
      .join('');
    provinces.push({ code, d });
  }
  outlines = { width: Math.round(w * SCALE), height: Math.round(h * SCALE), provinces };
  return outlines;
}
