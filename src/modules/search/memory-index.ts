// The in-memory copy of search_documents that the replica engine answers from: per product its
// filter and ranking columns and its lexemes with positions (as PostgreSQL stores the tsvector),
// and per lexeme the products that have it. Rows arrive from the database (memory-replica.ts);
// nothing here is written anywhere else.

/** A search_documents row as the replica reads it. */
export interface DocumentRow {
  product_id: string;
  seller_id: string;
  /** Comma-separated: the category and its ancestors. */
  category_ids: string;
  province_code: string;
  seller_type: string;
  seller_tier: number;
  /** Comma-separated marks, '' for none. */
  certifications: string;
  price: number;
  in_stock: boolean;
  sales_count: number;
  rating_score: number;
  published_ms: number | null;
  /** The tsvector as PostgreSQL prints it: 'lexeme':1A,5B ... */
  lexemes: string;
  xid: string;
}

/** PostgreSQL's weight codes: A 3, B 2, C 1, D 0. */
const WEIGHT_CODE: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 };

/**
 * A tsvector's text as sorted lexeme ids and packed positions (position << 2 | weight). Lexemes
 * are quoted, with '' for a quote and \\ for a backslash; weight D is printed without a letter.
 */
export function parseTsvector(
  text: string,
  lexemeId: (lexeme: string) => number,
): { ids: Int32Array; positions: Uint16Array } {
  const entries: { id: number; pos: number[] }[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i++;
      continue;
    }
    if (text[i] !== "'") throw new Error(`tsvector: expected a quote at ${i}`);
    let lexeme = '';
    for (i++; ; i++) {
      const c = text[i];
      if (c === undefined) throw new Error('tsvector: unterminated lexeme');
      if (c === '\\') {
        lexeme += text[++i];
        continue;
      }
      if (c === "'") {
        if (text[i + 1] === "'") {
          lexeme += "'";
          i++;
          continue;
        }
        i++;
        break;
      }
      lexeme += c;
    }
    const pos: number[] = [];
    if (text[i] === ':') {
      i++;
      for (;;) {
        let n = 0;
        while (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) n = n * 10 + text.charCodeAt(i++) - 48;
        const w = WEIGHT_CODE[text[i]];
        if (w !== undefined && text[i] !== 'D') i++;
        pos.push((n << 2) | (w ?? 0));
        if (text[i] === ',') {
          i++;
          continue;
        }
        break;
      }
    }
    entries.push({ id: lexemeId(lexeme), pos });
  }
  entries.sort((a, b) => a.id - b.id);
  const ids = new Int32Array(entries.length);
  let total = 0;
  for (const e of entries) total += e.pos.length;
  // The first n + 1 slots are where each lexeme's positions start (offsets into this same array).
  const positions = new Uint16Array(entries.length + 1 + total);
  let at = entries.length + 1;
  entries.forEach((e, k) => {
    ids[k] = e.id;
    positions[k] = at;
    for (const p of e.pos) positions[at++] = p;
  });
  positions[entries.length] = at;
  return { ids, positions };
}

/** A list of numbers that grows, in a typed array. */
class IntList {
  data = new Int32Array(4);
  length = 0;
  private sorted = true;
  push(n: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    if (this.length && n <= this.data[this.length - 1]) this.sorted = false;
    this.data[this.length++] = n;
  }
  /** Ascending, each once (sorted again only after an out-of-order push). */
  view(): Int32Array {
    if (!this.sorted) {
      const s = this.data.subarray(0, this.length).sort();
      let w = 0;
      for (let r = 0; r < s.length; r++) if (r === 0 || s[r] !== s[r - 1]) s[w++] = s[r];
      this.length = w;
      this.sorted = true;
    }
    return this.data.subarray(0, this.length);
  }
}

/** Typed arrays of one kind, end to end, that grow: every product's lexemes (or positions) in one. */
class Pool<T extends Int32Array<ArrayBufferLike> | Uint16Array<ArrayBufferLike>> {
  used = 0;
  constructor(public data: T) {}
  append(values: ArrayLike<number>): number {
    if (this.used + values.length > this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(
        Math.max(Math.ceil(this.data.length * 1.5), this.used + values.length),
      );
      bigger.set(this.data.subarray(0, this.used));
      this.data = bigger;
    }
    this.data.set(values, this.used);
    this.used += values.length;
    return this.used - values.length;
  }
}

/** Strings that repeat across products (province codes, shop ids, category paths) kept once. */
class Interned<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly make: (key: string) => T) {}
  id(key: string): number {
    let n = this.index.get(key);
    if (n === undefined) {
      n = this.values.push(this.make(key)) - 1;
      this.index.set(key, n);
    }
    return n;
  }
}

const split = (s: string) => (s ? s.split(',') : []);

