// Community digital centres (ศูนย์ดิจิทัลชุมชน) as data: the full list is data/centres.json (600
// centres, synthetic — see data/generate-centres.ts), loaded by code so a reload updates in place;
// the demo loads a realistic subset. Centres answer in the request's language.
import { readFileSync } from 'node:fs';
import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import { academyCentres } from './cohort-schema.ts';

export interface CentreRecord {
  code: string;
  nameTh: string;
  nameZh: string;
  nameEn: string;
  provinceCode: string;
  districtCode: string;
  districtTh: string;
  subdistrictTh: string;
  capacity: number;
}

let all: CentreRecord[] | null = null;
/** The committed list of 600 centres. */
export function centreRecords(): CentreRecord[] {
  all ??= JSON.parse(readFileSync(new URL('./data/centres.json', import.meta.url), 'utf8')) as CentreRecord[];
  return all;
}

/** Loads centres by code (insert or update in place); returns how many were written. */
export async function loadCentres(db: Executor, records: CentreRecord[]): Promise<number> {
  for (let i = 0; i < records.length; i += 200) {
    const rows = records.slice(i, i + 200).map((r) => ({ id: newId(), ...r }));
    await db
      .insert(academyCentres)
      .values(rows)
      .onConflictDoUpdate({
        target: academyCentres.code,
        set: {
          nameTh: sqlExcluded('name_th'),
          nameZh: sqlExcluded('name_zh'),
          nameEn: sqlExcluded('name_en'),
          provinceCode: sqlExcluded('province_code'),
          districtCode: sqlExcluded('district_code'),
          districtTh: sqlExcluded('district_th'),
          subdistrictTh: sqlExcluded('subdistrict_th'),
          capacity: sqlExcluded('capacity'),
        },
      });
  }
  return records.length;
}

const sqlExcluded = (column: string): SQL => sql.raw(`excluded.${column}`);

/** The demo's subset: 30 centres, the first of each of 30 provinces spread over every region. */
export function demoCentreRecords(): CentreRecord[] {
  const firsts = centreRecords().filter((c) => c.code.endsWith('-01'));
  return Array.from({ length: 30 }, (_, i) => firsts[Math.floor((i * firsts.length) / 30)] as CentreRecord);
}

type CentreRow = typeof academyCentres.$inferSelect;
export function centreView(c: CentreRow, locale: Locale) {
  const p = provinceByCode(c.provinceCode);
  return {
    id: c.id,
    code: c.code,
    name: locale === 'zh' ? c.nameZh : locale === 'en' ? c.nameEn : c.nameTh,
    nameTh: c.nameTh,
    province: { code: c.provinceCode, name: p ? p[locale] || p.th : c.provinceCode },
    district: { code: c.districtCode, nameTh: c.districtTh },
    subdistrictTh: c.subdistrictTh,
    capacity: c.capacity,
  };
}

export async function listCentres(
  db: Executor,
  q: { province?: string; search?: string; limit: number; offset: number },
  locale: Locale,
) {
  const where = and(
    q.province ? eq(academyCentres.provinceCode, q.province) : undefined,
    q.search
      ? or(
          ilike(academyCentres.nameTh, `%${q.search}%`),
          ilike(academyCentres.nameEn, `%${q.search}%`),
          ilike(academyCentres.code, `%${q.search}%`),
        )
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db.select().from(academyCentres).where(where).orderBy(asc(academyCentres.code)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(academyCentres).where(where),
  ]);
  return { items: rows.map((c) => centreView(c, locale)), total: total?.n ?? 0 };
}

export async function centreByCode(db: Executor, code: string): Promise<CentreRow> {
  const [c] = await db.select().from(academyCentres).where(eq(academyCentres.code, code));
  if (!c) throw notFound('centre');
  return c;
}
