// Messages of tracking timelines, the public tracking page and the shop's "ship it myself" form.
import { defineMessages } from '../app/i18n.ts';

defineMessages({
  'tracking.title': ['การจัดส่ง', '物流跟踪', 'Delivery tracking'],
  'tracking.none': ['ยังไม่มีข้อมูลการจัดส่ง', '暂无物流信息', 'No tracking yet'],
  'tracking.number': ['เลขพัสดุ', '运单号', 'Tracking number'],
  'tracking.carrier': ['ขนส่งโดย', '承运商', 'Carrier'],
  'tracking.sandbox': [
    'ระบบขนส่งจำลอง: เหตุการณ์เหล่านี้ไม่ใช่ข้อมูลจริงจากบริษัทขนส่ง',
    '承运商沙盒：以下事件并非承运商的真实数据',
    'Carrier sandbox: these events are simulated, not the carrier’s real data',
  ],
  'tracking.enteredOnly': [
    'ร้านเป็นผู้แจ้งเลขพัสดุนี้ ติดตามสถานะได้ที่เว็บไซต์ของบริษัทขนส่ง',
    '此运单号由店铺填写，请到承运商网站查询详情',
    'The shop entered this number; follow it on the carrier’s own site',
  ],
  'tracking.pageTitle': ['ติดตามพัสดุ {number}', '查询包裹 {number}', 'Track parcel {number}'],
  'tracking.parcels': ['{n} กล่อง', '{n} 件', '{n} parcel(s)'],
  'ship.carrier': ['บริษัทขนส่ง', '承运商', 'Carrier'],
  'ship.trackingHint': ['รูปแบบ: {format}', '格式：{format}', 'Format: {format}'],
  'ship.label': ['ใบจ่าหน้าพัสดุ (PDF)', '面单 (PDF)', 'Shipping label (PDF)'],
});
