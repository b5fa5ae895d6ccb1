import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  payment_method_not_allowed: {
    th: 'คำสั่งซื้อนี้ชำระได้ด้วย {method} เท่านั้น',
    zh: '该订单只能使用 {method} 支付',
    en: 'This order can only be paid with {method}',
  },
  already_paid: { th: 'คำสั่งซื้อนี้ชำระเงินแล้ว', zh: '该订单已付款', en: 'This order has already been paid' },
  fx_rate_missing: {
    th: 'ยังไม่มีอัตราแลกเปลี่ยน {from} เป็น {to} กรุณาลองวิธีชำระเงินอื่น',
    zh: '暂无 {from} 兑 {to} 的汇率，请选择其他付款方式',
    en: 'There is no {from} to {to} exchange rate yet; please choose another way to pay',
  },
  payment_method_unavailable: {
    th: 'วิธีชำระเงินนี้ใช้กับสกุลเงินของคำสั่งซื้อไม่ได้',
    zh: '此付款方式不支持该订单的币种',
    en: 'This way to pay does not take the currency of this order',
  },
  gateway_unavailable: {
    th: 'ติดต่อผู้ให้บริการชำระเงินไม่ได้ในขณะนี้ กรุณาลองใหม่อีกครั้ง',
    zh: '暂时无法连接支付服务，请稍后重试',
    en: 'The payment service cannot be reached right now; please try again',
  },
  bad_signature: {
    th: 'ลายมือชื่อดิจิทัลของการแจ้งเตือนไม่ถูกต้อง',
    zh: '通知的数字签名无效',
    en: 'The notification signature is not valid',
  },
  stale_timestamp: {
    th: 'การแจ้งเตือนเก่าเกินไป (เกิน 5 นาที)',
    zh: '通知已过期（超过 5 分钟）',
    en: 'The notification is too old (more than 5 minutes)',
  },
  unknown_payment: { th: 'ไม่พบรายการชำระเงินนี้', zh: '找不到该付款', en: 'This payment is not known' },
  wrong_amount: { th: 'ยอดเงินไม่ตรงกับรายการชำระเงิน', zh: '金额与付款不符', en: 'The amount does not match the payment' },
  wrong_currency: {
    th: 'สกุลเงินไม่ตรงกับรายการชำระเงิน',
    zh: '币种与付款不符',
    en: 'The currency does not match the payment',
  },
  not_paid: {
    th: 'คำสั่งซื้อนี้ยังไม่ได้ชำระเงิน จึงคืนเงินไม่ได้',
    zh: '该订单尚未付款，无法退款',
    en: 'This order has not been paid, so it cannot be refunded',
  },
  refund_exceeds_paid: {
    th: 'ยอดคืนเงินเกินยอดที่คืนได้ ({refundable})',
    zh: '退款金额超过可退金额（{refundable}）',
    en: 'The refund is more than can be refunded ({refundable})',
  },
  sandbox_only: { th: 'ใช้ได้เฉพาะในโหมดทดลอง (sandbox)', zh: '仅在沙盒模式下可用', en: 'Only available in the sandbox' },
  sandbox_payment_refused: {
    th: 'ระบบทดลองปฏิเสธการชำระเงิน: {reason}',
    zh: '沙盒拒绝了付款：{reason}',
    en: 'The sandbox refused the payment: {reason}',
  },
});
