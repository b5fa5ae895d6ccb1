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
  'proof.title': ['หลักฐานการส่งถึง', '送达凭证', 'Proof of delivery'],
  'proof.why': [
    'ถ่ายรูปพัสดุตอนส่งมอบ หรือรูปลายเซ็นผู้รับ ผู้ซื้อและผู้ดูแลระบบจะเห็นหลักฐานนี้ และการพักเงินก่อนโอนเริ่มนับจากเวลานี้',
    '请拍摄交付时的包裹照片或收件人签名。买家和平台运营人员可以看到此凭证，结算等待期从此时开始计算。',
    'Take a photo of the parcel handed over, or of the recipient’s signature. The buyer and operators see it, and the payout hold counts from now.',
  ],
  'proof.kind': ['ชนิดหลักฐาน', '凭证类型', 'Kind of proof'],
  'proof.kind.photo': ['รูปถ่ายการส่งมอบ', '交付照片', 'Photo of the handover'],
  'proof.kind.signature': ['ลายเซ็นผู้รับ', '收件人签名', 'Recipient’s signature'],
  'proof.file': ['รูปภาพ (JPEG, PNG หรือ WebP)', '图片（JPEG、PNG 或 WebP）', 'Picture (JPEG, PNG or WebP)'],
  'proof.recipient': ['ชื่อผู้รับ', '收件人姓名', 'Recipient’s name'],
  'proof.note': ['หมายเหตุ', '备注', 'Note'],
  'proof.send': ['ส่งหลักฐานและยืนยันการส่งถึง', '提交凭证并确认送达', 'Send the proof and mark delivered'],
});
