// Matching a product's lexemes against a tsquery tree in memory, with PostgreSQL's semantics
// (tsvector_op.c): a weighted lexeme matches when one of its positions has that weight; a prefix
// matches every lexeme that begins with it; `<->` needs the right side to start just after the
// left side ends, where a match's position is its end and its width the sum of the distances
// inside it; inside a phrase an OR reports the wider side's width, the narrower side's positions
// moved to its right end. And which products can match at all, from the postings.
import type { MemoryIndex } from './memory-index.ts';
import type { TsNode } from './query.ts';
import type { Score } from './scoring.ts';

/** Positions (ends of matches, ascending, unique) and the width of what matched there. */
interface Found {
  pos: number[];
  width: number;
}

const ALL_WEIGHTS = 0b1111;
const WEIGHT_BIT: Record<string, number> = { A: 1 << 3, B: 1 << 2, C: 1 << 1, D: 1 };

function weightMask(weights: string): number {
  if (!weights) return ALL_WEIGHTS;
  let mask = 0;
  for (const w of weights.toUpperCase()) mask |= WEIGHT_BIT[w] ?? 0;
  return mask;
}

/** The slot of lexeme `id` among product n's lexemes (lexPool[from, from + count)), or -1. */
function slotOf(pool: Int32Array, from: number, count: number, id: number): number {
  let lo = from;
  let hi = from + count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = pool[mid];
    if (v === id) return mid - from;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Room for one query's candidate lists, taken again by the next query: unions and intersections of
 * long postings would otherwise leave megabytes of garbage per query. A list taken here is valid
 * until the next Matcher.candidates() call (runInMemory reads it before its first await).
 */
const scratch = { buffer: new Int32Array(1 << 18), used: 0 };

function take(length: number): Int32Array {
  if (scratch.used + length > scratch.buffer.length) {
    scratch.buffer = new Int32Array(Math.max(scratch.buffer.length * 2, length * 2));
    scratch.used = 0;
  }
  scratch.used += length;
  return scratch.buffer.subarray(scratch.used - length, scratch.used);
}

/** Sorted lists merged into one, each value once (pairwise merges: the lists are few, the values many). */
function union(lists: Int32Array[]): Int32Array {
  let pending = lists.filter((l) => l.length);
  if (!pending.length) return new Int32Array(0);
  while (pending.length > 1) {
    const next: Int32Array[] = [];
    for (let k = 0; k < pending.length; k += 2)
      next.push(k + 1 < pending.length ? merge(pending[k], pending[k + 1]) : pending[k]);
    pending = next;
  }
  return pending[0];
}

function merge(a: Int32Array, b: Int32Array): Int32Array {
  const out = take(a.length + b.length);
  let i = 0;
  let j = 0;
  let w = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x < y) {
      out[w++] = x;
      i++;
    } else if (y < x) {
      out[w++] = y;
      j++;
    } else {
      out[w++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[w++] = a[i++];
  while (j < b.length) out[w++] = b[j++];
  return out.subarray(0, w);
}

function intersect(lists: Int32Array[]): Int32Array {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let out = sorted[0];
  for (let k = 1; k < sorted.length && out.length; k++) {
    const other = sorted[k];
    const next = take(out.length);
    let w = 0;
    let j = 0;
    for (let i = 0; i < out.length; i++) {
      const v = out[i];
      // Gallop through the longer list.
      let step = 1;
      while (j + step < other.length && other[j + step] < v) {
        j += step;
        step *= 2;
      }
      while (j < other.length && other[j] < v) j++;
      if (j < other.length && other[j] === v) next[w++] = v;
    }
    out = next.subarray(0, w);
  }
  return out;
}

interface Leaf {
  ids: number[];
  idSet: Set<number> | null;
  mask: number;
}

/** A tsquery tree made ready for one index: lexemes looked up once. */
export class Matcher {
  private readonly root: Compiled;
  private lexes: Int32Array;
  private positions: Uint16Array;
  private readonly slots = new Int32Array(64);

  constructor(
    private readonly index: MemoryIndex,
    node: TsNode,
  ) {
    this.root = this.compile(node);
    this.lexes = index.lexPool.data;
    this.positions = index.posPool.data;
  }

  /**
   * Products that can match, ascending: the postings of each lexeme, united under an OR and
   * intersected under an AND or a phrase (positions and weights are checked by `matches`).
   */
  candidates(): Int32Array {
    scratch.used = 0;
    const collect = (c: Compiled): Int32Array => {
      if (c.kind === 'leaf')
        return union(c.leaf.ids.length ? c.leaf.ids.map((id) => this.index.postings[id].view()) : [new Int32Array(0)]);
      const lists = c.children.map(collect);
      return c.kind === 'or' ? union(lists) : intersect(lists);
    };
    return collect(this.root);
  }

  matches(n: number): boolean {
    this.lexes = this.index.lexPool.data;
    this.positions = this.index.posPool.data;
    return this.index.alive[n] === 1 && this.test(this.root, n);
  }

  private compile(node: TsNode): Compiled {
    if (node.op === 'lexeme') {
      const ids = node.prefix
        ? this.index.lexemesStartingWith(node.text)
        : [this.index.findLexeme(node.text)].filter((id) => id >= 0);
      return {
        kind: 'leaf',
        leaf: { ids, idSet: ids.length > 8 ? new Set(ids) : null, mask: weightMask(node.weights) },
      };
    }
    const children = node.children.map((c) => this.compile(c));
    // Words written together, each one lexeme (the usual phrase): matched without building position lists.
    if (node.op === 'phrase' && children.every((c) => c.kind === 'leaf' && c.leaf.ids.length <= 1)) {
      const leaves = children.map((c) => (c as { leaf: Leaf }).leaf);
      return { kind: 'words', ids: leaves.map((l) => l.ids[0] ?? -1), masks: leaves.map((l) => l.mask), children };
    }
    return { kind: node.op, children };
  }

  /** Whether lexemes ids[0..] stand at consecutive positions (each with a weight in its mask). */
  private wordsMatch(c: { ids: number[]; masks: number[] }, n: number): boolean {
    return this.wordsAt(c, n, null);
  }

  /** Where the words end, each place once, into `ends` (or, without it, whether there is one). */
  private wordsAt(c: { ids: number[]; masks: number[] }, n: number, ends: number[] | null): boolean {
    const from = this.index.lexStart[n];
    const count = this.index.lexCount[n];
    const block = this.index.posStart[n];
    const pos = this.positions;
    const slots = this.slots;
    for (let k = 0; k < c.ids.length; k++) {
      const slot = c.ids[k] < 0 ? -1 : slotOf(this.lexes, from, count, c.ids[k]);
      if (slot < 0) return false;
      slots[k] = slot;
    }
    const first = slots[0];
    for (let i = block + pos[block + first], end = block + pos[block + first + 1]; i < end; i++) {
      if (!(c.masks[0] & (1 << (pos[i] & 3)))) continue;
      const start = pos[i] >> 2;
      let k = 1;
      for (; k < c.ids.length; k++) {
        let found = false;
        for (let j = block + pos[block + slots[k]], e = block + pos[block + slots[k] + 1]; j < e; j++) {
          if (pos[j] >> 2 === start + k && c.masks[k] & (1 << (pos[j] & 3))) {
            found = true;
            break;
          }
        }
        if (!found) break;
      }
      if (k === c.ids.length) {
        if (!ends) return true;
        ends.push(start + c.ids.length - 1);
      }
    }
    return ends !== null && ends.length > 0;
  }

  /** Outside phrases only whether it matches. */
  private test(c: Compiled, n: number): boolean {
    switch (c.kind) {
      case 'leaf':
        return this.leafMatches(c.leaf, n);
      case 'and':
        for (const x of c.children) if (!this.test(x, n)) return false;
        return true;
      case 'or':
        for (const x of c.children) if (this.test(x, n)) return true;
        return false;
      case 'phrase':
        return this.find(c, n) !== null;
      case 'words':
        return this.wordsMatch(c, n);
    }
  }

  private hasWeight(mask: number, block: number, slot: number): boolean {
    if (mask === ALL_WEIGHTS) return true;
    const pos = this.positions;
    for (let k = block + pos[block + slot], end = block + pos[block + slot + 1]; k < end; k++)
      if (mask & (1 << (pos[k] & 3))) return true;
    return false;
  }

  private leafMatches(leaf: Leaf, n: number): boolean {
    const from = this.index.lexStart[n];
    const count = this.index.lexCount[n];
    const block = this.index.posStart[n];
    if (leaf.idSet) {
      for (let slot = 0; slot < count; slot++)
        if (leaf.idSet.has(this.lexes[from + slot]) && this.hasWeight(leaf.mask, block, slot)) return true;
      return false;
    }
    for (const id of leaf.ids) {
      const slot = slotOf(this.lexes, from, count, id);
      if (slot >= 0 && this.hasWeight(leaf.mask, block, slot)) return true;
    }
    return false;
  }

  private takePositions(out: number[], mask: number, block: number, slot: number): void {
    const pos = this.positions;
    for (let k = block + pos[block + slot], end = block + pos[block + slot + 1]; k < end; k++) {
      if (mask & (1 << (pos[k] & 3))) out.push(pos[k] >> 2);
    }
  }

  private leafPositions(leaf: Leaf, n: number): number[] {
    const from = this.index.lexStart[n];
    const count = this.index.lexCount[n];
    const block = this.index.posStart[n];
    const out: number[] = [];
    if (leaf.idSet) {
      for (let slot = 0; slot < count; slot++)
        if (leaf.idSet.has(this.lexes[from + slot])) this.takePositions(out, leaf.mask, block, slot);
    } else {
      for (const id of leaf.ids) {
        const slot = slotOf(this.lexes, from, count, id);
        if (slot >= 0) this.takePositions(out, leaf.mask, block, slot);
      }
    }
    return leaf.ids.length > 1 ? sortedUnique(out) : out;
  }

  /** Inside a phrase: where it matches, or null. */
  private find(c: Compiled, n: number): Found | null {
    if (c.kind === 'leaf') {
      const pos = this.leafPositions(c.leaf, n);
      return pos.length ? { pos, width: 0 } : null;
    }
    if (c.kind === 'words') {
      const pos: number[] = [];
      return this.wordsAt(c, n, pos) ? { pos, width: c.ids.length - 1 } : null;
    }
    if (c.kind === 'or') {
      const found: Found[] = [];
      let width = 0;
      for (const x of c.children) {
        const f = this.find(x, n);
        if (f) {
          found.push(f);
          if (f.width > width) width = f.width;
        }
      }
      if (!found.length) return null;
      const pos: number[] = [];
      for (const f of found) for (const p of f.pos) pos.push(p + width - f.width);
      return { pos: sortedUnique(pos), width };
    }
    let left = this.find(c.children[0], n);
    for (let k = 1; left && k < c.children.length; k++) {
      const right = this.find(c.children[k], n);
      if (!right) return null;
      const pos: number[] = [];
      if (c.kind === 'phrase') {
        for (const p of right.pos) if (left.pos.includes(p - 1 - right.width)) pos.push(p);
        left = pos.length ? { pos, width: left.width + 1 + right.width } : null;
      } else {
        const width = Math.max(left.width, right.width);
        for (const p of right.pos)
          if (left.pos.includes(p - right.width + left.width)) pos.push(p + width - right.width);
        left = pos.length ? { pos, width } : null;
      }
    }
    return left;
  }
}

type Compiled =
  | { kind: 'leaf'; leaf: Leaf }
  | { kind: 'and' | 'or' | 'phrase'; children: Compiled[] }
  | { kind: 'words'; ids: number[]; masks: number[]; children: Compiled[] };

function sortedUnique(xs: number[]): number[] {
  xs.sort((a, b) => a - b);
  return xs.filter((x, i) => i === 0 || x !== xs[i - 1]);
}

/**
 * A score made ready for one index: each distinct tsquery in it compiled once. Given the tree every
 * scored product is known to match (the query's own), points for that same tree are counted
 * without testing it again.
 */
export class Scorer {
  private readonly compiled: ((n: number) => number) | null;

  constructor(index: MemoryIndex, score: Score | null, matched: TsNode | null = null) {
    const known = matched ? JSON.stringify(matched) : null;
    const matchers = new Map<string, Matcher>();
    const build = (s: Score): ((n: number) => number) => {
      if (s.op === 'points') {
        const points = s.points;
        const key = JSON.stringify(s.node);
        if (key === known) return () => points;
        let m = matchers.get(key);
        if (!m) {
          m = new Matcher(index, s.node);
          matchers.set(key, m);
        }
        const matcher = m;
        return (n) => (matcher.matches(n) ? points : 0);
      }
      const parts = s.parts.map(build);
      return s.op === 'sum'
        ? (n) => {
            let total = 0;
            for (const p of parts) total += p(n);
            return total;
          }
        : (n) => {
            let best = 0;
            for (const p of parts) best = Math.max(best, p(n));
            return best;
          };
    };
    this.compiled = score ? build(score) : null;
  }

  score(n: number): number {
    return this.compiled ? this.compiled(n) : 0;
  }
}
