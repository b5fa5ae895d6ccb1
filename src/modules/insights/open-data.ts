// Open data: monthly datasets of what can be public — sales by province and market, shops by
// province and kind, and the programmes' learners, bookings and loans (programme-datasets.ts) —
// every cell under the same privacy rules as the dashboards (privacy.ts: fewer than 5 shops or 5
// buyers suppressed, with secondary suppression within each month). Served as
// CSV (UTF-8 with a BOM, so Excel reads the Thai) and JSON, each with its metadata in the fields of
// Thailand's government data catalogue (CKAN with the thai_gdc extension), and listed in a DCAT-AP
// catalogue (JSON-LD) at a stable address.
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db.ts';
import { BUSINESS_TYPES } from '../sellers/index.ts';
import {
  type DatasetRow,
  type DatasetSpec,
  PROVINCE_COLUMNS,
  provinceColumns,
  SUPPRESSED_COLUMN,
  suppressedRows,
} from './open-data-rows.ts';
import { PROGRAMME_DATASETS } from './programme-datasets.ts';
import { MIN_CELL } from './privacy.ts';

export const LICENCE = { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

async function salesByProvinceMonth(db: Executor) {
  const rows = await queryRows<{
    month: string;
    province: string;
    market: string;
    orders: number;
    gross: number;
    sellers: number;
    max_buyers: number;
  }>(
    db,
    sql`select to_char(s.month, 'YYYY-MM') as month, f.province_code as province, s.market,
               sum(s.orders)::float8 as orders, sum(s.gross_satang)::float8 as gross,
               count(distinct s.seller_id) filter (where s.orders > 0)::int as sellers, max(s.buyers)::int as max_buyers
        from insights_sales s join seller_onboarding_facts f on f.seller_id = s.seller_id
        group by 1, 2, 3 having sum(s.orders) > 0 order by 1, 2, 3`,
  );
  // Exact distinct buyers only where no shop-month alone shows enough of them.
  const exact = await queryRows<{ month: string; province: string; market: string; buyers: number }>(
    db,
    sql`select to_char(b.month, 'YYYY-MM') as month, f.province_code as province, b.market, count(distinct b.buyer_hash)::int as buyers
        from insights_buyers b join seller_onboarding_facts f on f.seller_id = b.seller_id group by 1, 2, 3`,
  );
  const buyersOf = new Map(exact.map((e) => [`${e.month}|${e.province}|${e.market}`, e.buyers]));
  return suppressedRows(
    rows,
    (r) => `${r.month}|${r.market}`,
    (r) => ({
      sellers: r.sellers,
      buyers: r.max_buyers >= MIN_CELL ? r.max_buyers : (buyersOf.get(`${r.month}|${r.province}|${r.market}`) ?? 0),
    }),
    (r) => r.gross,
    (r, hidden): DatasetRow => ({
      ...provinceColumns(r.month, r.province),
      market: r.market,
      orders: hidden ? null : r.orders,
      gross_sales_thb: hidden ? null : Math.round(r.gross) / 100,
      active_shops: hidden ? null : r.sellers,
    }),
  );
}

async function shopsByProvinceMonth(db: Executor) {
  const rows = await queryRows<{ month: string; province: string; type: string; applied: number; approved: number }>(
    db,
    sql`select to_char(date_trunc('month', f.applied_at at time zone 'Asia/Bangkok'), 'YYYY-MM') as month, f.province_code as province,
               f.business_type::text as type, count(*)::int as applied, count(f.approved_at)::int as approved
        from seller_onboarding_facts f group by 1, 2, 3 order by 1, 2, 3`,
  );
  return suppressedRows(
    rows,
    (r) => `${r.month}|${r.province}`,
    (r) => ({ sellers: r.applied, buyers: null }),
    (r) => r.applied,
    (r, hidden): DatasetRow => ({
      ...provinceColumns(r.month, r.province),
      shop_type: r.type,
      shops_applied: hidden ? null : r.applied,
      shops_approved: hidden ? null : r.approved,
    }),
  );
}

export const DATASETS: DatasetSpec[] = [
  {
    id: 'sales-by-province-month',
    title: { th: 'ยอดขายรายเดือนตามจังหวัดของร้านค้าและตลาดปลายทาง', en: 'Monthly sales by shop province and market' },
    description: {
      th: 'จำนวนคำสั่งซื้อที่ชำระแล้วและยอดขาย (บาท) ของร้านค้าบนตลาด แยกตามจังหวัดของร้านและตลาดปลายทาง (TH ในประเทศ, CN ข้ามพรมแดนไปจีน) ช่องที่มีร้านค้าหรือผู้ซื้อน้อยกว่า 5 รายถูกปิด',
      en: 'Paid orders and gross sales (THB) of the marketplace’s shops by the shop’s province and the market (TH domestic, CN cross-border to China). Cells with fewer than 5 shops or 5 buyers are suppressed.',
    },
    columns: [
      ...PROVINCE_COLUMNS,
      { name: 'market', th: 'ตลาดปลายทาง' },
      { name: 'orders', th: 'คำสั่งซื้อ', unit: 'orders' },
      { name: 'gross_sales_thb', th: 'ยอดขาย', unit: 'THB' },
      { name: 'active_shops', th: 'ร้านที่มียอดขาย', unit: 'shops' },
      SUPPRESSED_COLUMN,
    ],
    disaggregation: 'จังหวัด, ตลาดปลายทาง, เดือน',
    rows: salesByProvinceMonth,
  },
  {
    id: 'shops-by-province-month',
    title: {
      th: 'ร้านค้าที่สมัครและได้รับอนุมัติรายเดือนตามจังหวัดและประเภท',
      en: 'Shops applied and approved by month, province and kind',
    },
    description: {
      th: `จำนวนร้านค้าที่สมัครเข้าตลาดในแต่ละเดือน และจำนวนที่ได้รับอนุมัติแล้ว แยกตามจังหวัดและประเภท (${BUSINESS_TYPES.join(', ')}) ช่องที่น้อยกว่า 5 ร้านถูกปิด`,
      en: 'Shops that applied to the marketplace each month, and how many of them are approved, by province and kind of business. Cells under 5 shops are suppressed.',
    },
    columns: [
      ...PROVINCE_COLUMNS,
      { name: 'shop_type', th: 'ประเภทร้าน' },
      { name: 'shops_applied', th: 'ร้านที่สมัคร', unit: 'shops' },
      { name: 'shops_approved', th: 'ร้านที่อนุมัติแล้ว', unit: 'shops' },
      SUPPRESSED_COLUMN,
    ],
    disaggregation: 'จังหวัด, ประเภทร้าน, เดือน',
    rows: shopsByProvinceMonth,
  },
  ...PROGRAMME_DATASETS,
];

export const datasetById = (id: string) => DATASETS.find((d) => d.id === id);

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV as Excel in Thailand reads it: UTF-8 with a BOM, CRLF line ends, a header row. */
export function toCsv(spec: DatasetSpec, rows: DatasetRow[]): string {
  const names = spec.columns.map((c) => c.name);
  const lines = [names.join(','), ...rows.map((r) => names.map((n) => csvCell(r[n] ?? null)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const beYear = (isoMonth: string | undefined) => (isoMonth ? Number(isoMonth.slice(0, 4)) + 543 : null);

/** The dataset's metadata in the fields of the government data catalogue (CKAN thai_gdc). */
export function thaiGdcMetadata(spec: DatasetSpec, rows: DatasetRow[], baseUrl: string) {
  const months = rows.map((r) => String(r.month)).sort();
  return {
    name: `talad-${spec.id}`,
    title: spec.title.th,
    notes: spec.description.th,
    data_type: 'ข้อมูลสถิติ',
    objective: 'ติดตามผลโครงการตลาดออนไลน์ระดับชาติสำหรับ SME และวิสาหกิจชุมชน',
    update_frequency_unit: 'เดือน',
    update_frequency_interval: 1,
    geo_coverage: 'ประเทศ',
    data_category: 'ข้อมูลสาธารณะ',
    license_id: LICENCE.id,
    data_format: ['CSV', 'JSON'],
    first_year_of_data: beYear(months[0]),
    last_year_of_data: beYear(months.at(-1)),
    disaggregate: spec.disaggregation,
    unit_of_measure: spec.columns
      .filter((c) => c.unit)
      .map((c) => `${c.name}: ${c.unit}`)
      .join('; '),
    data_language: ['ไทย', 'อังกฤษ'],
    fields: spec.columns.map((c) => ({ name: c.name, description: c.th, unit: c.unit ?? null })),
    resources: [
      { format: 'CSV', url: `${baseUrl}/api/open-data/datasets/${spec.id}.csv` },
      { format: 'JSON', url: `${baseUrl}/api/open-data/datasets/${spec.id}.json` },
    ],
  };
}

/** The DCAT-AP catalogue of the datasets (JSON-LD), at /api/open-data/catalog.jsonld. */
export function dcatCatalogue(baseUrl: string, modified: string) {
  const publisher = {
    '@id': `${baseUrl}/#publisher`,
    '@type': 'foaf:Agent',
    'foaf:name': [
      { '@value': 'ตลาด — แพลตฟอร์มตลาดออนไลน์ระดับชาติ', '@language': 'th' },
      { '@value': 'Talad national e-commerce platform', '@language': 'en' },
    ],
  };
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${baseUrl}/api/open-data/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': [
      { '@value': 'ข้อมูลเปิดของตลาด', '@language': 'th' },
      { '@value': 'Talad open data', '@language': 'en' },
    ],
    'dct:description': [
      { '@value': 'ชุดข้อมูลรายเดือนที่เปิดเผยได้ของตลาด รวมเป็นยอดเท่านั้น', '@language': 'th' },
      { '@value': 'The monthly datasets of the marketplace that can be public, aggregates only.', '@language': 'en' },
    ],
    'dct:publisher': publisher,
    'dct:modified': { '@value': modified, '@type': 'xsd:date' },
    'dct:license': { '@id': LICENCE.url },
    'dcat:dataset': DATASETS.map((d) => ({
      '@id': `${baseUrl}/api/open-data/datasets/${d.id}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': d.id,
      'dct:title': [
        { '@value': d.title.th, '@language': 'th' },
        { '@value': d.title.en, '@language': 'en' },
      ],
      'dct:description': [
        { '@value': d.description.th, '@language': 'th' },
        { '@value': d.description.en, '@language': 'en' },
      ],
      'dct:publisher': { '@id': publisher['@id'] },
      'dct:accrualPeriodicity': { '@id': 'http://publications.europa.eu/resource/authority/frequency/MONTHLY' },
      'dct:spatial': { '@id': 'http://publications.europa.eu/resource/authority/country/THA' },
      'dcat:keyword': [
        { '@value': 'อีคอมเมิร์ซ', '@language': 'th' },
        { '@value': 'e-commerce', '@language': 'en' },
      ],
      'dcat:distribution': ['csv', 'json'].map((fmt) => ({
        '@id': `${baseUrl}/api/open-data/datasets/${d.id}.${fmt}`,
        '@type': 'dcat:Distribution',
        'dcat:accessURL': { '@id': `${baseUrl}/api/open-data/datasets/${d.id}.${fmt}` },
        'dcat:downloadURL': { '@id': `${baseUrl}/api/open-data/datasets/${d.id}.${fmt}` },
        'dcat:mediaType': {
          '@id': `https://www.iana.org/assignments/media-types/${fmt === 'csv' ? 'text/csv' : 'application/json'}`,
        },
        'dct:format': fmt.toUpperCase(),
        'dct:license': { '@id': LICENCE.url },
      })),
    })),
  };
}
