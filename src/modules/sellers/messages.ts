// The sellers module's problem messages in Thai, Chinese and English.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  tax_id_in_use: {
    th: 'เลขประจำตัวผู้เสียภาษีนี้มีร้านค้าที่รอตรวจสอบหรือเปิดอยู่แล้ว',
    zh: '此税号已被另一家待审核或已开通的店铺使用',
    en: 'This tax ID is already used by a shop that is pending or approved',
  },
  seller_not_approved: {
    th: 'ร้านค้ายังไม่ได้รับการอนุมัติ',
    zh: '店铺尚未通过审核',
    en: 'The shop has not been approved yet',
  },
  seller_not_suspended: {
    th: 'ร้านค้านี้ไม่ได้ถูกระงับ',
    zh: '此店铺未被暂停',
    en: 'This shop is not suspended',
  },
  seller_not_pending: {
    th: 'ใบสมัครนี้ไม่ได้อยู่ระหว่างรอตรวจสอบ',
    zh: '此申请不在待审核状态',
    en: 'This application is not waiting for review',
  },
  application_locked: {
    th: 'แก้ไขใบสมัครได้เฉพาะเมื่อรอตรวจสอบหรือถูกปฏิเสธเท่านั้น',
    zh: '只有待审核或被拒绝的申请才能修改',
    en: 'An application can only be changed while pending or after a rejection',
  },
  invitation_not_found: {
    th: 'ไม่พบคำเชิญนี้ หรือคำเชิญถูกยกเลิกแล้ว',
    zh: '找不到此邀请，或邀请已被取消',
    en: 'This invitation does not exist or was cancelled',
  },
  invitation_expired: {
    th: 'คำเชิญหมดอายุแล้ว กรุณาขอคำเชิญใหม่จากเจ้าของร้าน',
    zh: '邀请已过期，请向店主索取新的邀请',
    en: 'This invitation has expired; ask the shop owner for a new one',
  },
  invitation_used: {
    th: 'คำเชิญนี้ถูกใช้ไปแล้ว',
    zh: '此邀请已被使用',
    en: 'This invitation has already been used',
  },
  invitation_not_for_you: {
    th: 'คำเชิญนี้ส่งถึงอีเมลหรือเบอร์โทรศัพท์อื่น กรุณาเข้าสู่ระบบด้วยบัญชีที่ได้รับเชิญ',
    zh: '此邀请发给了其他邮箱或手机号，请使用受邀账号登录',
    en: 'This invitation is for another email or phone number; sign in with the invited account',
  },
  already_member: {
    th: 'คุณเป็นสมาชิกของร้านนี้อยู่แล้ว',
    zh: '您已经是该店铺的成员',
    en: 'You are already a member of this shop',
  },
  cannot_remove_owner: {
    th: 'ไม่สามารถลบเจ้าของร้านออกจากร้านได้',
    zh: '不能移除店主',
    en: 'The shop owner cannot be removed',
  },
});

// The tax ID's reasons, spelt out (issue 13 item 6).
registerMessages({
  'field.tax_id_digits': {
    th: 'เลขประจำตัวผู้เสียภาษีไม่ถูกต้อง: ต้องเป็นตัวเลข 13 หลัก (กรอกมา {n} หลัก)',
    zh: '纳税人识别号无效：须为 13 位数字（现为 {n} 位）',
    en: 'tax ID is not valid: it must be 13 digits (this has {n})',
  },
  'field.tax_id_check_digit': {
    th: 'เลขประจำตัวผู้เสียภาษีไม่ถูกต้อง: หลักตรวจสอบควรเป็น {expected}',
    zh: '纳税人识别号无效：校验位应为 {expected}',
    en: 'tax ID is not valid: the check digit should be {expected}',
  },
});

registerMessages({
  approval_warnings_open: {
    th: 'ยังอนุมัติไม่ได้: ต้องรับทราบคำเตือนก่อน ({warnings})',
    zh: '尚不能批准：须先确认警告（{warnings}）',
    en: 'Not approved: acknowledge the warnings first ({warnings})',
  },
});

// The application's documents.
registerMessages({
  too_many_documents: {
    th: 'แนบเอกสารได้ไม่เกิน {max} ไฟล์ต่อร้าน ลบไฟล์ที่ไม่ใช้ก่อน',
    zh: '每家店铺最多上传 {max} 份文件，请先删除不用的文件',
    en: 'A shop can attach at most {max} documents; remove one you no longer need first',
  },
});
