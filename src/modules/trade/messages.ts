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
  quote_expired: {
    th: 'ใบเสนอราคานี้หมดอายุแล้ว ขอให้ร้านเสนอราคาใหม่',
    zh: '该报价已过有效期，请让卖家重新报价',
    en: 'This quote is no longer valid; ask the shop for a new one',
  },
  trade_order_exists: {
    th: 'สั่งซื้อจากใบเสนอราคานี้ไปแล้ว',
    zh: '已根据该报价下过此类订单',
    en: 'An order of this kind was already placed from this quote',
  },
  trade_no_sample: {
    th: 'ร้านนี้ไม่ได้เสนอส่งสินค้าตัวอย่าง',
    zh: '该卖家未提供样品',
    en: 'This shop offers no sample',
  },
  trade_sample_first: {
    th: 'โปรดรับสินค้าตัวอย่างก่อน แล้วจึงสั่งซื้อจำนวนมาก',
    zh: '请先收到样品，再下批量订单',
    en: 'Receive the sample first, then place the bulk order',
  },
  milestone_not_due: {
    th: 'งวดนี้ไม่ได้รอชำระแล้ว',
    zh: '该付款节点已不在待付款状态',
    en: 'This payment step is not waiting for payment',
  },
  milestone_not_declared: {
    th: 'ผู้ซื้อยังไม่ได้แจ้งเลขอ้างอิงการโอนของงวดนี้',
    zh: '买方尚未提交该付款节点的转账参考号',
    en: 'The buyer has not given a transfer reference for this payment step',
  },
  trade_order_state: {
    th: 'ทำรายการนี้กับคำสั่งซื้อในสถานะปัจจุบันไม่ได้',
    zh: '订单当前状态下不能进行此操作',
    en: 'This cannot be done with the order in its present state',
  },
  trade_not_shipped: {
    th: 'ใบกำกับสินค้าและบัญชีรายการบรรจุออกได้เมื่อบันทึกการส่งสินค้าแล้ว',
    zh: '记录发货后才能出具商业发票和装箱单',
    en: 'The commercial invoice and packing list are issued once the shipment is recorded',
  },
  partner_review_exists: {
    th: 'ร้านของคุณรีวิวพาร์ทเนอร์รายนี้ไปแล้ว รีวิวได้ร้านละหนึ่งครั้ง',
    zh: '贵店已评价过该合作伙伴，每家店铺只能评价一次',
    en: 'Your shop has already reviewed this partner; one review per shop',
  },
  claim_not_received: {
    th: 'เปิดคำร้องได้เมื่อได้รับสินค้าแล้วเท่านั้น',
    zh: '收到货物后才能提出索赔',
    en: 'A claim can be opened once the goods are received',
  },
  claim_window_closed: {
    th: 'เลยกำหนดเปิดคำร้องแล้ว (ภายใน {days} วันหลังได้รับสินค้า)',
    zh: '已超过索赔期限（收货后 {days} 天内）',
    en: 'The time to claim has passed ({days} days after receipt)',
  },
  claim_evidence_full: {
    th: 'แนบหลักฐานได้ไม่เกิน {max} ไฟล์ต่อคำร้อง',
    zh: '每项索赔最多附 {max} 个证据文件',
    en: 'A claim takes at most {max} evidence files',
  },
  claim_exists: {
    th: 'คำสั่งซื้อนี้มีคำร้องแล้ว',
    zh: '该订单已有索赔',
    en: 'This order already has a claim',
  },
  claim_state: {
    th: 'ทำรายการนี้กับคำร้องในสถานะปัจจุบันไม่ได้',
    zh: '索赔当前状态下不能进行此操作',
    en: 'This cannot be done with the claim in its present state',
  },
  claim_answer_late: {
    th: 'เลยกำหนดตอบคำร้องแล้ว (ภายใน {days} วัน)',
    zh: '已超过答复期限（{days} 天内）',
    en: 'The time to answer has passed ({days} days)',
  },
  claim_escalate_early: {
    th: 'ขอให้ผู้ดูแลตลาดตัดสินได้ตั้งแต่วันที่ 4 หลังเปิดคำร้อง (ร้านมีเวลาตอบ {days} วัน)',
    zh: '自提出索赔第 4 天起才能申请平台介入（卖家有 {days} 天答复）',
    en: 'You may escalate from day 4 after the claim (the shop has {days} days to answer)',
  },
  'field.claim_above_paid': {
    th: 'ต้องไม่เกินยอดที่ชำระแล้ว {max} บาท',
    zh: '不能超过已付金额 {max} 泰铢',
    en: 'must not exceed the {max} baht paid',
  },
  'field.rating_range': {
    th: 'ต้องเป็นคะแนน 1 ถึง 5',
    zh: '评分须为 1 到 5',
    en: 'must be a rating from 1 to 5',
  },
  'field.below_moq': {
    th: 'ต้องไม่น้อยกว่าจำนวนสั่งขั้นต่ำ {moq} {unit}',
    zh: '不能少于最小起订量 {moq} {unit}',
    en: 'must be at least the minimum order quantity of {moq} {unit}',
  },
  'field.order_too_large': {
    th: 'ยอดสั่งซื้อใหญ่เกินกว่าที่รับได้ในคำสั่งซื้อเดียว โปรดแบ่งเป็นหลายคำสั่งซื้อ',
    zh: '订单金额超出单笔上限，请拆分为多笔订单',
    en: 'the order is larger than one order can carry; split it into several',
  },
  'field.bank_reference': {
    th: 'ต้องเป็นเลขอ้างอิงจากธนาคาร 6–35 ตัว (ตัวอักษร ตัวเลข / หรือ -)',
    zh: '须为银行的 6–35 位参考号（字母、数字、/ 或 -）',
    en: "must be the bank's reference: 6–35 letters, digits, / or -",
  },
  'field.awb_not_air': {
    th: 'ใบตราส่งทางอากาศใช้กับการขนส่งทางอากาศเท่านั้น',
    zh: '航空运单仅用于空运',
    en: 'an air waybill is for air transport only',
  },
  'field.bl_for_air': {
    th: 'การขนส่งทางอากาศใช้ใบตราส่งทางอากาศ (AWB) ไม่ใช่ B/L',
    zh: '空运应使用航空运单（AWB），而非提单',
    en: 'air transport takes an air waybill, not a bill of lading',
  },
  'field.awb_shape': {
    th: 'ต้องเป็นรหัสสายการบิน 3 หลัก และเลข 8 หลัก เช่น 217-12345675',
    zh: '须为 3 位航空公司代码加 8 位数字，例如 217-12345675',
    en: 'must be a 3-digit airline prefix and 8 digits, e.g. 217-12345675',
  },
  'field.awb_check': {
    th: 'เลขตรวจสอบหลักสุดท้ายไม่ถูกต้อง (เลข 7 หลัก หารด้วย 7 เหลือเศษ) โปรดตรวจอีกครั้ง',
    zh: '校验位不正确（7 位序号除以 7 的余数），请核对',
    en: 'its check digit is wrong (the 7-digit serial mod 7); please check the number',
  },
  'field.bl_shape': {
    th: 'ต้องเป็นเลขที่ B/L ตัวอักษรและตัวเลข 4–35 ตัว',
    zh: '须为 4–35 位字母和数字的提单号',
    en: 'must be a bill of lading number of 4–35 letters and digits',
  },
  'field.same_language': {
    th: 'คำแปลต้องเป็นภาษาอื่นจากต้นฉบับ',
    zh: '译文须为与原文不同的语言',
    en: 'the translation must be in another language than the original',
  },
  'field.deposit_range': {
    th: 'มัดจำต้องอยู่ระหว่าง 10 ถึง 90 เปอร์เซ็นต์',
    zh: '定金比例须在 10% 到 90% 之间',
    en: 'the deposit must be between 10 and 90 percent',
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
