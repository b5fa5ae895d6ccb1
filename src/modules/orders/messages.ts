import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  order_not_shippable: {
    th: 'คำสั่งซื้อนี้เป็นบริการ ไม่มีสินค้าให้จัดส่ง',
    zh: '此订单为服务，没有需要发货的商品',
    en: 'This order is a service: there is nothing to ship',
  },
  order_not_service: {
    th: 'คำสั่งซื้อนี้เป็นสินค้า ต้องจัดส่งก่อนจึงจะสำเร็จ',
    zh: '此订单为商品，须发货后才能完成',
    en: 'This order is for goods: it is completed by delivery',
  },
  out_of_stock_bonded: {
    th: 'สินค้าบางรายการในคลังทัณฑ์บนสำหรับส่งไปจีนหมดหรือมีไม่พอ',
    zh: '部分商品在保税仓的跨境库存已售罄或不足',
    en: 'Some items are sold out, or not in that quantity, in the bonded hub stock that sells to China',
  },
  cart_empty: { th: 'ตะกร้าสินค้าว่างเปล่า', zh: '购物车是空的', en: 'Your cart is empty' },
  price_changed: {
    th: 'ราคารวมเปลี่ยนเป็น {total} บาท กรุณาตรวจสอบก่อนสั่งซื้ออีกครั้ง',
    zh: '总价已变为 {total} 泰铢，请确认后再下单',
    en: 'The total has changed to {total} THB; please review it and order again',
  },
  idempotency_key_required: {
    th: 'ต้องส่ง Idempotency-Key มากับคำสั่งซื้อ',
    zh: '下单请求必须带有 Idempotency-Key',
    en: 'An Idempotency-Key header is required to place an order',
  },
  already_shipped: {
    th: 'คำสั่งซื้อนี้จัดส่งแล้วด้วยเลขพัสดุ {trackingNumber} ไม่มีการเปลี่ยนแปลง',
    zh: '该订单已发货（运单号 {trackingNumber}），未做任何更改',
    en: 'This order was already shipped with tracking number {trackingNumber}; nothing was changed',
  },
  order_fulfilled_by_hub: {
    th: 'คำสั่งซื้อนี้จัดส่งโดยศูนย์กระจายสินค้า ร้านไม่ต้องแจ้งจัดส่งเอง',
    zh: '该订单由枢纽仓发货，店铺无需自行发货',
    en: 'This order ships from the hub; the shop does not ship it itself',
  },
  delivery_proof_required: {
    th: 'ยืนยันการส่งถึงด้วยรูปถ่ายหรือลายเซ็นผู้รับ หรือรอให้ขนส่งแจ้งว่านำจ่ายสำเร็จ',
    zh: '请上传签收照片或收件人签名作为送达凭证，或等待承运商的签收记录',
    en: 'Prove the delivery with a photo or the recipient’s signature, or wait for the carrier’s delivery event',
  },
  invalid_transition: {
    th: 'ไม่สามารถเปลี่ยนสถานะคำสั่งซื้อจาก "{from}" เป็น "{to}" ได้',
    zh: '订单状态不能从“{from}”变为“{to}”',
    en: 'An order cannot go from "{from}" to "{to}"',
  },
  order_expired: {
    th: 'คำสั่งซื้อนี้หมดเวลาชำระเงินแล้ว',
    zh: '该订单已超过付款时限',
    en: 'The time to pay for this order has run out',
  },
  mark_paid_sandbox_only: {
    th: 'คำสั่งซื้อจะเป็น "ชำระเงินแล้ว" ได้เมื่อผู้ให้บริการชำระเงินยืนยันเท่านั้น (ผู้ดูแลทำแทนได้เฉพาะในโหมดทดลอง)',
    zh: '只有支付服务确认付款后订单才会变为“已付款”（运营人员仅可在沙盒中代为操作）',
    en: 'An order becomes paid only when the payment service confirms it (operators can do it by hand in the sandbox only)',
  },
  'field.not_thai_mobile': {
    th: 'ไม่ใช่หมายเลขโทรศัพท์มือถือไทย',
    zh: '不是泰国手机号码',
    en: 'is not a Thai mobile number',
  },
  'field.unknown_province': { th: 'ไม่พบจังหวัดนี้', zh: '未知的府', en: 'is not a Thai province' },
  'field.bad_postcode': {
    th: 'รหัสไปรษณีย์ต้องเป็นตัวเลข 5 หลัก',
    zh: '邮政编码须为 5 位数字',
    en: 'must be a 5-digit Thai postcode',
  },
});

// A Thai address whose parts do not belong together (address-check.ts): the field named, in words.
registerMessages({
  'field.unknown_province': { th: 'จังหวัด: ไม่รู้จักจังหวัดนี้', zh: '府（省）：未知的府', en: 'province: not a Thai province' },
  'field.district_not_in_province': {
    th: 'อำเภอ/เขต: ไม่มี "{district}" ในจังหวัด{provinceTh}',
    zh: '县（区）：{provinceZh}没有“{district}”',
    en: 'district: there is no "{district}" in {provinceEn}',
  },
  'field.subdistrict_not_in_district': {
    th: 'ตำบล/แขวง: ไม่มี "{subdistrict}" ในอำเภอ/เขต{district}',
    zh: '乡（街道）：“{district}”县（区）没有“{subdistrict}”',
    en: 'sub-district: there is no "{subdistrict}" in the district {district}',
  },
  'field.postcode_not_subdistrict': {
    th: 'รหัสไปรษณีย์: {postcode} ไม่ใช่ของตำบล/แขวง{subdistrict} (ควรเป็น {expected})',
    zh: '邮政编码：{postcode} 不属于“{subdistrict}”（应为 {expected}）',
    en: 'postcode: {postcode} is not the postcode of {subdistrict} (it should be {expected})',
  },
});
