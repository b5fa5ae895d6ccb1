// Scores the search against the labelled queries: precision at k, where k is the number of
// products a query expects (the share of them found in the first k places), 1 or 0 for a query
// that should find nothing. The mean over all queries is what the test holds to its recorded level.
import type { Db } from '../../../platform/db.ts';
import type { MediaStorage } from '../../../platform/storage.ts';
import { searchProducts } from '../service.ts';
import type { LabelledQuery } from './queries.ts';

export interface Judgement {
  query: LabelledQuery;
  precision: number;
  got: string[];
}

export async function judge(
  db: Db,
  storage: MediaStorage,
  queries: LabelledQuery[],
): Promise<{ precision: number; judgements: Judgement[] }> {
  const judgements: Judgement[] = [];
  for (const query of queries) {
    const k = Math.max(query.top.length, 1);
    const page = await searchProducts(
      db,
      'th',
      { q: query.q, page: 1, perPage: Math.max(k, 5), facets: false },
      storage,
    );
    const got = page.items.map((i) => i.slug);
    const precision = query.top.length
      ? got.slice(0, k).filter((slug) => query.top.includes(slug)).length / k
      : page.total === 0
        ? 1
        : 0;
    judgements.push({ query, precision, got });
  }
  const precision = judgements.reduce((s, j) => s + j.precision, 0) / judgements.length;
  return { precision, judgements };
}
