// The tourism module's problems in Thai, Chinese and English.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  tourism_slot_in_past: {
    th: 'รอบนี้ผ่านไปแล้ว กรุณาเลือกวันอื่น',
    zh: '该场次已过，请选择其他日期',
    en: 'This slot is in the past; please choose another date',
  },
  tourism_slot_closed: {
    th: 'รอบนี้ปิดรับจองแล้ว',
    zh: '该场次已停止预订',
    en: 'This slot is closed for booking',
  },
  tourism_not_enough_places: {
    th: 'ที่ว่างไม่พอ (เหลือ {vacancies} ที่)',
    zh: '名额不足（剩余 {vacancies} 个）',
    en: 'Not enough places (only {vacancies} left)',
  },
  tourism_unit_not_offered: {
    th: 'กิจกรรมนี้ไม่มีประเภทผู้เข้าร่วม {unit}',
    zh: '该体验不提供此类票种：{unit}',
    en: 'This experience does not offer the unit {unit}',
  },
  tourism_no_units: {
    th: 'กรุณาระบุจำนวนผู้เข้าร่วมอย่างน้อย 1 คน',
    zh: '请至少选择 1 位参加者',
    en: 'Choose at least one person',
  },
  tourism_bad_quantity: {
    th: 'จำนวนผู้เข้าร่วมไม่ถูกต้อง',
    zh: '人数无效',
    en: 'The number of people is not valid',
  },
  tourism_ticket_invalid: {
    th: 'รหัสบัตรไม่ถูกต้อง',
    zh: '票码无效',
    en: 'This ticket code is not valid',
  },
  tourism_ticket_not_found: {
    th: 'ไม่พบบัตรนี้ในกิจกรรมของร้าน',
    zh: '在本店的体验中找不到此票',
    en: 'No ticket of this shop has this code',
  },
  tourism_ticket_already_redeemed: {
    th: 'บัตรนี้ใช้แล้วเมื่อ {at}',
    zh: '此票已于 {at} 核销',
    en: 'This ticket was already redeemed at {at}',
  },
  tourism_ticket_cancelled: {
    th: 'การจองนี้ถูกยกเลิกแล้ว',
    zh: '此预订已取消',
    en: 'This booking was cancelled',
  },
  tourism_ticket_not_confirmed: {
    th: 'การจองนี้ยังไม่ได้ชำระเงิน จึงยังไม่มีบัตร',
    zh: '此预订尚未付款，暂无门票',
    en: 'This booking is not paid yet, so it has no ticket',
  },
  tourism_cancel_redeemed: {
    th: 'บัตรนี้ใช้แล้ว ยกเลิกไม่ได้',
    zh: '此票已核销，无法取消',
    en: 'This ticket was already used and cannot be cancelled',
  },
  tourism_cancel_expired: {
    th: 'การจองนี้หมดเวลาแล้ว',
    zh: '此预订已过期',
    en: 'This booking has expired',
  },
  tourism_cancel_started: {
    th: 'กิจกรรมเริ่มไปแล้ว ยกเลิกไม่ได้',
    zh: '活动已开始，无法取消',
    en: 'The experience has started and can no longer be cancelled',
  },
  'field.tourism_contact_needed': {
    th: 'กรุณาให้อีเมลหรือเบอร์โทรศัพท์เพื่อให้ผู้จัดติดต่อได้',
    zh: '请留下电子邮箱或电话，以便组织者联系您',
    en: 'Give an e-mail or a phone number so the organiser can reach you',
  },
  'field.tourism_not_secondary_city': {
    th: 'จังหวัดนี้ไม่อยู่ในรายชื่อเมืองรอง',
    zh: '该府不在二线城市名单中',
    en: 'This province is not on the secondary-city list',
  },
});
