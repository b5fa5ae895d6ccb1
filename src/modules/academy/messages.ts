// The academy's problem codes in Thai, Chinese and English.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  video_too_large: {
    th: 'ไฟล์วิดีโอใหญ่เกินไป (ไม่เกิน {max} MB)',
    zh: '视频文件过大（最大 {max} MB）',
    en: 'The video is too large (at most {max} MB)',
  },
  video_not_supported: {
    th: 'วิดีโอต้องเป็นไฟล์ MP4 หรือ WebM',
    zh: '视频必须是 MP4 或 WebM 文件',
    en: 'The video must be an MP4 or WebM file',
  },
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
  academy_prerequisites_missing: {
    th: 'ต้องผ่านหลักสูตรนี้ก่อน: {courses}',
    zh: '需先通过以下课程：{courses}',
    en: 'Pass these courses first: {courses}',
  },
  academy_attempt_submitted: {
    th: 'ส่งคำตอบของการสอบครั้งนี้ไปแล้ว',
    zh: '本次测验已提交',
    en: 'This attempt has already been submitted',
  },
  academy_conflict_submitted_elsewhere: {
    th: 'การสอบครั้งนี้ถูกส่งจากอีกเครื่องหนึ่งไปแล้ว ผลด้านล่างเป็นผลที่เซิร์ฟเวอร์บันทึกไว้',
    zh: '本次测验已在另一台设备上提交，下面是服务器记录的结果',
    en: 'This attempt was already submitted from another device; below is the result the server kept',
  },
  academy_conflict_already_passed: {
    th: 'สอบผ่านแบบทดสอบนี้แล้วจากการสอบครั้งอื่น คำตอบชุดนี้ยังถูกตรวจและบันทึกไว้',
    zh: '已通过另一次测验；本次答案仍已评分并记录',
    en: 'The quiz was already passed by another attempt; these answers were still graded and kept',
  },
  academy_gap_no_products: {
    th: 'ร้านยังไม่มีสินค้าที่วางขาย เริ่มจากเปิดร้านและลงสินค้าชิ้นแรก',
    zh: '店铺还没有在售商品：先开店并上架第一件商品',
    en: 'The shop has no products on sale yet: start by opening the shop and listing the first one',
  },
  academy_gap_no_chinese_titles: {
    th: 'สินค้า {count} รายการยังไม่มีชื่อภาษาจีน ผู้ซื้อในจีนจะค้นไม่เจอ',
    zh: '{count} 件商品还没有中文标题，中国买家搜不到',
    en: '{count} products have no Chinese title, so buyers in China cannot find them',
  },
  academy_gap_ready_for_china: {
    th: 'สินค้ามีชื่อภาษาจีนแล้ว ขั้นต่อไปคือขายไปจีนตามกฎ CBEC',
    zh: '商品已有中文标题：下一步按跨境电商规则销往中国',
    en: 'The products have Chinese titles: next, sell to China under the CBEC rules',
  },
  academy_gap_quiz_waiting: {
    th: 'เรียนครบทุกบทแล้ว ทำแบบทดสอบเพื่อรับประกาศนียบัตร',
    zh: '所有课时已学完：参加测验获取证书',
    en: 'Every lesson is done: take the quiz for the certificate',
  },
  academy_gap_all_done: {
    th: 'ผ่านหลักสูตรแล้ว',
    zh: '已通过课程',
    en: 'Course passed',
  },
  'field.unknown': {
    th: 'ไม่ใช่คำถามของการสอบครั้งนี้',
    zh: '不是本次测验的题目',
    en: 'is not a question of this attempt',
  },
});
