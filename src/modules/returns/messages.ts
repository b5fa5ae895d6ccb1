// The returns module's problems, reasons, statuses and steps in Thai, Chinese and English.
import { registerMessages } from '../../platform/i18n.ts';

export const RETURN_REASONS = [
  'damaged',
  'not_as_described',
  'wrong_item',
  'missing_parts',
  'spoiled',
  'changed_mind',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

registerMessages({
  return_order_not_delivered: {
    th: 'ขอคืนสินค้าได้เมื่อได้รับสินค้าแล้วเท่านั้น',
    zh: '订单送达后才能申请退货退款',
    en: 'You can ask for a return only after the order is delivered',
  },
  return_window_closed: {
    th: 'เลยกำหนดขอคืนสินค้าแล้ว (ร้านรับคืนภายใน {days} วันหลังได้รับสินค้า)',
    zh: '已超过退货期限（本店支持收货后 {days} 天内退货）',
    en: 'The return window has closed (this shop accepts returns within {days} days of delivery)',
  },
  return_line_not_found: {
    th: 'ไม่พบรายการสินค้านี้ในคำสั่งซื้อ',
    zh: '订单中没有该商品行',
    en: 'The order has no such line',
  },
  return_already_open: {
    th: 'รายการนี้มีคำขอคืนสินค้าที่ยังดำเนินการอยู่แล้ว',
    zh: '该商品行已有进行中的退货申请',
    en: 'This line already has a return in progress',
  },
  return_line_refunded: {
    th: 'รายการนี้คืนเงินครบแล้ว',
    zh: '该商品行已全额退款',
    en: 'This line has been refunded in full',
  },
  return_state_changed: {
    th: 'ทำขั้นตอนนี้ไม่ได้แล้ว: คำขอคืนสินค้าเปลี่ยนสถานะไปแล้ว โปรดโหลดหน้าใหม่',
    zh: '退货申请状态已变化，无法执行此操作，请刷新页面',
    en: 'This step is no longer possible: the return has moved on. Reload the page',
  },
  return_offer_too_large: {
    th: 'ยอดคืนเงินต้องไม่เกิน {max} บาท',
    zh: '退款金额不能超过 {max} 泰铢',
    en: 'The refund cannot exceed {max} THB',
  },
  return_photos_full: {
    th: 'แนบรูปได้ไม่เกิน {max} รูป',
    zh: '最多上传 {max} 张照片',
    en: 'At most {max} photos',
  },
  return_not_from_hub: {
    th: 'คำสั่งซื้อนี้ไม่ได้ส่งออกจากคลังสินค้า',
    zh: '该订单并非从仓库发出',
    en: 'This order was not shipped from the hub',
  },
  'field.return_quantity': {
    th: 'ต้องไม่เกินจำนวนที่ซื้อ ({max})',
    zh: '不能超过购买数量（{max}）',
    en: 'must not exceed the quantity bought ({max})',
  },
  'return_reason.damaged': { th: 'สินค้าเสียหาย', zh: '商品损坏', en: 'Damaged' },
  'return_reason.not_as_described': { th: 'ไม่ตรงตามรายละเอียด', zh: '与描述不符', en: 'Not as described' },
  'return_reason.wrong_item': { th: 'ได้รับสินค้าผิด', zh: '发错商品', en: 'Wrong item' },
  'return_reason.missing_parts': { th: 'ได้รับไม่ครบ', zh: '少件/缺少配件', en: 'Missing items or parts' },
  'return_reason.spoiled': { th: 'สินค้าเน่าเสีย/หมดอายุ', zh: '变质/过期', en: 'Spoiled or expired' },
  'return_reason.changed_mind': { th: 'เปลี่ยนใจ', zh: '不想要了', en: 'Changed my mind' },
  'return_status.requested': { th: 'รอร้านตอบ', zh: '等待商家处理', en: 'Waiting for the shop' },
  'return_status.offered': { th: 'ร้านเสนอคืนเงินบางส่วน', zh: '商家提出部分退款', en: 'Partial refund offered' },
  'return_status.refused': { th: 'ร้านปฏิเสธ', zh: '商家已拒绝', en: 'Refused by the shop' },
  'return_status.escalated': {
    th: 'ส่งให้ผู้ดูแลตลาดตัดสิน',
    zh: '平台介入中',
    en: 'With the marketplace operator',
  },
  'return_status.awaiting_return': {
    th: 'รอส่งสินค้าคืน',
    zh: '等待寄回商品',
    en: 'Waiting for the goods to be sent back',
  },
  'return_status.in_transit': { th: 'สินค้ากำลังส่งคืน', zh: '退货运输中', en: 'On its way back' },
  'return_status.received': { th: 'ร้านได้รับสินค้าคืนแล้ว', zh: '商家已收到退货', en: 'Received back' },
  'return_status.refunded': { th: 'คืนเงินแล้ว', zh: '已退款', en: 'Refunded' },
  'return_status.closed': { th: 'ปิดแล้ว ไม่คืนเงิน', zh: '已关闭（不退款）', en: 'Closed without refund' },
  'return_status.withdrawn': { th: 'ผู้ซื้อยกเลิกคำขอ', zh: '买家已撤销', en: 'Withdrawn by the buyer' },
  'return_step.requested': { th: 'ผู้ซื้อขอคืนสินค้า', zh: '买家申请退货退款', en: 'Buyer asked for a return' },
  'return_step.accepted': { th: 'ร้านยอมรับ', zh: '商家同意', en: 'Shop accepted' },
  'return_step.offered': { th: 'ร้านเสนอคืนเงินบางส่วน', zh: '商家提出部分退款', en: 'Shop offered a partial refund' },
  'return_step.offer_accepted': { th: 'ผู้ซื้อรับข้อเสนอ', zh: '买家接受部分退款', en: 'Buyer accepted the offer' },
  'return_step.refused': { th: 'ร้านปฏิเสธ', zh: '商家拒绝', en: 'Shop refused' },
  'return_step.escalated': { th: 'ผู้ซื้อขอให้ผู้ดูแลตลาดตัดสิน', zh: '买家申请平台介入', en: 'Buyer escalated to the operator' },
  'return_step.operator_refund': { th: 'ผู้ดูแลตลาดให้คืนเงิน', zh: '平台判定退款', en: 'Operator decided a refund' },
  'return_step.operator_return': {
    th: 'ผู้ดูแลตลาดให้ส่งสินค้าคืนก่อนคืนเงิน',
    zh: '平台判定退货后退款',
    en: 'Operator decided: return the goods, then refund',
  },
  'return_step.operator_rejected': { th: 'ผู้ดูแลตลาดไม่อนุมัติ', zh: '平台驳回', en: 'Operator rejected the claim' },
  'return_step.label_booked': { th: 'ออกใบปะหน้าส่งคืนแล้ว', zh: '已生成退货面单', en: 'Return label issued' },
  'return_step.handed_over': { th: 'ผู้ซื้อส่งพัสดุคืนแล้ว', zh: '买家已寄出', en: 'Buyer sent the parcel' },
  'return_step.received': { th: 'ได้รับสินค้าคืน', zh: '已收到退货', en: 'Goods received back' },
  'return_step.refunded': { th: 'คืนเงินแล้ว', zh: '已退款', en: 'Refunded' },
  'return_step.withdrawn': { th: 'ผู้ซื้อยกเลิกคำขอ', zh: '买家撤销申请', en: 'Buyer withdrew' },
  'return_step.customs_declared': {
    th: 'แจ้งศุลกากรจีนเรื่องการคืนสินค้าแล้ว',
    zh: '已向海关申报退货',
    en: 'Return declared to customs',
  },
  'return_disposition.restock': {
    th: 'กลับเข้าคลังทัณฑ์บน ขายต่อได้',
    zh: '退回保税仓，可再次销售',
    en: 'Back into bonded stock, sellable again',
  },
  'return_disposition.destroy': {
    th: 'ทำลายภายใต้การกำกับของศุลกากร',
    zh: '在海关监管下销毁',
    en: 'Destroyed under customs supervision',
  },
  'return_disposition.kept': { th: 'ร้านรับคืนแล้ว', zh: '商家已收回', en: 'Back with the shop' },
});

registerMessages({
  'return_kind.return': { th: 'คืนสินค้าและคืนเงิน', zh: '退货退款', en: 'Return and refund' },
  'return_kind.refund_only': { th: 'คืนเงินอย่างเดียว', zh: '仅退款', en: 'Refund only' },
});
