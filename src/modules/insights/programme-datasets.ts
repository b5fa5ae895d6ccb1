// The programmes' open datasets, monthly and by province, from the same published views as the
// dashboard (programmes.ts): people trained (academy_learning_facts, by the province of the
// learner's shop), community-tourism bookings (tourism_booking_facts, by the destination, the
// secondary cities marked) and loans (finance_loan_facts, by the province of the borrowing shop).
// Each row stands on its own people — learners, operators and bookers, borrowing shops — and is
// suppressed whole when any of its figures rests on fewer than 5, with secondary suppression within
// the month (open-data-rows.ts).
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db.ts';
import { isSecondaryCity } from '../tourism/index.ts';
import {
  type DatasetRow,
  type DatasetSpec,
  PROVINCE_COLUMNS,
  provinceColumns,
  SUPPRESSED_COLUMN,
  suppressedRows,
} from './open-data-rows.ts';
import { smallestCrowd } from './privacy.ts';

const month = (column: string) =>
  sql.raw(`to_char(date_trunc('month', ${column} at time zone 'Asia/Bangkok'), 'YYYY-MM')`);
const baht = (satang: number) => Math.round(satang) / 100;

async function learningByProvinceMonth(db: Executor): Promise<DatasetRow[]> {
  const rows = await queryRows<{
    month: string;
    province: string;
    learners: number;
    completers: number;
    completions: number;
    certified: number;
    certificates: number;
  }>(
    db,
    sql`with events as (
          select 'started' as kind, ${month('a.started_at')} as month, f.province_code, a.learner_hash from academy_learning_facts a
            join seller_member_facts m on m.member_hash = a.learner_hash join seller_onboarding_facts f on f.seller_id = m.seller_id
          union all
          select 'completed', ${month('a.completed_at')}, f.province_code, a.learner_hash from academy_learning_facts a
            join seller_member_facts m on m.member_hash = a.learner_hash join seller_onboarding_facts f on f.seller_id = m.seller_id
            where a.completed_at is not null
          union all
          select 'certified', ${month('a.certified_at')}, f.province_code, a.learner_hash from academy_learning_facts a
            join seller_member_facts m on m.member_hash = a.learner_hash join seller_onboarding_facts f on f.seller_id = m.seller_id
            where a.certified_at is not null and a.revoked_at is null
        )
        select month, province_code as province,
               count(distinct learner_hash) filter (where kind = 'started')::int as learners,
               count(distinct learner_hash) filter (where kind = 'completed')::int as completers,
               count(*) filter (where kind = 'completed')::int as completions,
               count(distinct learner_hash) filter (where kind = 'certified')::int as certified,
               count(*) filter (where kind = 'certified')::int as certificates
        from events where province_code is not null group by 1, 2 order by 1, 2`,
  );
  return suppressedRows(
    rows,
    (r) => r.month,
    (r) => smallestCrowd([r.learners, r.completers, r.certified], null),
    (r) => r.learners + r.completions,
    (r, hidden) => ({
      ...provinceColumns(r.month, r.province),
      learners: hidden ? null : r.learners,
      completions: hidden ? null : r.completions,
      certificates: hidden ? null : r.certificates,
    }),
  );
}

async function bookingsByCityMonth(db: Executor): Promise<DatasetRow[]> {
  const rows = await queryRows<{
    month: string;
    province: string;
    bookings: number;
    places: number;
    gross: number;
    operators: number;
    bookers: number;
  }>(
    db,
    sql`select ${month('b.confirmed_at')} as month, b.province_code as province, count(*)::int as bookings,
               sum(b.places)::int as places, sum(b.total_satang)::float8 as gross,
               count(distinct b.seller_id)::int as operators, count(distinct b.buyer_hash)::int as bookers
        from tourism_booking_facts b group by 1, 2 order by 1, 2`,
  );
  return suppressedRows(
    rows,
    (r) => r.month,
    (r) => ({ sellers: r.operators, buyers: r.bookers }),
    (r) => r.gross,
    (r, hidden) => ({
      ...provinceColumns(r.month, r.province),
      secondary_city: isSecondaryCity(r.province) ? 1 : 0,
      bookings: hidden ? null : r.bookings,
      places: hidden ? null : r.places,
      value_thb: hidden ? null : baht(r.gross),
    }),
  );
}

