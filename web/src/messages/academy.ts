// Messages of Talad Academy's pages: the public credential verification page.
import { defineMessages } from '../app/i18n.ts';

defineMessages({
  'academy.verify.title': ['ตรวจสอบประกาศนียบัตร', '验证证书', 'Verify a certificate'],
  'academy.verify.valid': [
    'ใช้ได้ — ออกโดยสถาบันตลาดจริง',
    '有效 — 确由 Talad 学院颁发',
    'Valid — issued by Talad Academy',
  ],
  'academy.verify.invalid': ['ใช้ไม่ได้', '无效', 'Not valid'],
  'academy.verify.learner': ['ผู้ได้รับ', '获得者', 'Awarded to'],
  'academy.verify.course': ['หลักสูตร', '课程', 'Course'],
  'academy.verify.issued': ['วันที่ออก', '颁发日期', 'Issued'],
  'academy.verify.revoked': ['ถูกเพิกถอนแล้ว', '已撤销', 'Revoked'],
  'academy.check.format': ['รูปแบบ Open Badges 3.0', 'Open Badges 3.0 格式', 'Open Badges 3.0 format'],
  'academy.check.signature': ['ลายมือชื่อดิจิทัล', '数字签名', 'Digital signature'],
  'academy.check.issuer': ['ผู้ออก', '颁发者', 'Issuer'],
  'academy.check.dates': ['วันที่มีผล', '有效日期', 'Dates'],
  'academy.check.revocation': ['ไม่ถูกเพิกถอน', '未被撤销', 'Not revoked'],
});
