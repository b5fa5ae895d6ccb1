import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  customs_not_paid: {
    th: 'ยังไม่พบการชำระเงินของคำสั่งซื้อนี้ จึงยังยื่นศุลกากรไม่ได้',
    zh: '尚未找到该订单的支付记录，暂不能向海关申报',
    en: 'No captured payment for this order yet, so it cannot be declared to customs',
  },
});
