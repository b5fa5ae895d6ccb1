// The programme's other results, from the views their owners publish: people trained (academy's
// academy_learning_facts, placed in the province of the learner's shop through sellers'
// seller_member_facts), bookings in secondary cities (tourism_booking_facts) and loans applied,
// approved and repaid (finance_loan_facts). These views grow with learners, bookings and loans —
// not with orders — so they are read as they are. Each figure is guarded by its own people (a count
// under 5 is hidden), and a filtered figure by its complements' too.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db.ts';
import type { Locale } from '../../platform/i18n.ts';
import { isSecondaryCity } from '../tourism/index.ts';
import { type Dim, type Filters, bangkokMonthOf, turns, where } from './dashboard-filters.ts';
import { type Cell, type Crowd, guard, hidden, shown, suppressRows } from './privacy.ts';

type Counts = Record<string, number>;
const inPeriod = (f: Filters, column: string) =>
  sql`${bangkokMonthOf(column)} between ${`${f.from}-01`}::date and ${`${f.to}-01`}::date`;

/** One row of counts for the question and one per complement; each figure guarded by the crowd its guard names. */
async function guarded(
  db: Executor,
  f: Filters,
  query: (turn: Dim | null) => SQL,
  crowdOf: (field: string, c: Counts) => Crowd,
  fields: string[],
): Promise<Record<string, Cell>> {
  const run = async (turn: Dim | null) => (await queryRows<Counts>(db, query(turn)))[0] ?? {};
  const own = await run(null);
  const others: Counts[] = [];
  for (const d of turns(f, { sales: false })) others.push(await run(d));
  return Object.fromEntries(
    fields.map((k) => [
      k,
      guard(
        Number(own[k] ?? 0),
        crowdOf(k, own),
        others.map((o) => crowdOf(k, o)),
      ),
    ]),
  );
}

const learningFrom = sql`academy_learning_facts a
  left join seller_member_facts m on m.member_hash = a.learner_hash
  left join seller_onboarding_facts f on f.seller_id = m.seller_id`;

type LearningCounts = { learners: number; completions: number; certificates: number };
/** A row is as small as its learners; a lone hidden row takes the next smallest with it. */
const learningCells = <R extends LearningCounts>(rows: R[]) =>
  suppressRows(rows.map((r) => ({ ...r, crowd: { sellers: r.learners, buyers: null }, size: r.learners }))).map(
    (r) => ({
      ...r,
      cells: {
        learners: r.hidden ? hidden : shown(r.learners),
        completions: r.hidden || (r.completions > 0 && r.completions < 5) ? hidden : shown(r.completions),
        certificates: r.hidden || (r.certificates > 0 && r.certificates < 5) ? hidden : shown(r.certificates),
      },
    }),
  );

/** Learners (started), completions and certificates in the period; by province of the learner's shop and by centre. */
export async function learning(db: Executor, f: Filters) {
  const totals = await guarded(
    db,
    f,
    (turn) =>
      sql`select count(distinct a.learner_hash) filter (where ${inPeriod(f, 'a.started_at')})::int as learners,
                 count(distinct a.learner_hash) filter (where ${inPeriod(f, 'a.completed_at')})::int as completers,
                 count(*) filter (where ${inPeriod(f, 'a.completed_at')})::int as completions,
                 count(distinct a.learner_hash) filter (where a.revoked_at is null and ${inPeriod(f, 'a.certified_at')})::int as certified,
                 count(*) filter (where a.revoked_at is null and ${inPeriod(f, 'a.certified_at')})::int as certificates
          from ${learningFrom} where ${where(f, turn, { sales: false })}`,
    (k, c) => ({
      sellers: Number(k === 'learners' ? c.learners : k === 'completions' ? c.completers : c.certified) || 0,
      buyers: null,
    }),
    ['learners', 'completions', 'certificates'],
  );
  const rows = await queryRows<{ key: string } & LearningCounts>(
    db,
    sql`select f.province_code as key,
               count(distinct a.learner_hash) filter (where ${inPeriod(f, 'a.started_at')})::int as learners,
               count(*) filter (where ${inPeriod(f, 'a.completed_at')})::int as completions,
               count(*) filter (where a.revoked_at is null and ${inPeriod(f, 'a.certified_at')})::int as certificates
        from ${learningFrom} where f.province_code is not null and ${where(f, null, { sales: false })}
        group by 1 order by 1`,
  );
  const byProvince = learningCells(rows).map(({ key, cells }) => ({ key, ...cells }));
  // The same by community digital centre (the centre of the learner's first cohort over the course);
  // learners who studied on their own are in no centre's row.
  const centreRows = await queryRows<
    {
      key: string;
      provinceCode: string;
      nameTh: string;
      nameZh: string;
      nameEn: string;
    } & LearningCounts
  >(
    db,
    sql`select a.centre_id as key, a.centre_province_code as "provinceCode", a.centre_name_th as "nameTh",
               a.centre_name_zh as "nameZh", a.centre_name_en as "nameEn",
               count(distinct a.learner_hash) filter (where ${inPeriod(f, 'a.started_at')})::int as learners,
               count(*) filter (where ${inPeriod(f, 'a.completed_at')})::int as completions,
               count(*) filter (where a.revoked_at is null and ${inPeriod(f, 'a.certified_at')})::int as certificates
        from ${learningFrom} where a.centre_id is not null and ${where(f, null, { sales: false })}
        group by 1, 2, 3, 4, 5 order by 1`,
  );
  const byCentre = learningCells(centreRows).map(({ key, provinceCode, nameTh, nameZh, nameEn, cells }) => ({
    key,
    provinceCode,
    name: { th: nameTh, zh: nameZh, en: nameEn },
    ...cells,
  }));
  return { ...totals, byProvince, byCentre };
}