export class MemoryIndex {
  /** Product ids by ordinal, and ordinals by product id (an ordinal is kept when a product leaves). */
  readonly productIds: string[] = [];
  private readonly ordinals = new Map<string, number>();
  private capacity = 1024;
  alive = new Uint8Array(this.capacity);
  tier = new Uint8Array(this.capacity);
  inStock = new Uint8Array(this.capacity);
  sales = new Int32Array(this.capacity);
  rating = new Uint8Array(this.capacity);
  price = new Float64Array(this.capacity);
  published = new Float64Array(this.capacity);
  seller = new Int32Array(this.capacity);
  province = new Int32Array(this.capacity);
  sellerType = new Int32Array(this.capacity);
  categoryPath = new Int32Array(this.capacity);
  marks = new Int32Array(this.capacity);
  /** The transaction that wrote the row held, to skip rows already applied. */
  readonly xids: string[] = [];
  /**
   * Each product's lexeme ids (ascending) are lexCount[n] values of lexPool from lexStart[n]; its
   * positions block starts at posStart[n] in posPool: lexCount + 1 offsets (from the block's start)
   * where each lexeme's packed positions begin, then the positions.
   */
  lexStart = new Int32Array(this.capacity);
  lexCount = new Int32Array(this.capacity);
  posStart = new Int32Array(this.capacity);
  readonly lexPool = new Pool(new Int32Array(1 << 16));
  readonly posPool = new Pool(new Uint16Array(1 << 16));
  /** Pool entries left behind by products changed or removed, reclaimed by compaction. */
  private garbage = 0;

  readonly sellers = new Interned((s) => s);
  readonly provinces = new Interned((s) => s);
  readonly sellerTypes = new Interned((s) => s);
  readonly categoryPaths = new Interned(split);
  readonly markSets = new Interned(split);

  /** Lexemes by id, ids by lexeme, and the products holding each (may list a product that no longer has it). */
  readonly lexemes: string[] = [];
  private readonly lexemeIds = new Map<string, number>();
  readonly postings: IntList[] = [];
  private sortedLexemes: number[] | null = null;
  size = 0;

  /**
   * Each product's place in product id order (ties in ranking are broken by id, as in SQL). Ids are
   * UUIDv7, so a new product mostly comes last and is ranked on arrival; otherwise all are ranked again.
   */
  private ranks = new Float64Array(this.capacity);
  private ranksValid = true;
  private lastRanked = -1;

  idRanks(): Float64Array {
    if (!this.ranksValid) {
      const order = this.productIds.map((_, n) => n).sort((a, b) => (this.productIds[a] < this.productIds[b] ? -1 : 1));
      order.forEach((n, place) => {
        this.ranks[n] = place;
      });
      this.lastRanked = order.length ? order[order.length - 1] : -1;
      this.ranksValid = true;
    }
    return this.ranks;
  }

  private rankNew(n: number): void {
    if (this.ranksValid && (this.lastRanked < 0 || this.productIds[n] > this.productIds[this.lastRanked])) {
      this.ranks[n] = this.lastRanked < 0 ? 0 : this.ranks[this.lastRanked] + 1;
      this.lastRanked = n;
    } else this.ranksValid = false;
  }

  private ordinals0: Int32Array = new Int32Array(0);

  /** Every ordinal, for a query without words (dead ones included: callers check `alive`). */
  allOrdinals(): Int32Array {
    if (this.ordinals0.length !== this.productIds.length)
      this.ordinals0 = Int32Array.from(this.productIds, (_, n) => n);
    return this.ordinals0;
  }

  ordinalOf(productId: string): number | undefined {
    return this.ordinals.get(productId);
  }

  appliedXid(productId: string): string | undefined {
    const n = this.ordinals.get(productId);
    return n === undefined || !this.alive[n] ? undefined : this.xids[n];
  }

  lexemeId(lexeme: string): number {
    let id = this.lexemeIds.get(lexeme);
    if (id === undefined) {
      id = this.lexemes.push(lexeme) - 1;
      this.lexemeIds.set(lexeme, id);
      this.postings.push(new IntList());
      // Once prefix lookups have sorted the lexicon, a new lexeme takes its place in it.
      if (this.sortedLexemes) this.sortedLexemes.splice(this.firstAtOrAfter(lexeme), 0, id);
    }
    return id;
  }

  /** Where `text` stands (or would) in the sorted lexicon. */
  private firstAtOrAfter(text: string): number {
    const sorted = this.sortedLexemes!;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lexemes[sorted[mid]] < text) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  findLexeme(lexeme: string): number {
    return this.lexemeIds.get(lexeme) ?? -1;
  }

