// Messages of the operator console.
import { defineMessages } from '../app/i18n.ts';

defineMessages({
  'cbecTax.title': [
    'ภาษีข้ามพรมแดนที่หักไว้ชำระศุลกากรจีน',
    '代收代缴跨境电商税款（海关）',
    'Cross-border tax withheld for China customs',
  ],
  'cbecTax.owed': [
    'ค้างชำระศุลกากร {amount} จาก {orders} คำสั่งซื้อ',
    '应缴海关 {amount}，涉及 {orders} 个订单',
    'Owed to customs: {amount} on {orders} orders',
  ],
  'cbecTax.why': [
    'แพลตฟอร์มเป็นผู้เก็บภาษีแทนศุลกากร: เงินนี้ไม่ใช่ของร้านค้าและไม่ใช่รายได้ บันทึกเป็นหยวน',
    '平台为代收代缴义务人：该款项不属于店铺，也不是平台收入，以人民币记账',
    "The platform withholds it for customs: not the shops' money, not revenue; kept in CNY",
  ],
  'cbecTax.reference': ['เลขที่ใบชำระภาษีศุลกากร', '海关缴款书编号', 'Customs payment reference'],
  'cbecTax.referenceNeeded': ['กรอกเลขที่ใบชำระ', '请填写缴款书编号', 'Enter the payment reference'],
  'cbecTax.settle': ['ชำระภาษีกับศุลกากร', '向海关缴税', 'Settle tax with customs'],
  'cbecTax.confirm': [
    'ยืนยันว่าได้ชำระ {amount} ให้ศุลกากรแล้ว?',
    '确认已向海关缴纳 {amount}？',
    'Confirm that {amount} was paid to customs?',
  ],
  'cbecTax.confirmButton': ['ยืนยันการชำระ', '确认缴纳', 'Confirm payment'],
  'ops.title': ['คอนโซลผู้ดูแลตลาด', '运营后台', 'Operator console'],
  'ops.nav': ['เมนูผู้ดูแล', '运营菜单', 'Console menu'],
  'ops.applications': ['ใบสมัครร้านค้า', '开店申请', 'Shop applications'],
  'ops.sellers': ['ร้านค้าทั้งหมด', '全部店铺', 'All shops'],
  'ops.orders': ['คำสั่งซื้อทั้งหมด', '全部订单', 'All orders'],
  'ops.noApplications': ['ไม่มีใบสมัครรอตรวจสอบ', '没有待审核的申请', 'No applications waiting'],
  'ops.approve': ['อนุมัติ', '批准', 'Approve'],
  'ops.reject': ['ไม่อนุมัติ', '拒绝', 'Reject'],
  'ops.rejectReason': [
    'เหตุผลที่ไม่อนุมัติ (ผู้สมัครจะเห็นข้อความนี้)',
    '拒绝原因（申请人可见）',
    'Reason for rejecting (the applicant sees it)',
  ],
  'ops.confirmReject': ['ยืนยันไม่อนุมัติ', '确认拒绝', 'Confirm rejection'],
  'ops.approved': ['อนุมัติ {name} แล้ว', '已批准 {name}', '{name} approved'],
  'ops.rejected': ['ไม่อนุมัติ {name} แล้ว', '已拒绝 {name}', '{name} rejected'],
  'ops.taxId': ['เลขผู้เสียภาษี', '税号', 'Tax ID'],
  'ops.contact': ['ติดต่อ', '联系方式', 'Contact'],
  'ops.appliedOn': ['สมัครเมื่อ', '申请时间', 'Applied on'],
  'ops.filterStatus': ['กรองตามสถานะ', '按状态筛选', 'Filter by status'],
  'ops.all': ['ทั้งหมด', '全部', 'All'],
  'ops.markPaid': ['ชำระเงินผ่านระบบทดลอง (sandbox)', '通过沙盒付款', 'Pay through the sandbox'],
  'ops.markedPaid': ['บันทึกการชำระเงินของ {number} แล้ว', '已将 {number} 标记为已付款', '{number} marked paid'],
  'ops.noOrders': ['ยังไม่มีคำสั่งซื้อ', '暂无订单', 'No orders yet'],
  'ops.shop': ['ร้าน', '店铺', 'Shop'],
});