/** Confirmed bookings in the secondary-city provinces, by the destination's province. */
export async function secondaryCityBookings(db: Executor, f: Filters, _locale: Locale) {
  const from = sql`tourism_booking_facts b join seller_onboarding_facts f on f.seller_id = b.seller_id`;
  const opts = (turn: Dim | null) => where(f, turn, { sales: false, province: sql`b.province_code` });
  const totals = await guarded(
    db,
    f,
    (turn) =>
      sql`select count(*)::int as bookings, coalesce(sum(b.places), 0)::int as places,
                 coalesce(sum(b.total_satang), 0)::float8 as "grossSatang",
                 count(distinct b.seller_id)::int as sellers, count(distinct b.buyer_hash)::int as buyers
          from ${from} where ${inPeriod(f, 'b.confirmed_at')} and ${opts(turn)}`,
    (_k, c) => ({ sellers: Number(c.sellers) || 0, buyers: Number(c.buyers) || 0 }),
    ['bookings', 'places', 'grossSatang'],
  );
  const rows = await queryRows<{
    key: string;
    bookings: number;
    places: number;
    gross: number;
    sellers: number;
    buyers: number;
  }>(
    db,
    sql`select b.province_code as key, count(*)::int as bookings, sum(b.places)::int as places,
               sum(b.total_satang)::float8 as gross, count(distinct b.seller_id)::int as sellers,
               count(distinct b.buyer_hash)::int as buyers
        from ${from} where ${inPeriod(f, 'b.confirmed_at')} and ${opts(null)} group by 1 order by 1`,
  );
  const byCity = suppressRows(
    rows
      .filter((r) => isSecondaryCity(r.key))
      .map((r) => ({ ...r, crowd: { sellers: r.sellers, buyers: r.buyers }, size: r.gross })),
  ).map((r) => ({
    key: r.key,
    bookings: r.hidden ? hidden : shown(r.bookings),
    places: r.hidden ? hidden : shown(r.places),
    grossSatang: r.hidden ? hidden : shown(r.gross),
  }));
  return { ...totals, byCity };
}

/** Loans applied for, approved (an offer made), disbursed and repaid in the period, by the shops under the filters. */
export async function loans(db: Executor, f: Filters) {
  return guarded(
    db,
    f,
    (turn) =>
      sql`select count(*) filter (where ${inPeriod(f, 'l.applied_at')})::int as applied,
                 coalesce(sum(l.applied_satang) filter (where ${inPeriod(f, 'l.applied_at')}), 0)::float8 as "appliedSatang",
                 count(distinct l.seller_id) filter (where ${inPeriod(f, 'l.applied_at')})::int as applied_shops,
                 count(*) filter (where l.outcome = 'offer' and ${inPeriod(f, 'l.applied_at')})::int as approved,
                 count(distinct l.seller_id) filter (where l.outcome = 'offer' and ${inPeriod(f, 'l.applied_at')})::int as approved_shops,
                 count(*) filter (where ${inPeriod(f, 'l.disbursed_at')})::int as disbursed,
                 coalesce(sum(l.principal_satang) filter (where ${inPeriod(f, 'l.disbursed_at')}), 0)::float8 as "disbursedSatang",
                 count(distinct l.seller_id) filter (where ${inPeriod(f, 'l.disbursed_at')})::int as disbursed_shops,
                 count(*) filter (where ${inPeriod(f, 'l.repaid_at')})::int as repaid,
                 count(distinct l.seller_id) filter (where ${inPeriod(f, 'l.repaid_at')})::int as repaid_shops
          from finance_loan_facts l join seller_onboarding_facts f on f.seller_id = l.seller_id
          where ${where(f, turn, { sales: false })}`,
    (k, c) => ({
      sellers:
        Number(
          k.startsWith('applied')
            ? c.applied_shops
            : k === 'approved'
              ? c.approved_shops
              : k.startsWith('disbursed')
                ? c.disbursed_shops
                : c.repaid_shops,
        ) || 0,
      buyers: null,
    }),
    ['applied', 'appliedSatang', 'approved', 'disbursed', 'disbursedSatang', 'repaid'],
  );
}
