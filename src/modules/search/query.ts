// From what a buyer typed to what the index is asked. Every word must match (in any language: a
// glossary term also matches its concept, "榴莲" asks for ทุเรียน and durian too); words written
// together must follow each other (a phrase); the last word may be half-typed. The plan is written
// out as PostgreSQL tsquery text, lexemes quoted as they are (no parser, no dictionary).
import { tokenize, type Token } from './tokenizer.ts';
import { conceptLexeme, glossary } from './glossary.ts';
import { descriptionLexeme } from './lexemes.ts';

/** Tokens that must follow each other; `prefix` lets the last one be the beginning of a word. */
export interface Phrase {
  tokens: string[];
  prefix: boolean;
}
/** One required word (or glossary term): any of its phrases or concepts will do. */
export interface Term {
  phrases: Phrase[];
  concepts: string[];
  prefixConcepts?: string[];
}

export interface QueryPlan {
  /** Alternative readings of the query, each a list of required terms; the first is the plain one. */
  variants: Term[][];
  /** The words searched for (stop words left out), with the whitespace-separated chunk of each. */
  tokens: Token[];
  chunks: number[];
  /** The last word was still being typed (no space after it). */
  prefixLast: boolean;
}

/** Words that say nothing about the product ("cheap", "free shipping", "the"), dropped unless alone. */
const STOP_WORDS = new Set([
  'ราคาถูก',
  'ราคา',
  'ถูก',
  'ส่งฟรี',
  'ขาย',
  'ของแท้',
  'แท้',
  'และ',
  'กับ',
  'ที่',
  'สำหรับ',
  'แบบ',
  '的',
  '和',
  '与',
  '便宜',
  '包邮',
  '正品',
  '特价',
  'the',
  'a',
  'an',
  'and',
  'of',
  'for',
  'with',
  'in',
  'from',
  'to',
  'cheap',
  'buy',
  'best',
  'sale',
]);

const MAX_TOKENS = 16;

/**
 * The plan for a query. `halfTyped` reads a last word with nothing after it as possibly unfinished
 * (suggestions always; results only once the words as typed found nothing, so that a complete
 * "ข้าว" is rice, not also ข้าวโพด).
 */
export function compileQuery(text: string, opts: { halfTyped?: boolean } = {}): QueryPlan {
  const prefixLast = (opts.halfTyped ?? true) && /[\p{L}\p{N}\p{M}]$/u.test(text);
  const all: Token[] = [];
  const chunkOf: number[] = [];
  text
    .split(/\s+/)
    .filter(Boolean)
    .forEach((chunk, i) => {
      for (const t of tokenize(chunk))
        if (all.length < MAX_TOKENS) {
          all.push(t);
          chunkOf.push(i);
        }
    });
  const spans = glossary.tagQuery(all);
  const inSpan = new Set(spans.flatMap((s) => range(s.start, s.end)));
  // Stop words as ICU cuts them too: ส่งฟรี arrives as ส่ง | ฟรี.
  const stop = new Set<number>();
  for (let i = 0; i < all.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(all.length, i + 3); j++) {
      joined += all[j].text;
      if (STOP_WORDS.has(joined)) for (const k of range(i, j + 1)) stop.add(k);
    }
  }
  let keep = all.map((_, i) => inSpan.has(i) || !stop.has(i));
  if (!keep.some(Boolean)) keep = all.map(() => true);
  const source: Source = { all, chunkOf, keep };
  const plan: QueryPlan = {
    variants: [],
    tokens: all.filter((_, i) => keep[i]),
    chunks: chunkOf.filter((_, i) => keep[i]),
    prefixLast,
  };
  if (!plan.tokens.length) return plan;

  const main = termsFor(source, all.length);
  const lastIndex = keep.lastIndexOf(true);
  if (prefixLast && lastIndex === all.length - 1 && longEnoughForPrefix(all[lastIndex])) {
    const last = main[main.length - 1];
    for (const p of last.phrases) p.prefix = true;
    // Glossary terms that begin with a lone half-typed word ("榴" -> durian) match in any language.
    if (last.phrases.length === 1 && last.phrases[0].tokens.length === 1 && !last.concepts.length) {
      last.prefixConcepts = glossary.conceptsStartingWith(all[lastIndex].text);
    }
    // A Thai word typed halfway is often cut by ICU into pieces ("ทุเรีย" -> ทุ | เรีย): the last two
    // or three pieces of the same chunk may also be the beginning of one word.
    for (const k of [2, 3]) {
      const start = all.length - k;
      if (
        start < 0 ||
        !range(start, all.length).every((i) => all[i].script === 'thai' && keep[i] && chunkOf[i] === chunkOf[lastIndex])
      )
        break;
      const joined = all
        .slice(start)
        .map((t) => t.text)
        .join('');
      const head = termsFor(source, start);
      head.push({
        phrases: [{ tokens: [joined], prefix: true }],
        concepts: [],
        prefixConcepts: glossary.conceptsStartingWith(joined),
      });
      plan.variants.push(head);
    }
  }
  plan.variants.unshift(main);
  return plan;
}

