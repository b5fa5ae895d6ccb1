// Exchange rates are rows with a source and a validity start; a conversion names its rounding.
// Arithmetic is exact: the rate is a decimal string, applied with BigInt, never a float.
import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Executor } from '../../platform/db.ts';
import { fxRates } from './schema.ts';

export const FX_ROUNDING = 'half_up';
const SCALE = 10n ** 10n;

/** Parses "0.2012" into units of 1e-10; refuses anything but a positive decimal. */
function scaled(rate: string): bigint {
  const m = /^(\d{1,9})(?:\.(\d{1,10}))?$/.exec(rate.trim());
  if (!m) throw new AppError(422, 'validation_failed', {}, [{ field: 'rate', code: 'bad_format' }]);
  const v = BigInt(m[1]) * SCALE + BigInt((m[2] ?? '').padEnd(10, '0'));
  if (v <= 0n)
    throw new AppError(422, 'validation_failed', {}, [{ field: 'rate', code: 'too_small', params: { min: 0 } }]);
  return v;
}

/** minor units of `base` x rate -> minor units of `quote`, rounded half up (both currencies have 2 decimals). */
export function convertMinor(amount: number, rate: string): number {
  const product = BigInt(amount) * scaled(rate);
  return Number((product + SCALE / 2n) / SCALE);
}

export interface FxRate {
  base: string;
  quote: string;
  rate: string;
  source: string;
  validFrom: string;
}

export async function currentRate(db: Executor, base: string, quote: string, at = new Date()): Promise<FxRate | null> {
  const [row] = await db
    .select()
    .from(fxRates)
    .where(and(eq(fxRates.base, base), eq(fxRates.quote, quote), lte(fxRates.validFrom, at)))
    .orderBy(desc(fxRates.validFrom), desc(fxRates.createdAt))
    .limit(1);
  return row
    ? {
        base: row.base,
        quote: row.quote,
        rate: normalizeRate(row.rate),
        source: row.source,
        validFrom: row.validFrom.toISOString(),
      }
    : null;
}

/** "0.2012000000" -> "0.2012": the numeric column pads to its scale. */
const normalizeRate = (r: string) => (r.includes('.') ? r.replace(/0+$/, '').replace(/\.$/, '') : r);

export async function setRate(
  db: Executor,
  actor: Actor,
  input: { base: string; quote: string; rate: string; source: string; validFrom?: string },
): Promise<FxRate> {
  if (!(actor.kind === 'user' && actor.isOperator) && actor.kind !== 'system') throw forbidden();
  scaled(input.rate);
  const validFrom = input.validFrom ? new Date(input.validFrom) : new Date();
  await db.insert(fxRates).values({
    id: newId(),
    base: input.base,
    quote: input.quote,
    rate: input.rate,
    source: input.source,
    validFrom,
    createdBy: actor.kind === 'user' ? actor.userId : null,
  });
  return {
    base: input.base,
    quote: input.quote,
    rate: normalizeRate(input.rate),
    source: input.source,
    validFrom: validFrom.toISOString(),
  };
}

export async function listRates(db: Executor): Promise<FxRate[]> {
  const rows = await db.select().from(fxRates).orderBy(desc(fxRates.validFrom)).limit(50);
  return rows.map((r) => ({
    base: r.base,
    quote: r.quote,
    rate: normalizeRate(r.rate),
    source: r.source,
    validFrom: r.validFrom.toISOString(),
  }));
}

/** The sandbox starts with a rate so Alipay (CNY) works out of the box; labelled as such. */
export async function ensureSandboxRate(db: Executor): Promise<void> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(fxRates)
    .where(and(eq(fxRates.base, 'THB'), eq(fxRates.quote, 'CNY')));
  if (!row?.n)
    await setRate(
      db,
      { kind: 'system', name: 'payments-sandbox' },
      {
        base: 'THB',
        quote: 'CNY',
        rate: '0.2000',
        source: 'sandbox demo rate (not a market rate)',
        validFrom: '2020-01-01T00:00:00Z',
      },
    );
}
