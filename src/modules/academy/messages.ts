// The academy's problem codes in Thai, Chinese and English.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  academy_no_attempts_left: {
    th: 'ทำแบบทดสอบครบ {max} ครั้งแล้ว',
    zh: '已用完 {max} 次测验机会',
    en: 'All {max} attempts at this quiz have been used',
  },
  academy_quiz_already_passed: {
    th: 'สอบผ่านแบบทดสอบนี้แล้ว',
    zh: '已通过此测验',
    en: 'This quiz has already been passed',
  },
  'field.unknown': {
    th: 'ไม่ใช่คำถามของการสอบครั้งนี้',
    zh: '不是本次测验的题目',
    en: 'is not a question of this attempt',
  },
});
