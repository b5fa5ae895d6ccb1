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
interface Found { pos: number[]; width: number }

const ALL_WEIGHTS = 0b1111;
const WEIGHT_BIT: Record<string, number> = { A: 1 << 3, B: 1 << 2, C: 1 << 1, D: 1 };

function weightMask(weights: string): number {
  if (!weights) return ALL_WEIGHTS;
  let mask = 0;
  for (const w of weights.toUpperCase()) mask |= WEIGHT_BIT[w] ?? 0;
  return mask;
}

/** The slot of lexeme `id` in a product's sorted lexeme ids, or -1. */
function slotOf(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid];
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

interface Leaf { ids: number[]; idSet: Set<number> | null; mask: number }

/** A tsquery tree made ready for one index: lexemes looked up once. */
export class Matcher {
  private readonly root: Compiled;

  constructor(private readonly index: MemoryIndex, node: TsNode) {
    this.root = this.compile(node);
  }

  /** Products that can match, each once: the postings of the narrowest side of every AND. */
  candidates(stamp: Int32Array, epoch: number): number[] {
    const out: number[] = [];
    const collect = (c: Compiled) => {
      if (c.kind === 'leaf') {
        for (const id of c.leaf.ids) {
          const posting = this.index.postings[id];
          const data = posting.data;
          for (let k = 0; k < posting.length; k++) {
            const n = data[k];
            if (stamp[n] !== epoch) { stamp[n] = epoch; out.push(n); }
          }
        }
      } else if (c.kind === 'or') c.children.forEach(collect);
      else collect(c.children.reduce((a, b) => (b.estimate < a.estimate ? b : a)));
    };
    collect(this.root);
    return out;
  }

  matches(n: number): boolean {
    const ids = this.index.lexIds[n];
    return ids !== null && this.test(this.root, ids, this.index.positions[n]!);
  }

  private compile(node: TsNode): Compiled {
    if (node.op === 'lexeme') {
      const ids = node.prefix ? this.index.lexemesStartingWith(node.text) : [this.index.findLexeme(node.text)].filter((id) => id >= 0);
      const leaf: Leaf = { ids, idSet: ids.length > 8 ? new Set(ids) : null, mask: weightMask(node.weights) };
      return { kind: 'leaf', leaf, estimate: ids.reduce((sum, id) => sum + this.index.postings[id].length, 0) };
    }
    const children = node.children.map((c) => this.compile(c));
    const sizes = children.map((c) => c.estimate);
    return { kind: node.op, children, estimate: node.op === 'or' ? sizes.reduce((a, b) => a + b, 0) : Math.min(...sizes) };
  }

  /** Outside phrases only whether it matches. */
  private test(c: Compiled, ids: Int32Array, positions: Uint16Array): boolean {
    switch (c.kind) {
      case 'leaf': return this.leafMatches(c.leaf, ids, positions);
      case 'and': return c.children.every((x) => this.test(x, ids, positions));
      case 'or': return c.children.some((x) => this.test(x, ids, positions));
      case 'phrase': return this.find(c, ids, positions) !== null;
    }
  }

  private leafMatches(leaf: Leaf, ids: Int32Array, positions: Uint16Array): boolean {
    const hasWeight = (slot: number) => {
      if (leaf.mask === ALL_WEIGHTS) return true;
      for (let k = positions[slot]; k < positions[slot + 1]; k++) if (leaf.mask & (1 << (positions[k] & 3))) return true;
      return false;
    };
    if (leaf.idSet) {
      for (let slot = 0; slot < ids.length; slot++) if (leaf.idSet.has(ids[slot]) && hasWeight(slot)) return true;
      return false;
    }
    for (const id of leaf.ids) {
      const slot = slotOf(ids, id);
      if (slot >= 0 && hasWeight(slot)) return true;
    }
    return false;
  }

  private leafPositions(leaf: Leaf, ids: Int32Array, positions: Uint16Array): number[] {
    const out: number[] = [];
    const take = (slot: number) => {
      for (let k = positions[slot]; k < positions[slot + 1]; k++) {
        if (leaf.mask & (1 << (positions[k] & 3))) out.push(positions[k] >> 2);
      }
    };
    if (leaf.idSet) { for (let slot = 0; slot < ids.length; slot++) if (leaf.idSet.has(ids[slot])) take(slot); }
    else for (const id of leaf.ids) { const slot = slotOf(ids, id); if (slot >= 0) take(slot); }
    return leaf.ids.length > 1 ? sortedUnique(out) : out;
  }

  /** Inside a phrase: where it matches, or null. */
  private find(c: Compiled, ids: Int32Array, positions: Uint16Array): Found | null {
    if (c.kind === 'leaf') {
      const pos = this.leafPositions(c.leaf, ids, positions);
      return pos.length ? { pos, width: 0 } : null;
    }
    if (c.kind === 'or') {
      const found = c.children.map((x) => this.find(x, ids, positions));
      const width = Math.max(0, ...found.map((f) => f?.width ?? 0));
      const pos = sortedUnique(found.flatMap((f) => (f ? f.pos.map((p) => p + width - f.width) : [])));
      return pos.length ? { pos, width } : null;
    }
    let left = this.find(c.children[0], ids, positions);
    for (let k = 1; left && k < c.children.length; k++) {
      const right = this.find(c.children[k], ids, positions);
      if (!right) return null;
      if (c.kind === 'phrase') {
        const starts = new Set(left.pos.map((p) => p + 1 + right.width));
        const pos = right.pos.filter((p) => starts.has(p));
        left = pos.length ? { pos, width: left.width + 1 + right.width } : null;
      } else {
        const width = Math.max(left.width, right.width);
        const ends = new Set(left.pos.map((p) => p + width - left!.width));
        const pos = right.pos.map((p) => p + width - right.width).filter((p) => ends.has(p));
        left = pos.length ? { pos, width } : null;
      }
    }
    return left;
  }
}

type Compiled =
  | { kind: 'leaf'; leaf: Leaf; estimate: number }
  | { kind: 'and' | 'or' | 'phrase'; children: Compiled[]; estimate: number };

function sortedUnique(xs: number[]): number[] {
  xs.sort((a, b) => a - b);
  return xs.filter((x, i) => i === 0 || x !== xs[i - 1]);
}

/** A score made ready for one index: each tsquery in it compiled once. */
export class Scorer {
  private readonly compiled: ((n: number) => number) | null;

  constructor(index: MemoryIndex, score: Score | null) {
    const build = (s: Score): ((n: number) => number) => {
      if (s.op === 'points') {
        const m = new Matcher(index, s.node);
        const points = s.points;
        return (n) => (m.matches(n) ? points : 0);
      }
      const parts = s.parts.map(build);
      return s.op === 'sum' ? (n) => parts.reduce((sum, p) => sum + p(n), 0) : (n) => Math.max(...parts.map((p) => p(n)));
    };
    this.compiled = score ? build(score) : null;
  }

  score(n: number): number {
    return this.compiled ? this.compiled(n) : 0;
  }
}
