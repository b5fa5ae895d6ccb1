// The insights module's problems and field errors in Thai, Chinese and English.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  insights_outside_province: {
    th: 'บัญชีนี้ดูข้อมูลได้เฉพาะจังหวัดของตนเอง',
    zh: '此账户只能查看本府的数据',
    en: 'This account sees its own province only',
  },
  'field.insights_month': {
    th: 'ต้องเป็นเดือนแบบ YYYY-MM',
    zh: '必须是 YYYY-MM 格式的月份',
    en: 'must be a month as YYYY-MM',
  },
  'field.insights_period_order': {
    th: 'เดือนเริ่มต้องไม่หลังเดือนสิ้นสุด',
    zh: '起始月份不能晚于结束月份',
    en: 'must not be after the last month',
  },
  'field.insights_market': { th: 'ต้องเป็น TH หรือ CN', zh: '必须是 TH 或 CN', en: 'must be TH or CN' },
  'field.insights_seller_type': { th: 'ไม่มีประเภทร้านนี้', zh: '没有这种店铺类型', en: 'is not a kind of shop' },
  insights_dataset_not_found: { th: 'ไม่พบชุดข้อมูลนี้', zh: '未找到该数据集', en: 'There is no such dataset' },
  'insights.suppressed': {
    th: 'ปิดไว้ (น้อยกว่า 5 ราย)',
    zh: '已隐藏（少于 5 个）',
    en: 'suppressed (fewer than 5)',
  },
  'insights.chart.sales_by_month': { th: 'ยอดขายรายเดือน (บาท)', zh: '每月销售额（泰铢）', en: 'Sales by month (THB)' },
  'insights.chart.sales_by_province': {
    th: 'ยอดขายตามจังหวัดของร้าน (บาท)',
    zh: '按店铺所在府的销售额（泰铢）',
    en: 'Sales by shop province (THB)',
  },
});
