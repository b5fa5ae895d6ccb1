// The trade module's problems and field errors in Thai, Chinese and English.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  trade_buyer_not_verified: {
    th: 'ยังไม่ได้ยืนยันเลขทะเบียนธุรกิจของบริษัท จึงยังลงคำขอใบเสนอราคาไม่ได้',
    zh: '贵公司的营业登记尚未核验，暂不能发布询价',
    en: "Your company's business registration is not verified yet, so it cannot post requests",
  },
  rfq_closed: {
    th: 'คำขอใบเสนอราคานี้ปิดแล้ว',
    zh: '该询价已关闭',
    en: 'This request for quotation is closed',
  },
  quote_exists: {
    th: 'ร้านของคุณเสนอราคาคำขอนี้แล้ว แก้ไขใบเสนอราคาเดิมได้หนึ่งครั้ง',
    zh: '贵店已对该询价报价，可修改原报价一次',
    en: 'Your shop has already quoted on this request; you may edit that quote once',
  },
  quote_edited_once: {
    th: 'ใบเสนอราคานี้แก้ไขไปแล้วหนึ่งครั้ง แก้อีกไม่ได้',
    zh: '该报价已修改过一次，不能再修改',
    en: 'This quote has already been edited once',
  },
  'field.uscc_shape': {
    th: 'ต้องเป็นรหัสเครดิตสังคมแบบรวม 18 ตัวอักษร (ไม่มี I O S V Z)',
    zh: '必须是 18 位统一社会信用代码（不含 I、O、S、V、Z）',
    en: 'must be an 18-character unified social credit code (no I, O, S, V or Z)',
  },
  'field.uscc_check': {
    th: 'ตัวตรวจสอบท้ายรหัสไม่ถูกต้อง (GB 32100-2015) โปรดตรวจรหัสอีกครั้ง',
    zh: '校验码不正确（GB 32100-2015），请核对代码',
    en: 'its check character is wrong (GB 32100-2015); please check the code',
  },
  'field.incoterm_sea_only': {
    th: '{rule} ใช้ได้เฉพาะการขนส่งทางทะเลหรือทางน้ำภายในประเทศ เลือก FCA, CPT หรือ CIP แทน',
    zh: '{rule} 仅适用于海运或内河运输，请改选 FCA、CPT 或 CIP',
    en: '{rule} is for sea and inland waterway transport only; choose FCA, CPT or CIP instead',
  },
  'field.tier_order': {
    th: 'ขั้นราคาต้องเรียงจำนวนจากน้อยไปมาก และมากกว่าจำนวนสั่งขั้นต่ำ',
    zh: '价格阶梯的数量须递增，且大于最小起订量',
    en: 'price tiers must rise in quantity, above the minimum order quantity',
  },
  'field.before_start': {
    th: 'ต้องไม่ก่อนวันเริ่ม',
    zh: '不能早于开始日期',
    en: 'must not be before the start',
  },
  'field.in_the_past': {
    th: 'ต้องเป็นเวลาในอนาคต',
    zh: '必须是将来的时间',
    en: 'must be in the future',
  },
});
