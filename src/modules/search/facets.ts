// Facet counts as a buyer reads them: names in the buyer's language, what is selected, categories
// in tree order with their depth.
import { translate, type Locale } from '../../platform/i18n.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import type { CategoryNode } from '../catalog/index.ts';
import { PRICE_BOUNDS, type FacetCounts, type SearchFilters } from './engine.ts';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}
export interface CategoryFacet {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  depth: number;
  count: number;
  selected: boolean;
}
export interface PriceRangeFacet {
  minSatang: number;
  maxSatang: number | null;
  count: number;
  selected: boolean;
}

export interface Facets {
  categories: CategoryFacet[];
  provinces: FacetValue[];
  sellerTypes: FacetValue[];
  certifications: FacetValue[];
  priceRanges: PriceRangeFacet[];
  inStock: { count: number; selected: boolean };
}

const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || (a.value < b.value ? -1 : 1);

/** The price range a facet value stands for: [bound i-1, bound i), satang; the last has no upper end. */
export function priceRange(index: number): { minSatang: number; maxSatang: number | null } {
  return {
    minSatang: index === 0 ? 0 : PRICE_BOUNDS[index - 1],
    maxSatang: index < PRICE_BOUNDS.length ? PRICE_BOUNDS[index] - 1 : null,
  };
}

export function describeFacets(
  counts: FacetCounts,
  tree: CategoryNode[],
  filters: SearchFilters,
  locale: Locale,
): Facets {
  const categoryCounts = new Map(counts.categories.map((c) => [c.id, c.count]));
  const categories: CategoryFacet[] = [];
  const walk = (nodes: CategoryNode[], parentId: string | null, depth: number) => {
    for (const n of nodes) {
      const count = categoryCounts.get(n.id) ?? 0;
      if (!count) continue;
      categories.push({
        id: n.id,
        slug: n.slug,
        name: n.name,
        parentId,
        depth,
        count,
        selected: n.id === filters.categoryId,
      });
      walk(n.children, n.id, depth + 1);
    }
  };
  walk(tree, null, 0);
  const values = (list: { value: string; count: number }[], label: (v: string) => string, selected: string[] = []) =>
    list
      .filter((v) => v.value !== null)
      .map((v) => ({ value: v.value, label: label(v.value), count: v.count, selected: selected.includes(v.value) }))
      .sort(byCount);
  return {
    categories,
    provinces: values(
      counts.provinces,
      (code) => {
        const p = provinceByCode(code);
        return p ? p[locale] : code;
      },
      filters.provinces,
    ),
    sellerTypes: values(counts.sellerTypes, (v) => translate(`search.seller_type.${v}`, locale), filters.sellerTypes),
    certifications: values(counts.certifications, (v) => translate(`search.mark.${v}`, locale), filters.certifications),
    priceRanges: counts.priceRanges
      .slice()
      .sort((a, b) => a.index - b.index)
      .map((r) => {
        const range = priceRange(r.index);
        return {
          ...range,
          count: r.count,
          selected: filters.minPriceSatang === range.minSatang && (filters.maxPriceSatang ?? null) === range.maxSatang,
        };
      }),
    inStock: { count: counts.inStock, selected: Boolean(filters.inStock) },
  };
}
