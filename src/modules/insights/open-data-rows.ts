// What every open dataset is made of: its description (columns with units, disaggregation, the rows
// it computes), the province columns, and the privacy rules applied month by month — within each
// month the rows are one breakdown, so a lone suppressed row takes the smallest shown one with it.
import type { Executor } from '../../platform/db.ts';
import { PROVINCES } from '../../platform/provinces.ts';
import { type Crowd, suppressRows } from './privacy.ts';

export type DatasetRow = Record<string, string | number | null>;

export interface DatasetSpec {
  id: string;
  title: { th: string; en: string };
  description: { th: string; en: string };
  /** Columns, in order, with their unit for the metadata. */
  columns: { name: string; th: string; unit?: string }[];
  disaggregation: string;
  rows: (db: Executor) => Promise<DatasetRow[]>;
}

const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));

export const PROVINCE_COLUMNS = [
  { name: 'month', th: 'เดือน (ค.ศ. YYYY-MM)' },
  { name: 'province_code', th: 'รหัสจังหวัด' },
  { name: 'province_th', th: 'ชื่อจังหวัด' },
  { name: 'province_en', th: 'ชื่อจังหวัด (อังกฤษ)' },
];
export const SUPPRESSED_COLUMN = { name: 'suppressed', th: 'ปิดเพื่อความเป็นส่วนตัว (1 = ปิด)' };

export const provinceColumns = (month: string, code: string) => ({
  month,
  province_code: code,
  province_th: provinceByCode.get(code)?.th ?? code,
  province_en: provinceByCode.get(code)?.en ?? code,
});

/**
 * Rows grouped into breakdowns (`group`, e.g. the month), suppressed within each, and written out
 * by `emit` (which blanks its figures when `hidden`). `crowd` names the people behind a row and
 * `size` orders the rows for secondary suppression.
 */
export function suppressedRows<R>(
  rows: R[],
  group: (r: R) => string,
  crowd: (r: R) => Crowd,
  size: (r: R) => number,
  emit: (r: R, hidden: boolean) => DatasetRow,
): DatasetRow[] {
  const groups = new Map<string, R[]>();
  for (const r of rows) groups.set(group(r), [...(groups.get(group(r)) ?? []), r]);
  const out: DatasetRow[] = [];
  for (const members of groups.values())
    for (const r of suppressRows(members.map((row) => ({ row, crowd: crowd(row), size: size(row) }))))
      out.push({ ...emit(r.row, r.hidden), suppressed: r.hidden ? 1 : 0 });
  return out;
}
