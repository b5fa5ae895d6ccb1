import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  customs_not_paid: {
    th: 'ยังไม่พบการชำระเงินของคำสั่งซื้อนี้ จึงยังยื่นศุลกากรไม่ได้',
    zh: '尚未找到该订单的支付记录，暂不能向海关申报',
    en: 'No captured payment for this order yet, so it cannot be declared to customs',
  },
  customs_rejection_closed: {
    th: 'รายการที่ถูกปฏิเสธนี้ปิดไปแล้ว ({resolution})',
    zh: '该退单已处理完毕（{resolution}）',
    en: 'This rejection is already closed ({resolution})',
  },
  customs_not_rejected: {
    th: 'คำสั่งซื้อนี้ไม่ได้อยู่ในสถานะถูกศุลกากรปฏิเสธ (สถานะ: {status})',
    zh: '该订单当前并非海关退单状态（状态：{status}）',
    en: 'This order is not rejected by customs (status: {status})',
  },
  customs_order_cancelled: {
    th: 'คำสั่งซื้อนี้ถูกยกเลิกแล้ว ยื่นศุลกากรใหม่ไม่ได้',
    zh: '该订单已取消，不能重新申报',
    en: 'This order is cancelled and cannot be declared again',
  },
  customs_still_invalid: {
    th: 'ข้อมูลยังไม่ถูกต้อง จึงยังไม่ได้ส่งใหม่: {problems}',
    zh: '数据仍有误，未重新发送：{problems}',
    en: 'The data is still wrong, so nothing was resent: {problems}',
  },
  customs_cannot_cancel: {
    th: 'ยกเลิกคำสั่งซื้อในสถานะ {status} ไม่ได้',
    zh: '状态为 {status} 的订单不能取消',
    en: 'An order in status {status} cannot be cancelled',
  },
});
