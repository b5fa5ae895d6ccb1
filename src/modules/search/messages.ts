// The search module's texts in Thai, Chinese and English: problems, and the labels of facet values.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  'field.unknown_category': { th: 'ไม่พบหมวดหมู่นี้', zh: '没有这个分类', en: 'is not a known category' },
  'field.unknown_shop': { th: 'ไม่พบร้านค้านี้', zh: '没有这家店铺', en: 'is not a known shop' },
  'field.below_min_price': {
    th: 'ต้องไม่น้อยกว่าราคาต่ำสุด ({min} สตางค์)',
    zh: '不能低于最低价格（{min} 萨当）',
    en: 'must not be below the lowest price ({min} satang)',
  },
  'field.page_too_deep': {
    th: 'แสดงผลได้ไม่เกิน {max} รายการแรก กรุณาระบุคำค้นหรือตัวกรองให้แคบลง',
    zh: '最多显示前 {max} 条结果，请缩小搜索范围',
    en: 'only the first {max} results can be paged through; narrow the search',
  },

  'search.seller_type.individual': { th: 'บุคคลธรรมดา', zh: '个人卖家', en: 'Individual seller' },
  'search.seller_type.company': { th: 'บริษัท', zh: '公司', en: 'Company' },
  'search.seller_type.community_enterprise': { th: 'วิสาหกิจชุมชน', zh: '社区企业', en: 'Community enterprise' },
  'search.seller_type.cooperative': { th: 'สหกรณ์', zh: '合作社', en: 'Cooperative' },
  'search.seller_type.otop_producer': { th: 'ผู้ผลิต OTOP', zh: 'OTOP 生产者', en: 'OTOP producer' },

  'search.mark.gi': { th: 'สิ่งบ่งชี้ทางภูมิศาสตร์ (GI)', zh: '地理标志 (GI)', en: 'Geographical indication (GI)' },
  'search.mark.otop': { th: 'OTOP Product Champion', zh: 'OTOP 精品', en: 'OTOP Product Champion' },
  'search.mark.organic': {
    th: 'เกษตรอินทรีย์ (Organic Thailand)',
    zh: '有机认证 (Organic Thailand)',
    en: 'Organic Thailand',
  },
  'search.mark.gap': { th: 'มาตรฐาน GAP', zh: 'GAP 良好农业规范', en: 'GAP' },
  'search.mark.halal': { th: 'ฮาลาล', zh: '清真认证', en: 'Halal' },
  'search.mark.tis': { th: 'มาตรฐานอุตสาหกรรม (มอก.)', zh: '泰国工业标准 (TIS)', en: 'Thai Industrial Standard (TIS)' },
  'search.mark.community_standard': {
    th: 'มาตรฐานผลิตภัณฑ์ชุมชน (มผช.)',
    zh: '社区产品标准',
    en: 'Community product standard',
  },
  'search.mark.fda': { th: 'เลขสารบบอาหาร (อย.)', zh: '泰国食品药品监督管理局注册 (FDA)', en: 'Thai FDA registered' },
  'search.mark.thai_hom_mali': {
    th: 'ตรารับรองข้าวหอมมะลิไทย',
    zh: '泰国茉莉香米认证标志',
    en: 'Thai Hom Mali rice mark',
  },
});

/** Certification marks the search filter and facet know (the standards module issues them). */
export const CERTIFICATION_MARKS = [
  'gi',
  'otop',
  'organic',
  'gap',
  'halal',
  'tis',
  'community_standard',
  'fda',
  'thai_hom_mali',
] as const;
export type CertificationMark = (typeof CERTIFICATION_MARKS)[number];