async function loansByProvinceMonth(db: Executor): Promise<DatasetRow[]> {
  const rows = await queryRows<{
    month: string;
    province: string;
    applied: number;
    applied_satang: number;
    applied_shops: number;
    approved: number;
    approved_shops: number;
    disbursed: number;
    disbursed_satang: number;
    disbursed_shops: number;
    repaid: number;
    repaid_shops: number;
  }>(
    db,
    sql`with events as (
          select 'applied' as kind, ${month('l.applied_at')} as month, l.seller_id, l.applied_satang as satang, l.outcome
            from finance_loan_facts l
          union all
          select 'disbursed', ${month('l.disbursed_at')}, l.seller_id, l.principal_satang, l.outcome
            from finance_loan_facts l where l.disbursed_at is not null
          union all
          select 'repaid', ${month('l.repaid_at')}, l.seller_id, 0, l.outcome from finance_loan_facts l where l.repaid_at is not null
        )
        select e.month, f.province_code as province,
               count(*) filter (where kind = 'applied')::int as applied,
               coalesce(sum(satang) filter (where kind = 'applied'), 0)::float8 as applied_satang,
               count(distinct e.seller_id) filter (where kind = 'applied')::int as applied_shops,
               count(*) filter (where kind = 'applied' and outcome = 'offer')::int as approved,
               count(distinct e.seller_id) filter (where kind = 'applied' and outcome = 'offer')::int as approved_shops,
               count(*) filter (where kind = 'disbursed')::int as disbursed,
               coalesce(sum(satang) filter (where kind = 'disbursed'), 0)::float8 as disbursed_satang,
               count(distinct e.seller_id) filter (where kind = 'disbursed')::int as disbursed_shops,
               count(*) filter (where kind = 'repaid')::int as repaid,
               count(distinct e.seller_id) filter (where kind = 'repaid')::int as repaid_shops
        from events e join seller_onboarding_facts f on f.seller_id = e.seller_id group by 1, 2 order by 1, 2`,
  );
  return suppressedRows(
    rows,
    (r) => r.month,
    (r) => smallestCrowd([r.applied_shops, r.approved_shops, r.disbursed_shops, r.repaid_shops], null),
    (r) => r.applied_satang + r.disbursed_satang,
    (r, hidden) => ({
      ...provinceColumns(r.month, r.province),
      loans_applied: hidden ? null : r.applied,
      applied_thb: hidden ? null : baht(r.applied_satang),
      loans_approved: hidden ? null : r.approved,
      loans_disbursed: hidden ? null : r.disbursed,
      disbursed_thb: hidden ? null : baht(r.disbursed_satang),
      loans_repaid: hidden ? null : r.repaid,
    }),
  );
}

