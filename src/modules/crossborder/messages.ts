import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  fx_rate_stale: {
    th: 'อัตราแลกเปลี่ยนบาท-หยวนล่าสุด ({validFrom}, {source}) เก่ากว่า {maxAgeHours} ชั่วโมง จึงยังขายไปจีนไม่ได้ รอผู้ดูแลระบบปรับอัตรา',
    zh: '最新的泰铢兑人民币汇率（{validFrom}，{source}）已超过 {maxAgeHours} 小时，暂不能跨境下单，请等待平台更新汇率',
    en: 'The latest THB->CNY rate ({validFrom}, {source}) is older than {maxAgeHours} hours, so cross-border orders are paused until an operator updates it',
  },
  cbec_one_shop_per_order: {
    th: 'คำสั่งซื้อไปจีนหนึ่งรายการต้องมาจากร้านเดียว (ศุลกากรจับคู่คำสั่งซื้อ การชำระเงิน และใบขนทีละร้าน)',
    zh: '每个跨境订单只能包含一家店铺的商品（海关按订单、支付单、运单逐一核对）',
    en: "A cross-border order holds one shop's goods only (customs matches order, payment and waybill one to one)",
  },
  cbec_not_eligible: {
    th: 'สินค้าบางรายการยังไม่เปิดขายไปจีน',
    zh: '部分商品不支持跨境销售到中国',
    en: 'Some items are not open for sale to China',
  },
  cbec_price_changed: {
    th: 'ราคารวมถึงมือผู้ซื้อเปลี่ยนเป็น {total} หยวน กรุณาตรวจสอบอีกครั้ง',
    zh: '到手总价已变为 {total} 元，请确认后再下单',
    en: 'The landed total has changed to {total} CNY; please review it and order again',
  },
  cbec_order_limit: {
    th: 'ยอดคำสั่งซื้อ {total} หยวน เกินวงเงินต่อครั้ง {limit} หยวนของการค้าข้ามพรมแดน กรุณาแบ่งเป็นหลายคำสั่งซื้อ',
    zh: '订单金额 {total} 元超过跨境电商单次交易限值 {limit} 元，请拆分为多个订单',
    en: 'The order comes to {total} CNY, over the cross-border limit of {limit} CNY per transaction; please split it into several orders',
  },
  cbec_single_item_over_limit: {
    th: 'สินค้าชิ้นเดียว {total} หยวน เกินวงเงิน {limit} หยวน ต้องนำเข้าแบบการค้าทั่วไปและเสียภาษีเต็มอัตรา ซึ่ง Talad ยังไม่รองรับ',
    zh: '单件不可分割商品 {total} 元超过 {limit} 元限值，须按一般贸易全额征税进口，塔拉暂不支持',
    en: 'A single indivisible item of {total} CNY is over the {limit} CNY limit: it would be imported as general trade at the full tax rate, which Talad does not handle',
  },
  cbec_yearly_limit: {
    th: 'เกินวงเงินซื้อข้ามพรมแดนต่อปี {limit} หยวน: ใช้ไปแล้ว {used} หยวน เหลือ {remaining} หยวน คำสั่งซื้อนี้ {total} หยวน',
    zh: '超出跨境电商个人年度限值 {limit} 元：今年已用 {used} 元，剩余 {remaining} 元，本单 {total} 元',
    en: 'Over the yearly cross-border limit of {limit} CNY per person: {used} CNY used this year, {remaining} CNY left, this order is {total} CNY',
  },
  cbec_quantity_cap: {
    th: 'สินค้า {sku} จำกัด {cap} ชิ้นต่อคนต่อปี (ซื้อไปแล้ว {bought})',
    zh: '商品 {sku} 每人每年限购 {cap} 件（今年已购 {bought} 件）',
    en: 'Item {sku} is capped at {cap} per person per year ({bought} bought already)',
  },
  'field.bad_check_char': {
    th: 'ตัวตรวจสอบท้ายเลขบัตรไม่ถูกต้อง',
    zh: '身份证号校验码不正确',
    en: 'has a wrong check character',
  },
  'field.bad_birth_date': {
    th: 'วันเกิดในเลขบัตรไม่ถูกต้อง',
    zh: '身份证号中的出生日期无效',
    en: 'holds an impossible birth date',
  },
  'field.not_china_mobile': {
    th: 'ต้องเป็นเบอร์มือถือจีน 11 หลัก',
    zh: '须为 11 位中国大陆手机号',
    en: 'must be an 11-digit mainland China mobile number',
  },
  'field.unknown_district': {
    th: 'ไม่พบรหัสเขต (GB/T 2260)',
    zh: '未知的行政区划代码（GB/T 2260）',
    en: 'is not a known GB/T 2260 county code',
  },
  'field.not_chinese': { th: 'ต้องเป็นภาษาจีน', zh: '须为中文', en: 'must be written in Chinese' },
  'field.bad_length': {
    th: 'ความยาว {min}-{max} ตัวอักษร',
    zh: '长度须为 {min}-{max} 个字符',
    en: 'must be {min} to {max} characters',
  },
});