  /** Ids of the lexemes that begin with `prefix` (PostgreSQL's `'prefix':*`). */
  lexemesStartingWith(prefix: string): number[] {
    this.sortedLexemes ??= this.lexemes
      .map((_, i) => i)
      .sort((a, b) => (this.lexemes[a] < this.lexemes[b] ? -1 : this.lexemes[a] > this.lexemes[b] ? 1 : 0));
    const sorted = this.sortedLexemes;
    const lo = this.firstAtOrAfter(prefix);
    const out: number[] = [];
    for (let k = lo; k < sorted.length && this.lexemes[sorted[k]].startsWith(prefix); k++) out.push(sorted[k]);
    return out;
  }

  private grow(): void {
    this.capacity *= 2;
    const grown = <T extends Uint8Array | Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity);
      b.set(a);
      return b;
    };
    this.alive = grown(this.alive);
    this.tier = grown(this.tier);
    this.inStock = grown(this.inStock);
    this.sales = grown(this.sales);
    this.rating = grown(this.rating);
    this.price = grown(this.price);
    this.published = grown(this.published);
    this.seller = grown(this.seller);
    this.province = grown(this.province);
    this.sellerType = grown(this.sellerType);
    this.categoryPath = grown(this.categoryPath);
    this.marks = grown(this.marks);
    this.lexStart = grown(this.lexStart);
    this.lexCount = grown(this.lexCount);
    this.posStart = grown(this.posStart);
    this.ranks = grown(this.ranks);
  }

  /** A row as the database has it now (a new product, or a newer version of one). */
  put(row: DocumentRow): void {
    let n = this.ordinals.get(row.product_id);
    if (n === undefined) {
      n = this.productIds.push(row.product_id) - 1;
      this.ordinals.set(row.product_id, n);
      if (n >= this.capacity) this.grow();
      this.xids.push('');
      this.rankNew(n);
    }
    const had = this.alive[n] === 1;
    if (!had) this.size++;
    this.alive[n] = 1;
    this.xids[n] = row.xid;
    this.seller[n] = this.sellers.id(row.seller_id);
    this.categoryPath[n] = this.categoryPaths.id(row.category_ids);
    this.province[n] = this.provinces.id(row.province_code);
    this.sellerType[n] = this.sellerTypes.id(row.seller_type);
    this.tier[n] = row.seller_tier;
    this.marks[n] = this.markSets.id(row.certifications);
    this.price[n] = row.price;
    this.inStock[n] = row.in_stock ? 1 : 0;
    this.sales[n] = row.sales_count;
    this.rating[n] = row.rating_score;
    this.published[n] = row.published_ms ?? Number.NaN;
    const { ids, positions } = parseTsvector(row.lexemes, (l) => this.lexemeId(l));
    // Postings gain the lexemes this version added; those it dropped stay listed until compaction
    // (matching reads the product's own lexemes, so a stale listing finds nothing).
    const before = had ? this.lexPool.data.subarray(this.lexStart[n], this.lexStart[n] + this.lexCount[n]) : null;
    let k = 0;
    for (const id of ids) {
      while (before && k < before.length && before[k] < id) k++;
      if (before && k < before.length && before[k] === id) {
        k++;
        continue;
      }
      this.postings[id].push(n);
    }
    if (had) this.garbage += this.blockSize(n);
    this.lexStart[n] = this.lexPool.append(ids);
    this.lexCount[n] = ids.length;
    this.posStart[n] = this.posPool.append(positions);
    this.compactIfWasteful();
  }

  remove(productId: string): void {
    const n = this.ordinals.get(productId);
    if (n === undefined || !this.alive[n]) return;
    this.alive[n] = 0;
    this.size--;
    this.garbage += this.blockSize(n);
    this.lexCount[n] = 0;
    this.compactIfWasteful();
  }

  /** Pool entries a product holds: its lexeme ids and its positions block. */
  private blockSize(n: number): number {
    return this.lexCount[n] + this.posPool.data[this.posStart[n] + this.lexCount[n]];
  }

  /**
   * When products changed or removed have left half the pools behind: the pools and postings
   * again from the products on hand.
   */
  private compactIfWasteful(): void {
    if (this.garbage < 1 << 20 || this.garbage * 2 < this.lexPool.used + this.posPool.used) return;
    const lexes = this.lexPool.data;
    const positions = this.posPool.data;
    this.lexPool.used = 0;
    this.posPool.used = 0;
    this.lexPool.data = new Int32Array(lexes.length);
    this.posPool.data = new Uint16Array(positions.length);
    for (const p of this.postings) p.length = 0;
    for (let n = 0; n < this.productIds.length; n++) {
      if (!this.alive[n]) continue;
      const count = this.lexCount[n];
      const ids = lexes.subarray(this.lexStart[n], this.lexStart[n] + count);
      const blockEnd = this.posStart[n] + positions[this.posStart[n] + count];
      this.lexStart[n] = this.lexPool.append(ids);
      this.posStart[n] = this.posPool.append(positions.subarray(this.posStart[n], blockEnd));
      for (const id of ids) this.postings[id].push(n);
    }
    this.garbage = 0;
  }
}