export const PROGRAMME_DATASETS: DatasetSpec[] = [
  {
    id: 'learning-by-province-month',
    title: {
      th: 'ผู้เรียน ผู้เรียนจบ และใบรับรองของ Talad Academy รายเดือนตามจังหวัด',
      en: 'Talad Academy learners, completions and certificates by month and province',
    },
    description: {
      th: 'ผู้ที่เริ่มเรียนหลักสูตร (ราย) ผู้เรียนจบ (สอบผ่าน) และใบรับรองที่ออกและยังไม่ถูกเพิกถอน แยกตามเดือนและจังหวัดของร้านค้าของผู้เรียน ผู้เรียนที่ไม่มีร้านไม่อยู่ในชุดข้อมูลนี้ แถวที่มีผู้เรียนน้อยกว่า 5 รายในตัวเลขใดถูกปิด',
      en: 'People who started a course, completions (a quiz passed) and certificates issued and not revoked, by month and the province of the learner’s shop. Learners without a shop are not in this dataset. A row resting on fewer than 5 people in any figure is suppressed.',
    },
    columns: [
      ...PROVINCE_COLUMNS,
      { name: 'learners', th: 'ผู้เริ่มเรียน', unit: 'people' },
      { name: 'completions', th: 'การเรียนจบ', unit: 'course completions' },
      { name: 'certificates', th: 'ใบรับรอง', unit: 'certificates' },
      SUPPRESSED_COLUMN,
    ],
    disaggregation: 'จังหวัด, เดือน',
    rows: learningByProvinceMonth,
  },
  {
    id: 'bookings-by-city-month',
    title: {
      th: 'การจองท่องเที่ยวชุมชนรายเดือนตามจังหวัดปลายทางและเมืองรอง',
      en: 'Community tourism bookings by month and destination (secondary cities marked)',
    },
    description: {
      th: 'การจองประสบการณ์ท่องเที่ยวชุมชนที่ยืนยันแล้ว จำนวนที่นั่ง และมูลค่า (บาท) แยกตามเดือนและจังหวัดปลายทาง secondary_city = 1 คือ 55 จังหวัดเมืองรองตามมาตรการภาษีของรัฐ (กฎกระทรวงฉบับที่ 335 พ.ศ. 2561) แถวที่มีผู้ประกอบการหรือผู้จองน้อยกว่า 5 รายถูกปิด',
      en: 'Confirmed community-experience bookings, places and value (THB) by month and destination province; secondary_city = 1 marks the 55 secondary-city provinces of the government’s tax measures (Ministerial Regulation No. 335, 2018). Rows with fewer than 5 operators or 5 bookers are suppressed.',
    },
    columns: [
      ...PROVINCE_COLUMNS,
      { name: 'secondary_city', th: 'เมืองรอง (1 = ใช่)' },
      { name: 'bookings', th: 'การจอง', unit: 'bookings' },
      { name: 'places', th: 'ที่นั่ง', unit: 'places' },
      { name: 'value_thb', th: 'มูลค่า', unit: 'THB' },
      SUPPRESSED_COLUMN,
    ],
    disaggregation: 'จังหวัดปลายทาง, เดือน',
    rows: bookingsByCityMonth,
  },
  {
    id: 'loans-by-province-month',
    title: {
      th: 'สินเชื่อร้านค้า: คำขอ การอนุมัติ การเบิกจ่าย และการชำระคืน รายเดือนตามจังหวัด',
      en: 'Shop loans applied for, approved, disbursed and repaid by month and province',
    },
    description: {
      th: 'คำขอสินเชื่อของร้านค้าและวงเงินที่ขอ (บาท) คำขอที่ได้รับข้อเสนอ (ตามเดือนที่ขอ) สินเชื่อที่เบิกจ่ายและเงินต้น (ตามเดือนที่เบิกจ่าย) และที่ชำระครบ (ตามเดือนที่ชำระครบ) แยกตามจังหวัดของร้าน แถวที่มีร้านน้อยกว่า 5 รายในตัวเลขใดถูกปิด',
      en: 'Shops’ loan applications and the amount applied for (THB), those that received an offer (by month applied), loans disbursed and their principal (by month disbursed) and loans repaid in full (by month repaid), by the shop’s province. A row resting on fewer than 5 shops in any figure is suppressed.',
    },
    columns: [
      ...PROVINCE_COLUMNS,
      { name: 'loans_applied', th: 'คำขอสินเชื่อ', unit: 'applications' },
      { name: 'applied_thb', th: 'วงเงินที่ขอ', unit: 'THB' },
      { name: 'loans_approved', th: 'คำขอที่ได้รับข้อเสนอ', unit: 'applications' },
      { name: 'loans_disbursed', th: 'สินเชื่อที่เบิกจ่าย', unit: 'loans' },
      { name: 'disbursed_thb', th: 'เงินต้นที่เบิกจ่าย', unit: 'THB' },
      { name: 'loans_repaid', th: 'สินเชื่อที่ชำระครบ', unit: 'loans' },
      SUPPRESSED_COLUMN,
    ],
    disaggregation: 'จังหวัด, เดือน',
    rows: loansByProvinceMonth,
  },
];
