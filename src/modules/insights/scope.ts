// Who reads insights: operators and national analysts see the whole country; a province's officer
// sees their own province only, with the same dashboards. Analysts are granted by an operator.
import { sql } from 'drizzle-orm';
import { type Actor, isOperator } from '../../platform/actor.ts';
import { type Executor, queryRows } from '../../platform/db.ts';
import { AppError, forbidden, invalid, unauthenticated } from '../../platform/errors.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import { usersByIds } from '../identity/index.ts';

export interface Scope {
  /** null: the whole country. */
  province: string | null;
  role: 'operator' | 'analyst' | 'province_officer';
}

export async function insightsScope(db: Executor, actor: Actor): Promise<Scope> {
  if (actor.kind === 'guest') throw unauthenticated();
  if (isOperator(actor)) return { province: null, role: 'operator' };
  if (actor.kind !== 'user') throw forbidden();
  const [row] = await queryRows<{ province_code: string | null }>(
    db,
    sql`select province_code from insights_analysts where user_id = ${actor.userId}`,
  );
  if (!row) throw forbidden();
  return row.province_code
    ? { province: row.province_code, role: 'province_officer' }
    : { province: null, role: 'analyst' };
}

/** The province a question may ask about: a province officer's own, whatever else was asked. */
export function scopedProvince(scope: Scope, asked: string | null): string | null {
  if (!scope.province) return asked;
  if (asked && asked !== scope.province) throw new AppError(403, 'insights_outside_province');
  return scope.province;
}

/** An operator grants (or changes) an analyst's access: national (null) or one province. */
export async function grantAnalyst(db: Executor, actor: Actor, userId: string, provinceCode: string | null) {
  if (actor.kind === 'guest') throw unauthenticated();
  if (!isOperator(actor)) throw forbidden();
  if (provinceCode && !provinceByCode(provinceCode)) throw invalid('provinceCode', 'unknown_province');
  if (!(await usersByIds(db, [userId])).has(userId)) throw new AppError(404, 'not_found', { what: 'user' });
  await db.execute(
    sql`insert into insights_analysts (user_id, province_code, granted_by) values (${userId}, ${provinceCode}, ${actor.kind === 'user' ? actor.userId : null})
        on conflict (user_id) do update set province_code = excluded.province_code, granted_by = excluded.granted_by, granted_at = now()`,
  );
  return { userId, provinceCode };
}

export async function revokeAnalyst(db: Executor, actor: Actor, userId: string) {
  if (actor.kind === 'guest') throw unauthenticated();
  if (!isOperator(actor)) throw forbidden();
  await db.execute(sql`delete from insights_analysts where user_id = ${userId}`);
}
