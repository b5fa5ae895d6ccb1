// The finance module's texts in Thai, Chinese and English: problems, the consent wording, the data
// items a consent names, the reasons of a decision and what would improve each, lenders' policy reasons.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  finance_consent_required: {
    th: 'ต้องให้ความยินยอมให้ {lender} ใช้ข้อมูลเพื่อพิจารณาสินเชื่อก่อน',
    zh: '请先同意 {lender} 使用数据进行信贷评估',
    en: 'First consent to {lender} using your data to assess credit',
  },
  finance_consent_withdrawn: {
    th: 'ความยินยอมนี้ถูกถอนไปแล้ว',
    zh: '该同意已被撤回',
    en: 'This consent was already withdrawn',
  },
  finance_not_an_offer: {
    th: 'คำขอนี้ไม่ได้รับข้อเสนอสินเชื่อ',
    zh: '该申请没有获得贷款报价',
    en: 'This application has no loan offer',
  },
  finance_offer_closed: {
    th: 'ข้อเสนอนี้ถูกตอบรับแล้วหรือหมดอายุแล้ว',
    zh: '该报价已被接受或已过期',
    en: 'This offer was already accepted or has expired',
  },
  finance_not_referred: {
    th: 'คำขอนี้ไม่ได้รอการพิจารณาโดยเจ้าหน้าที่',
    zh: '该申请不在等待人工审核',
    en: 'This application is not waiting for a person to decide',
  },
  'field.finance_servicing_consent': {
    th: 'ต้องยินยอมให้ส่งข้อมูลการชำระคืนให้ผู้ให้กู้ก่อนรับข้อเสนอ',
    zh: '接受报价前须同意向贷款方提供还款数据',
    en: 'consent to share repayments with the lender is needed to accept',
  },

  'finance.consent.wording.credit_assessment': {
    th: 'ข้าพเจ้ายินยอมให้ตาลาดส่งข้อมูลต่อไปนี้ของร้านให้ {lender} เพื่อพิจารณาสินเชื่อเท่านั้น: {items} {lender} เก็บข้อมูลไว้ไม่เกิน {days} วัน ข้าพเจ้าถอนความยินยอมได้ทุกเมื่อ และหลังถอนจะไม่มีการส่งข้อมูลเพิ่มอีก',
    zh: '本人同意 Talad 仅为信贷评估之目的，向 {lender} 提供本店以下数据：{items}。{lender} 保存数据不超过 {days} 天。本人可随时撤回同意，撤回后不再提供任何数据。',
    en: 'I consent to Talad sharing the following data of my shop with {lender} for assessing credit only: {items}. {lender} keeps it for at most {days} days. I may withdraw at any time; after that nothing more is shared.',
  },
  'finance.consent.wording.loan_servicing': {
    th: 'ข้าพเจ้ายินยอมให้ตาลาดส่งข้อมูลต่อไปนี้ให้ {lender} เพื่อบริหารสินเชื่อที่รับไว้ (การชำระคืนและยอดคงค้าง) เท่านั้น: {items} {lender} เก็บข้อมูลไว้ไม่เกิน {days} วันหลังปิดสินเชื่อ ข้าพเจ้าถอนความยินยอมได้ทุกเมื่อ',
    zh: '本人同意 Talad 仅为管理已接受的贷款（还款与余额）之目的，向 {lender} 提供以下数据：{items}。{lender} 在贷款结清后保存数据不超过 {days} 天。本人可随时撤回同意。',
    en: 'I consent to Talad sharing the following data with {lender} for servicing the loan I accepted (repayments and balance) only: {items}. {lender} keeps it for at most {days} days after the loan closes. I may withdraw at any time.',
  },
  'finance.item.sales_monthly': { th: 'ยอดขายรายเดือนและแนวโน้ม', zh: '月销售额及趋势', en: 'monthly sales and trend' },
  'finance.item.refunds_cancellations': {
    th: 'อัตราคืนเงินและยกเลิกคำสั่งซื้อ',
    zh: '退款率和取消率',
    en: 'refund and cancellation rates',
  },
  'finance.item.shipping_on_time': { th: 'การส่งสินค้าตรงเวลา', zh: '准时发货率', en: 'on-time shipping' },
  'finance.item.tenure': { th: 'ระยะเวลาที่ขายบนตาลาด', zh: '在 Talad 的经营时长', en: 'time selling on Talad' },
  'finance.item.verified_marks': { th: 'ตรารับรองที่ตรวจสอบแล้ว', zh: '已核实的认证标志', en: 'verified marks' },
  'finance.item.crossborder_share': {
    th: 'สัดส่วนยอดขายต่างประเทศ',
    zh: '跨境销售占比',
    en: 'cross-border share of sales',
  },
  'finance.item.ledger_cash_payouts': {
    th: 'ยอดเงินคงเหลือและการโอนเงินให้ร้าน',
    zh: '账户余额和结算记录',
    en: 'balance and payouts',
  },
  'finance.access.who.staff': { th: 'เจ้าหน้าที่ของ {lender}', zh: '{lender} 的工作人员', en: 'Staff of {lender}' },
  'finance.access.who.system': {
    th: 'ระบบพิจารณาอัตโนมัติสำหรับ {lender}',
    zh: '为 {lender} 自动审批的系统',
    en: 'Automatic decision for {lender}',
  },
  'finance.access.what.decision': {
    th: 'ใช้พิจารณาคำขอสินเชื่อ',
    zh: '用于审批贷款申请',
    en: 'used to decide an application',
  },
  'finance.access.what.profile': { th: 'ดูโปรไฟล์เครดิต', zh: '查看信用档案', en: 'viewed the credit profile' },
  'finance.access.what.application': { th: 'ดูคำขอสินเชื่อ', zh: '查看贷款申请', en: 'viewed applications' },
  'finance.access.what.loan': { th: 'ดูการชำระคืนสินเชื่อ', zh: '查看贷款还款', en: 'viewed loan repayments' },

  'finance.feature.tenureMonths': { th: 'ระยะเวลาขาย (เดือน)', zh: '经营时长（月）', en: 'Time selling (months)' },
  'finance.feature.avgMonthlySalesBaht': {
    th: 'ยอดขายเฉลี่ยต่อเดือน (บาท, 6 เดือน)',
    zh: '月均销售额（泰铢，6 个月）',
    en: 'Average monthly sales (baht, 6 months)',
  },
  'finance.feature.salesTrendPct': {
    th: 'แนวโน้มยอดขาย 3 เดือนล่าสุด (%)',
    zh: '近 3 个月销售趋势（%）',
    en: 'Sales trend, last 3 months (%)',
  },
  'finance.feature.refundRatePct': { th: 'อัตราคืนเงิน (%)', zh: '退款率（%）', en: 'Refund rate (%)' },
  'finance.feature.cancelRatePct': {
    th: 'อัตรายกเลิกหลังชำระเงิน (%)',
    zh: '付款后取消率（%）',
    en: 'Cancelled after payment (%)',
  },
  'finance.feature.onTimeRatePct': { th: 'ส่งตรงเวลา (%)', zh: '准时发货（%）', en: 'Shipped on time (%)' },
  'finance.feature.verifiedMarks': { th: 'ตรารับรองที่ตรวจสอบแล้ว', zh: '已核实认证数', en: 'Verified marks' },
  'finance.feature.crossborderSharePct': {
    th: 'สัดส่วนยอดขายไปจีน (%) — แสดงเท่านั้น ไม่ใช้ให้คะแนน',
    zh: '对华销售占比（%）— 仅展示，不计分',
    en: 'Cross-border share (%) — shown, not scored',
  },

  'finance.reason.tenureMonths': {
    th: 'ร้านขายบนตาลาดมาไม่นาน',
    zh: '店铺在 Talad 经营时间较短',
    en: 'The shop has sold on Talad for a short time',
  },
  'finance.improve.tenureMonths': {
    th: 'ขายต่อเนื่อง คะแนนส่วนนี้เพิ่มเมื่อครบ 12 และ 24 เดือน',
    zh: '持续经营，满 12 个月和 24 个月时此项得分会提高',
    en: 'Keep selling: this part rises at 12 and 24 months',
  },
  'finance.reason.avgMonthlySalesBaht': {
    th: 'ยอดขายเฉลี่ยต่อเดือนยังต่ำ',
    zh: '月均销售额偏低',
    en: 'Average monthly sales are low',
  },
  'finance.improve.avgMonthlySalesBaht': {
    th: 'เพิ่มยอดขาย เช่น ลงสินค้าเพิ่ม แปลชื่อสินค้าเป็นภาษาจีน เข้าร่วมโปรโมชัน',
    zh: '提高销售额，例如上架更多商品、翻译成中文、参加促销',
    en: 'Grow sales: list more products, translate them into Chinese, join promotions',
  },
  'finance.reason.salesTrendPct': {
    th: 'ยอดขายช่วงหลังลดลง',
    zh: '近期销售额下降',
    en: 'Sales have been falling lately',
  },
  'finance.improve.salesTrendPct': {
    th: 'ยอดขาย 3 เดือนล่าสุดที่สูงกว่า 3 เดือนก่อนหน้าช่วยเพิ่มคะแนน',
    zh: '近 3 个月销售额高于前 3 个月会提高得分',
    en: 'Sales in the last 3 months above the 3 before raise the score',
  },
  'finance.reason.refundRatePct': { th: 'มีการคืนเงินค่อนข้างมาก', zh: '退款较多', en: 'Refunds are high' },
  'finance.improve.refundRatePct': {
    th: 'ลดการคืนเงิน: บรรยายและถ่ายรูปสินค้าให้ตรง แพ็กให้แน่นหนา (ต่ำกว่า 1% ได้คะแนนเต็ม)',
    zh: '减少退款：描述和图片与实物一致、包装牢固（低于 1% 得满分）',
    en: 'Cut refunds: describe and photograph goods truly, pack well (under 1% scores fully)',
  },
  'finance.reason.cancelRatePct': {
    th: 'ยกเลิกคำสั่งซื้อหลังชำระเงินบ่อย',
    zh: '付款后取消订单较多',
    en: 'Orders are often cancelled after payment',
  },
  'finance.improve.cancelRatePct': {
    th: 'อัปเดตสต็อกให้ตรง เพื่อไม่ต้องยกเลิกคำสั่งซื้อ (ต่ำกว่า 1% ได้คะแนนเต็ม)',
    zh: '保持库存准确，避免取消订单（低于 1% 得满分）',
    en: 'Keep stock accurate so paid orders are not cancelled (under 1% scores fully)',
  },
  'finance.reason.onTimeRatePct': {
    th: 'ส่งสินค้าให้ขนส่งไม่ทันเวลา',
    zh: '未能按时交付承运商',
    en: 'Parcels reach the carrier late',
  },
  'finance.improve.onTimeRatePct': {
    th: 'ส่งพัสดุให้ขนส่งภายใน 48 ชั่วโมง หรือฝากสินค้าที่คลังตาลาด (95% ขึ้นไปได้คะแนนเต็ม)',
    zh: '48 小时内交给承运商，或把库存放到 Talad 仓库（95% 以上得满分）',
    en: 'Hand parcels over within 48 hours, or stock the Talad hub (95% or more scores fully)',
  },
  'finance.reason.verifiedMarks': {
    th: 'ยังไม่มีตรารับรองที่ตรวจสอบแล้ว',
    zh: '暂无已核实的认证标志',
    en: 'Few or no verified marks',
  },
  'finance.improve.verifiedMarks': {
    th: 'อัปโหลดใบรับรอง เช่น อย. มผช. GAP ในหน้า "มาตรฐาน" (2 ตราขึ้นไปได้คะแนนเต็ม)',
    zh: '在"认证"页面上传 อย.、มผช.、GAP 等证书（2 个以上得满分）',
    en: 'Upload certificates (FDA, community standard, GAP) under "Standards" (2 or more score fully)',
  },

  'finance.policy.thin_file': {
    th: 'ข้อมูลการขายยังน้อย เจ้าหน้าที่จะพิจารณาให้',
    zh: '销售记录较少，将由工作人员审核',
    en: 'Too little sales history: a person will review it',
  },
  'finance.policy.tenure_under_3_months': {
    th: 'ผู้ให้กู้รับคำขอจากร้านที่ขายมาแล้วอย่างน้อย 3 เดือน',
    zh: '贷款方只受理经营满 3 个月的店铺',
    en: 'The lender lends to shops selling for at least 3 months',
  },
  'finance.policy.score_below_580': {
    th: 'คะแนนต่ำกว่าเกณฑ์ของผู้ให้กู้ (580)',
    zh: '评分低于贷款方门槛（580）',
    en: "The score is below the lender's threshold (580)",
  },
  'finance.policy.sales_below_minimum_amount': {
    th: 'ยอดขาย 3 เดือนต่ำกว่าวงเงินขั้นต่ำของผลิตภัณฑ์',
    zh: '3 个月销售额低于该产品的最低额度',
    en: "Three months' sales are below the product's minimum amount",
  },
  'finance.policy.score_in_review_band': {
    th: 'คะแนนอยู่ในช่วงที่เจ้าหน้าที่ต้องพิจารณา (580–619)',
    zh: '评分处于需人工审核的区间（580–619）',
    en: 'The score is in the band a person reviews (580–619)',
  },
  'finance.policy.amount_limited_to_3_months_sales': {
    th: 'วงเงินไม่เกินยอดขายเฉลี่ย 3 เดือน',
    zh: '额度不超过 3 个月的平均销售额',
    en: "The amount is limited to three months' average sales",
  },
  'finance.policy.lender_unreachable': {
    th: 'ติดต่อผู้ให้กู้ไม่ได้ เจ้าหน้าที่จะพิจารณาให้',
    zh: '无法联系贷款方，将由工作人员审核',
    en: 'The lender could not be reached: a person will review it',
  },
  'finance.policy.person_offered': { th: 'เจ้าหน้าที่อนุมัติข้อเสนอ', zh: '工作人员已批准', en: 'A person approved an offer' },
  'finance.policy.person_declined': { th: 'เจ้าหน้าที่ปฏิเสธคำขอ', zh: '工作人员已拒绝', en: 'A person declined it' },
  'finance.guarantee.tcg_ps_smes': {
    th: 'ค้ำประกันโดย บสย. (PGS)',
    zh: '泰国信用担保公司（TCG）担保',
    en: 'Guaranteed by TCG (บสย.) portfolio guarantee',
  },
  'finance.loan.status.active': { th: 'กำลังผ่อนชำระ', zh: '还款中', en: 'Repaying' },
  'finance.loan.status.late': { th: 'ค้างชำระ', zh: '逾期', en: 'Late' },
  'finance.loan.status.repaid': { th: 'ชำระครบแล้ว', zh: '已还清', en: 'Repaid' },
  'finance.movement.disbursement': {
    th: 'รับเงินกู้เข้ายอดคงเหลือของร้าน',
    zh: '贷款发放至店铺余额',
    en: "Loan paid into the shop's balance",
  },
  'finance.movement.repayment': {
    th: 'หักชำระคืนจากยอดคงเหลือ',
    zh: '从余额中扣除还款',
    en: 'Repayment taken from the balance',
  },
  'finance.movement.late_fee': { th: 'ค่าปรับชำระล่าช้า', zh: '逾期费', en: 'Late fee' },
  'finance.movement.settlement': {
    th: 'ส่งต่อเงินที่เก็บได้ให้ผู้ให้กู้',
    zh: '已将收回的还款转付贷款方',
    en: 'Collected repayments paid on to the lender',
  },
  'finance.notice.late': {
    th: 'งวดที่ {n} ครบกำหนด {due} ยังชำระไม่ครบ: คิดค่าปรับ {fee} บาท ยอดค้าง {outstanding} บาท จะหักจากยอดเงินของร้านเมื่อมีเงินเข้า หรือติดต่อผู้ให้กู้',
    zh: '第 {n} 期（{due} 到期）未还清：收取逾期费 {fee} 泰铢，未还余额 {outstanding} 泰铢。店铺余额到账后将自动扣款，或请联系贷款方',
    en: 'Instalment {n}, due {due}, is unpaid: a late fee of {fee} baht was charged; {outstanding} baht outstanding, taken from the balance as money comes in; or contact the lender',
  },
  'finance.notice.late_final': {
    th: 'สินเชื่อครบกำหนด {due} แล้วแต่ยังชำระไม่ครบ: คิดค่าปรับ {fee} บาท ยอดค้าง {outstanding} บาท',
    zh: '贷款已于 {due} 到期但未还清：收取逾期费 {fee} 泰铢，未还余额 {outstanding} 泰铢',
    en: 'The loan was due on {due} and is not repaid: a late fee of {fee} baht was charged; {outstanding} baht outstanding',
  },
  'finance.access.what.erased': {
    th: 'ลบสำเนาข้อมูลที่ผู้ให้กู้ได้รับแล้ว (ถอนความยินยอมหรือพ้นระยะเวลาเก็บรักษา)',
    zh: '已删除贷款方持有的数据副本（撤回同意或保存期满）',
    en: "The lender's copy of the shared data was deleted (consent withdrawn or retention period over)",
  },
});
