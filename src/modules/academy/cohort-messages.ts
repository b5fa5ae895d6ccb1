// Problem codes of the academy's centres, cohorts and attendance, in Thai, Chinese and English.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  academy_not_a_trainer: {
    th: 'ต้องผ่านหลักสูตรวิทยากรตัวคูณก่อนจึงเปิดรุ่นอบรมได้',
    zh: '须先通过培训师培训课程才能开班',
    en: 'Pass the train-the-trainer course before opening a cohort',
  },
  academy_cohort_full: {
    th: 'รุ่นนี้เต็มแล้ว (รับได้ {capacity} คน)',
    zh: '本班已满（共 {capacity} 个名额）',
    en: 'This cohort is full ({capacity} seats)',
  },
  academy_cohort_ended: {
    th: 'รุ่นนี้จบไปแล้ว',
    zh: '本班已结束',
    en: 'This cohort has ended',
  },
  academy_checkin_invalid: {
    th: 'รหัส QR ไม่ถูกต้อง กรุณาสแกนรหัสบนจออีกครั้ง',
    zh: '二维码无效，请重新扫描屏幕上的二维码',
    en: 'This QR code is not valid: scan the code on the screen again',
  },
  academy_checkin_expired: {
    th: 'รหัส QR หมดอายุแล้ว กรุณาสแกนรหัสล่าสุดบนจอ',
    zh: '二维码已过期，请扫描屏幕上最新的二维码',
    en: 'This QR code has expired: scan the latest code on the screen',
  },
  academy_session_closed: {
    th: 'คาบเรียนนี้ปิดการเช็กชื่อแล้ว',
    zh: '本节课已停止签到',
    en: 'Check-in for this session is closed',
  },
  academy_not_enrolled: {
    th: 'คุณยังไม่ได้ลงทะเบียนในรุ่นนี้ กรุณาลงทะเบียนด้วยรหัสเข้าร่วมก่อน',
    zh: '您尚未报名本班，请先用加入码报名',
    en: 'You are not enrolled in this cohort: enrol with its join code first',
  },
  academy_csv_name: { th: 'ชื่อ', zh: '姓名', en: 'Name' },
  academy_csv_enrolled_at: { th: 'ลงทะเบียนเมื่อ', zh: '报名时间', en: 'Enrolled at' },
  academy_csv_lessons_done: { th: 'บทเรียนที่เรียนแล้ว', zh: '已学课时', en: 'Lessons done' },
  academy_csv_attempts: { th: 'จำนวนครั้งที่สอบ', zh: '测验次数', en: 'Quiz attempts' },
  academy_csv_best_percent: { th: 'คะแนนสูงสุด (%)', zh: '最高分（%）', en: 'Best score (%)' },
  academy_csv_passed: { th: 'ผ่าน', zh: '通过', en: 'Passed' },
  academy_csv_sessions_attended: { th: 'คาบที่มาเรียน', zh: '出勤节数', en: 'Sessions attended' },
  academy_csv_yes: { th: 'ผ่าน', zh: '是', en: 'yes' },
  academy_csv_no: { th: 'ไม่ผ่าน', zh: '否', en: 'no' },
  'field.before_start': {
    th: 'ต้องไม่ก่อนวันเริ่ม',
    zh: '不能早于开始时间',
    en: 'must not be before the start',
  },
  'field.in_past': {
    th: 'ต้องไม่เป็นวันที่ผ่านมาแล้ว',
    zh: '不能是已过去的日期',
    en: 'must not be in the past',
  },
});
