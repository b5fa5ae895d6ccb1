// Spelling correction for queries that found nothing: each word (and, for Thai, each run of two to
// five ICU pieces, since a misspelt Thai word falls apart: ทูเรียน -> ทู | เรียน) is compared with
// the index's vocabulary by trigram similarity (pg_trgm), by a Thai key that ignores tone marks and
// vowel length (ทูเรียน ~ ทุเรียน, ลำใย ~ ลำไย) and by edit distance (durain ~ durian).
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';
import { editDistance, foldThai, type Token } from './tokenizer.ts';
import type { QueryPlan } from './query.ts';

/** Longest run of Thai pieces tried as one word: long names (ประ|จวบ|คี|รี|ขันธ์) fall into five. */
const MAX_THAI_RUN = 5;

interface Candidate {
  start: number;
  end: number;
  text: string;
  replacement: string;
  score: number;
}

/** Spans of the query worth trying: single words, and runs of up to five Thai pieces written together. */
function spansOf(tokens: Token[], chunks: number[]): { start: number; end: number; text: string }[] {
  const spans: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].script !== 'number') spans.push({ start: i, end: i + 1, text: tokens[i].text });
    for (let len = 2; len <= MAX_THAI_RUN && i + len <= tokens.length; len++) {
      const slice = tokens.slice(i, i + len);
      if (!slice.every((t) => t.script === 'thai') || chunks[i + len - 1] !== chunks[i]) break;
      spans.push({ start: i, end: i + len, text: slice.map((t) => t.text).join('') });
    }
  }
  return spans.filter((s) => [...s.text].length >= 2);
}

/**
 * How sure we are that `term` is what was meant by `typed` (0 = not at all): the same Thai key, or
 * a few edits apart for the length. Trigram similarity only finds the candidates: on its own it
 * also likes words that merely contain what was typed (มือ in มือถือ).
 */
function likeness(typed: string, term: string): number {
  if (typed === term) return 0;
  const a = foldThai(typed);
  const b = foldThai(term);
  if (a === b) return 0.95;
  // Dropping or adding whole syllables is not a slip of the finger (ตู้เย็น is not เย็น).
  const [shorter, longer] = [[...typed].length, [...term].length].sort((x, y) => x - y);
  if (shorter / longer < 0.75) return 0;
  const length = Math.max([...a].length, [...b].length);
  const allowed = length <= 5 ? 1 : length <= 9 ? 2 : 3;
  const distance = editDistance(a, b);
  return distance <= allowed ? 1 - distance / length : 0;
}

/**
 * The query with its misspelt words replaced by the closest words the index knows, or null when
 * nothing close enough was found. Words the vocabulary knows as they are stay as typed.
 */
export async function correctSpelling(db: Executor, plan: QueryPlan): Promise<string | null> {
  const { tokens, chunks } = plan;
  const spans = spansOf(tokens, chunks);
  if (!spans.length) return null;
  const lookups = [...new Set(spans.map((s) => s.text))].map((s) => ({ s, f: foldThai(s) }));
  // The nearest terms by trigram distance, straight from the GiST index (short words share few
  // trigrams with their misspellings, so the bar is low: 0.2), and the terms with the same Thai key;
  // judged in code below.
  const rows = await queryRows<{ s: string; term: string; sim: number; docs: number }>(
    db,
    sql`
    select q.s, t.term, t.sim, t.docs
    from jsonb_to_recordset(${JSON.stringify(lookups)}::jsonb) as q(s text, f text)
    cross join lateral (
      select term, docs, sim from (
        select term, docs, similarity(term, q.s) as sim from search_terms order by term <-> q.s limit 16
      ) nearest where sim >= 0.2
      union
      select term, docs, similarity(term, q.s) from search_terms where folded = q.f
      order by sim desc, docs desc, term limit 8
    ) t`,
  );
  const known = new Set(rows.filter((r) => r.term === r.s).map((r) => r.s));
  const unknown = tokens.map((t) => t.script !== 'number' && !known.has(t.text));
  const candidates: Candidate[] = [];
  for (const span of spans) {
    if (known.has(span.text)) continue;
    // While some word is unknown, only spans that contain one may change; otherwise (every piece is
    // a word, but together they found nothing) runs of Thai pieces may.
    const touchesUnknown = unknown.slice(span.start, span.end).some(Boolean);
    if (unknown.some(Boolean) ? !touchesUnknown : span.end - span.start < 2) continue;
    for (const r of rows) {
      if (r.s !== span.text) continue;
      const score = likeness(span.text, r.term);
      if (score >= 0.5) candidates.push({ ...span, replacement: r.term, score: score + Math.min(r.docs, 1000) / 1e6 });
    }
  }
  if (!candidates.length) return null;
  candidates.sort(
    (a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || (a.replacement < b.replacement ? -1 : 1),
  );
  const chosen: Candidate[] = [];
  for (const c of candidates) if (!chosen.some((o) => o.start < c.end && c.start < o.end)) chosen.push(c);
  // Write the query back out: pieces of one chunk joined as typed, chunks separated by spaces.
  const words: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const fix = chosen.find((c) => c.start === i);
    const text = fix ? fix.replacement : tokens[i].text;
    const end = fix ? fix.end : i + 1;
    const glue =
      i > 0 && chunks[i] === chunks[i - 1] && !(tokens[i].script === 'latin' && tokens[i - 1].script === 'latin')
        ? ''
        : ' ';
    words.push(i > 0 ? glue + text : text);
    i = end;
  }
  return words.join('');
}
