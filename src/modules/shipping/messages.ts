import { registerMessages, type Messages } from '../../platform/i18n.ts';
import { CARRIERS } from './carriers.ts';

const formatMessages: Messages = {};
for (const c of Object.values(CARRIERS).filter((c) => c.sellerSelectable)) {
  formatMessages[`field.tracking_bad_format.${c.code}`] = {
    th: `ไม่ใช่เลขพัสดุของ${c.name.th}: ต้องเป็น${c.format.th}`,
    zh: `不是${c.name.zh}的运单号：应为${c.format.zh}`,
    en: `is not a ${c.name.en} tracking number: it should be ${c.format.en}`,
  };
}

registerMessages({
  ...formatMessages,
  'field.tracking_bad_check_digit.thailand-post': {
    th: 'เลขตรวจสอบ (หลักที่ 11) ไม่ถูกต้อง ตามเลข 8 หลักก่อนหน้าควรเป็น {expected} กรุณาตรวจสอบเลขพัสดุอีกครั้ง',
    zh: '校验位（第 11 位）不正确：根据前 8 位数字应为 {expected}，请核对运单号',
    en: 'has a wrong check digit (the 11th character): after those 8 digits it should be {expected}; please check the number',
  },
  'field.tracking_wrong_country.thailand-post': {
    th: 'เลขพัสดุของไปรษณีย์ไทยต้องลงท้ายด้วย TH',
    zh: '泰国邮政的运单号应以 TH 结尾',
    en: 'a Thailand Post number ends in TH',
  },
  'field.unknown_carrier': { th: 'ไม่รู้จักบริษัทขนส่งนี้', zh: '未知的承运商', en: 'is not a carrier we know' },
  invalid_tracking_number: {
    th: 'เลขพัสดุ {number} ไม่ถูกต้องสำหรับบริษัทขนส่งที่เลือก',
    zh: '运单号 {number} 对所选承运商无效',
    en: 'The tracking number {number} is not valid for the chosen carrier',
  },
  tracking_number_required: { th: 'กรุณากรอกเลขพัสดุ', zh: '请填写运单号', en: 'Please enter the tracking number' },
  tracking_number_in_use: {
    th: 'เลขพัสดุ {number} ถูกใช้กับคำสั่งซื้ออื่นแล้ว',
    zh: '运单号 {number} 已用于另一个订单',
    en: 'The tracking number {number} is already used for another order',
  },
  order_not_ready_to_ship: {
    th: 'คำสั่งซื้อนี้ยังไม่พร้อมจัดส่ง (สถานะ "{status}")',
    zh: '该订单尚不能发货（状态“{status}”）',
    en: 'This order cannot be shipped now (it is "{status}")',
  },
  unknown_ship_from_location: {
    th: 'ต้องจัดส่งจากคลังของศูนย์กระจายสินค้าหรือที่ตั้งของร้านเอง',
    zh: '发货地必须是枢纽仓库或店铺自己的地点',
    en: 'Parcels ship from a hub or from the shop’s own location',
  },
  bonded_hub_domestic_parcel: {
    th: 'สินค้าในคลังทัณฑ์บน EEC ส่งออกข้ามแดนได้เท่านั้น ไม่ส่งภายในประเทศ',
    zh: 'EEC 保税仓的货物只能跨境出口，不能在泰国国内配送',
    en: 'Goods in the bonded EEC hub leave for export only, never for a domestic address',
  },
  order_already_handed_over: {
    th: 'พัสดุของคำสั่งซื้อนี้ส่งมอบให้บริษัทขนส่งแล้ว',
    zh: '该订单的包裹已交给承运商',
    en: 'This order’s parcels are already with the carrier',
  },
  shipment_cancelled: {
    th: 'การจองขนส่งนี้ถูกยกเลิกแล้ว',
    zh: '该运单预订已取消',
    en: 'This shipment booking was cancelled',
  },
  already_delivered: {
    th: 'คำสั่งซื้อนี้ส่งถึงผู้รับแล้ว ไม่มีการเปลี่ยนแปลง',
    zh: '该订单已送达，未做任何更改',
    en: 'This order was already delivered; nothing was changed',
  },
  'field.proof_picture_only': {
    th: 'หลักฐานการส่งต้องเป็นรูปภาพ (JPEG, PNG หรือ WebP)',
    zh: '送达凭证须为图片（JPEG、PNG 或 WebP）',
    en: 'The proof must be a picture (JPEG, PNG or WebP)',
  },
  carrier_sandbox_off: {
    th: 'ระบบขนส่งจำลอง (sandbox) ปิดอยู่',
    zh: '承运商沙盒未启用',
    en: 'The carrier sandbox is off',
  },
  'shipment_status.booked': { th: 'จองขนส่งแล้ว', zh: '已预约承运', en: 'Booked' },
  'shipment_status.handed_over': { th: 'ส่งมอบให้ขนส่งแล้ว', zh: '已交承运商', en: 'With the carrier' },
  'shipment_status.in_transit': { th: 'อยู่ระหว่างขนส่ง', zh: '运输中', en: 'In transit' },
  'shipment_status.at_border': { th: 'อยู่ที่ด่านศุลกากร', zh: '在口岸清关', en: 'At the border' },
  'shipment_status.out_for_delivery': { th: 'กำลังนำจ่าย', zh: '派送中', en: 'Out for delivery' },
  'shipment_status.failed_attempt': {
    th: 'นำจ่ายไม่สำเร็จ จะนำจ่ายอีกครั้ง',
    zh: '派送未成功，将再次派送',
    en: 'Delivery attempt failed; trying again',
  },
  'shipment_status.delivered': { th: 'นำจ่ายสำเร็จ', zh: '已签收', en: 'Delivered' },
  'shipment_status.cancelled': { th: 'ยกเลิก', zh: '已取消', en: 'Cancelled' },
  'tracking.booked': { th: 'สร้างใบจ่าหน้าพัสดุแล้ว', zh: '已生成运单', en: 'Label created' },
  'tracking.shipped_by_seller': {
    th: 'ร้านส่งพัสดุกับ {carrier}',
    zh: '店铺已通过{carrier}发货',
    en: 'The shop sent the parcel with {carrier}',
  },
  'tracking.accepted': { th: 'รับฝากพัสดุแล้ว', zh: '已揽收', en: 'Accepted by the carrier' },
  'tracking.in_transit': { th: 'อยู่ระหว่างการขนส่ง', zh: '运输途中', en: 'In transit' },
  'tracking.at_border': {
    th: 'ถึงด่านศุลกากร รอตรวจปล่อย',
    zh: '到达口岸，等待海关放行',
    en: 'At the border, awaiting customs',
  },
  'tracking.customs_cleared': { th: 'ศุลกากรตรวจปล่อยแล้ว', zh: '海关已放行', en: 'Released by customs' },
  'tracking.out_for_delivery': { th: 'กำลังนำจ่าย', zh: '派送中', en: 'Out for delivery' },
  'tracking.failed_attempt': {
    th: 'นำจ่ายไม่สำเร็จ: ไม่มีผู้รับ จะนำจ่ายอีกครั้ง',
    zh: '派送未成功：无人签收，将再次派送',
    en: 'Delivery attempt failed: nobody home; will try again',
  },
  'tracking.delivered': { th: 'นำจ่ายสำเร็จ ผู้รับได้รับพัสดุแล้ว', zh: '已签收', en: 'Delivered' },
});
