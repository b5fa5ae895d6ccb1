// Keeping a process's in-memory copy of the index in step with search_documents, whoever wrote it
// (this process's outbox worker, another web process, `talad reindex`). Before a query is answered
// the replica looks at what changed: rows written by transactions from the oldest one still
// running at its last look onwards (every transaction that commits later has an id at least that),
// compared with what it already holds, and the products removed meanwhile (search_removals). The
// same look reads which products were just archived and must be hidden at once (hiddenProducts).
// Looks are shared: queries arriving while one runs wait for the next, which starts after them, so
// a query sees every change committed before it arrived — as a query of the database itself would.
import { sql } from 'drizzle-orm';
import { queryRows, uuidArray, type Executor } from '../../platform/db.ts';
import { MemoryIndex, type DocumentRow } from './memory-index.ts';
import { hiddenProducts } from './pg-query.ts';

/** Removals are kept for a week (pg-engine.ts); a replica idle for a day loads everything again. */
const RELOAD_AFTER_MS = 24 * 3600 * 1000;
/** Rows read at a time: a few megabytes of tsvector text, so that loading stays small in memory. */
const FETCH_BATCH = 500;

export interface Hidden {
  products: Set<string>;
  sellers: Set<string>;
}

interface Look {
  xmin: string;
  changed: [string, string][] | string;
  removed: string[] | string;
  hidden_products: string[] | string;
  hidden_sellers: string[] | string;
}

const parsed = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export class Replica {
  index = new MemoryIndex();
  hidden: Hidden = { products: new Set(), sellers: new Set() };
  private since: string | null = null;
  private lookedAt = 0;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(private readonly db: Executor) {}

  /** Brings the copy up to what the database holds now. */
  refresh(): Promise<void> {
    if (!this.running) {
      this.running = this.look().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    // A look is under way but may have started before this caller's changes: wait for the next.
    this.queued ??= this.running.then(
      () => {
        this.queued = null;
        return this.refresh();
      },
      () => {
        this.queued = null;
        return this.refresh();
      },
    );
    return this.queued;
  }

  private async look(): Promise<void> {
    if (this.since === null || Date.now() - this.lookedAt > RELOAD_AFTER_MS) {
      this.index = new MemoryIndex();
      this.since = '0';
    }
    const startedAt = Date.now();
    const [row] = await queryRows<Look>(
      this.db,
      sql`
      with ${hiddenProducts}
      select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
        coalesce((select json_agg(json_build_array(product_id, change_xid::text)) from search_documents
          where change_xid >= ${this.since}::xid8), '[]'::json) as changed,
        coalesce((select json_agg(product_id) from search_removals where change_xid >= ${this.since}::xid8), '[]'::json) as removed,
        coalesce((select json_agg(product_id) from hidden where product_id is not null), '[]'::json) as hidden_products,
        coalesce((select json_agg(seller_id) from hidden where seller_id is not null), '[]'::json) as hidden_sellers`,
    );
    for (const id of parsed(row.removed)) this.index.remove(id);
    const stale = parsed(row.changed)
      .filter(([id, xid]) => this.index.appliedXid(id) !== xid)
      .map(([id]) => id);
    for (let i = 0; i < stale.length; i += FETCH_BATCH) {
      for (const doc of await fetchDocuments(this.db, stale.slice(i, i + FETCH_BATCH))) this.index.put(doc);
    }
    this.hidden = { products: new Set(parsed(row.hidden_products)), sellers: new Set(parsed(row.hidden_sellers)) };
    this.since = row.xmin;
    this.lookedAt = startedAt;
  }
}

async function fetchDocuments(db: Executor, productIds: string[]): Promise<DocumentRow[]> {
  return queryRows<DocumentRow>(
    db,
    sql`
    select product_id::text, seller_id::text, array_to_string(category_ids, ',') as category_ids, province_code, seller_type,
      seller_tier::int, array_to_string(certifications, ',') as certifications, price_satang::float8 as price, in_stock,
      sales_count, rating_score::int, (extract(epoch from published_at) * 1000)::float8 as published_ms, lexemes::text as lexemes,
      change_xid::text as xid
    from search_documents where product_id = any(${uuidArray(productIds)}::uuid[])`,
  );
}

const replicas = new WeakMap<object, Replica>();

/** The replica of the database behind `db` (one per database handle, made on first use). */
export function replicaOf(db: Executor): Replica {
  let replica = replicas.get(db);
  if (!replica) {
    replica = new Replica(db);
    replicas.set(db, replica);
  }
  return replica;
}
