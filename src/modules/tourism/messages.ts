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
  'field.tourism_not_secondary_city': {
    th: 'จังหวัดนี้ไม่อยู่ในรายชื่อเมืองรอง',
    zh: '该府不在二线城市名单中',
    en: 'This province is not on the secondary-city list',
  },
});