interface Source {
  all: Token[];
  chunkOf: number[];
  keep: boolean[];
}

/** A beginning too short matches too many words to mean anything ("ส", "a"): it is taken as typed. */
function longEnoughForPrefix(t: Token): boolean {
  if (t.script === 'number') return false;
  return [...t.text].length >= (t.script === 'han' ? 1 : 2);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/**
 * The required terms of tokens [0, end): one per glossary span (its tokens as a phrase, or its
 * concept), and one per run of other words written together (without spaces, so a phrase:
 * "มือถือ" is มือ <-> ถือ and finds โทรศัพท์มือถือ). Stop words are left out and break runs.
 */
function termsFor({ all, chunkOf, keep }: Source, end: number): Term[] {
  const terms: Term[] = [];
  const spans = glossary.tagQuery(all.slice(0, end));
  const spanAt = new Map(spans.map((s) => [s.start, s]));
  let run: string[] = [];
  const flush = () => {
    if (run.length) terms.push({ phrases: [{ tokens: run, prefix: false }], concepts: [] });
    run = [];
  };
  for (let i = 0; i < end; ) {
    const span = spanAt.get(i);
    if (span) {
      flush();
      terms.push({
        phrases: [{ tokens: all.slice(span.start, span.end).map((t) => t.text), prefix: false }],
        concepts: [...span.concepts],
      });
      i = span.end;
      continue;
    }
    if (!keep[i]) {
      flush();
      i++;
      continue;
    }
    if (run.length && chunkOf[i] !== chunkOf[i - 1]) flush();
    run.push(all[i].text);
    i++;
  }
  flush();
  return terms;
}

export interface TsqueryOptions {
  /** Only lexemes of these weights count: 'A' title, 'B' attributes. */
  weights?: string;
  /** Leave out half-typed words (prefixes) and the other readings: the exact words only. */
  exact?: boolean;
  /** The terms must follow each other in order (the whole query as one phrase). */
  phrase?: boolean;
}

/**
 * A tsquery as a tree: what the PostgreSQL engine writes out as tsquery text and the in-memory
 * replica evaluates itself, with PostgreSQL's own semantics (memory-match.ts).
 */
export type TsNode =
  | { op: 'lexeme'; text: string; prefix: boolean; weights: string }
  | { op: 'and' | 'or' | 'phrase'; children: TsNode[] };

const OPERATORS = { and: ' & ', or: ' | ', phrase: ' <-> ' } as const;

function combine(op: 'and' | 'or' | 'phrase', children: TsNode[]): TsNode {
  return children.length === 1 ? children[0] : { op, children };
}

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The tree as tsquery text, lexemes quoted as they are. */
export function writeTsquery(node: TsNode, root = true): string {
  if (node.op === 'lexeme') {
    const flags = `${node.prefix ? '*' : ''}${node.weights}`;
    return flags ? `${quote(node.text)}:${flags}` : quote(node.text);
  }
  const text = node.children.map((c) => writeTsquery(c, false)).join(OPERATORS[node.op]);
  return root && node.op === 'and' ? text : `(${text})`;
}

const lexeme = (text: string, prefix: boolean, weights: string): TsNode => ({ op: 'lexeme', text, prefix, weights });

function termTree(term: Term, o: TsqueryOptions): TsNode {
  const weights = o.weights ?? '';
  const phrase = (tokens: string[], prefix: boolean) =>
    combine(
      'phrase',
      tokens.map((t, i) => lexeme(t, prefix && i === tokens.length - 1, weights)),
    );
  return combine('or', [
    ...term.phrases.map((p) => phrase(p.tokens, p.prefix && !o.exact)),
    // Description words (weight C, see lexemes.ts) only when no field is asked for, and whole.
    ...(weights ? [] : term.phrases.map((p) => phrase(p.tokens.map(descriptionLexeme), false))),
    ...[...term.concepts, ...(o.exact ? [] : (term.prefixConcepts ?? []))].map((c) =>
      lexeme(conceptLexeme(c), false, weights),
    ),
  ]);
}

/** The plan as a tsquery tree, or null when nothing is searched for. */
export function tsqueryTree(plan: QueryPlan, o: TsqueryOptions = {}): TsNode | null {
  if (!plan.variants.length) return null;
  const variants = o.exact || o.phrase ? plan.variants.slice(0, 1) : plan.variants;
  return combine(
    'or',
    variants.map((terms) =>
      combine(
        o.phrase ? 'phrase' : 'and',
        terms.map((t) => termTree(t, o)),
      ),
    ),
  );
}

/** The plan as tsquery text, or null when nothing is searched for. */
export function toTsquery(plan: QueryPlan, o: TsqueryOptions = {}): string | null {
  const tree = tsqueryTree(plan, o);
  return tree && writeTsquery(tree);
}

/** Each term of the plain reading on its own: for when no product has every word. */
export function termTrees(plan: QueryPlan): TsNode[] {
  return (plan.variants[0] ?? []).map((t) => termTree(t, {}));
}
