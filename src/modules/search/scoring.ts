// What a query matches and how the matches rank, as data that either engine reads: the PostgreSQL
// engine writes it as SQL (pg-query.ts), the in-memory replica evaluates it (memory-match.ts). And
// the order in which readings of what was typed are tried: as typed, half-typed, spelt as the
// index knows, any of the words.
import type { Executor } from '../../platform/db.ts';
import type { FacetCounts, SearchHit, SearchQuery, SearchResult } from './engine.ts';
import { compileQuery, termTrees, tsqueryTree, type QueryPlan, type TsNode } from './query.ts';
import { correctSpelling } from './spelling.ts';

/** A score: points for each tsquery a product matches, added up, or the best of alternatives. */
export type Score = { op: 'points'; node: TsNode; points: number } | { op: 'sum' | 'max'; parts: Score[] };

/** What a statement matches (null: every product) and how it ranks the matches. */
export interface Scoring {
  match: TsNode | null;
  rel: Score | null;
}

const points = (node: TsNode | null, n: number): Score[] => (node ? [{ op: 'points', node, points: n }] : []);
const sum = (parts: Score[]): Score => (parts.length === 1 ? parts[0] : { op: 'sum', parts });

/**
 * How well a product matches, higher first: each word (or glossary term) scores where it is found,
 * 4 in the title plus 2 in the attributes (category, options, province), 0 in the description
 * only; the words standing in the title as the phrase typed add 8; whole words rather than only the
 * beginning of a longer one add 1. For a half-typed Thai word the best reading counts.
 */
export function relevance(plan: QueryPlan): Score | null {
  if (!plan.variants.length) return null;
  const readings = plan.variants.map((terms) =>
    sum(
      terms.flatMap((term) => {
        const one = { ...plan, variants: [[term]] };
        return [...points(tsqueryTree(one, { weights: 'A' }), 4), ...points(tsqueryTree(one, { weights: 'B' }), 2)];
      }),
    ),
  );
  const words: Score = readings.length > 1 ? { op: 'max', parts: readings } : readings[0];
  const phraseA = plan.variants[0].length > 1 ? tsqueryTree(plan, { weights: 'A', exact: true, phrase: true }) : null;
  return sum([words, ...points(phraseA, 8), ...points(tsqueryTree(plan, { exact: true }), 1)]);
}

/** When no product has every word: how many of the words it has. */
export function wordsMatched(plan: QueryPlan): Score {
  return sum(termTrees(plan).map((node) => ({ op: 'points', node, points: 1 })));
}

/** One page of results for a scoring: what an engine runs. */
export type RunSearch = (scoring: Scoring) => Promise<{ total: number; hits: SearchHit[]; facets: FacetCounts | null }>;

export const EMPTY_FACETS: FacetCounts = {
  categories: [],
  provinces: [],
  sellerTypes: [],
  certifications: [],
  priceRanges: [],
  inStock: 0,
};

/**
 * The words as typed; if nothing, the last word as the beginning of a longer one; if still
 * nothing, the spelling the index knows; if still nothing, any of the words.
 */
export async function answerQuery(db: Executor, query: SearchQuery, run: RunSearch): Promise<SearchResult> {
  if (!query.text.trim())
    return { ...(await run({ match: null, rel: null })), correctedText: null, matchedAllWords: true };
  const attempt = (plan: QueryPlan, match: TsNode) => run({ match, rel: relevance(plan) });
  const plan = compileQuery(query.text, { halfTyped: false });
  const match = tsqueryTree(plan);
  if (!match)
    return {
      total: 0,
      hits: [],
      facets: query.facets ? EMPTY_FACETS : null,
      correctedText: null,
      matchedAllWords: true,
    };
  const first = await attempt(plan, match);
  if (first.total > 0) return { ...first, correctedText: null, matchedAllWords: true };
  const halfTyped = compileQuery(query.text, { halfTyped: true });
  const halfMatch = tsqueryTree(halfTyped);
  if (halfMatch && JSON.stringify(halfMatch) !== JSON.stringify(match)) {
    const begun = await attempt(halfTyped, halfMatch);
    if (begun.total > 0) return { ...begun, correctedText: null, matchedAllWords: true };
  }
  const corrected = await correctSpelling(db, plan);
  if (corrected) {
    const fixed = compileQuery(corrected, { halfTyped: false });
    const fixedMatch = tsqueryTree(fixed);
    if (fixedMatch) {
      const second = await attempt(fixed, fixedMatch);
      if (second.total > 0) return { ...second, correctedText: corrected, matchedAllWords: true };
    }
  }
  if (plan.variants[0].length > 1) {
    const relaxed = await run({ match: { op: 'or', children: termTrees(plan) }, rel: wordsMatched(plan) });
    return { ...relaxed, correctedText: null, matchedAllWords: false };
  }
  return { ...first, correctedText: null, matchedAllWords: true };
}
