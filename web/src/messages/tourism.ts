// Messages of the way into the secondary-city tourism pages (the home page's section): small, as they
// ship in the main bundle. The pages' own messages load with their chunk (web/src/tourism/messages.ts).
import { defineMessages } from '../app/i18n.ts';

defineMessages({
  'tour.nav': ['เที่ยวเมืองรอง', '二线城市旅游', 'Secondary-city trips'],
  'tour.navHint': [
    'กิจกรรมชุมชนในเมืองรอง จองรอบเวลา ชำระด้วยพร้อมเพย์ Alipay หรือบัตร',
    '二线城市的社区体验：按场次预订，支持 PromptPay、支付宝或银行卡付款',
    'Community experiences in secondary cities: book a time slot, pay by PromptPay, Alipay or card',
  ],
  'tour.myBookings': ['การจองของฉัน', '我的预订', 'My bookings'],
  'tour.scanFor': ['ตรวจบัตร: {shop}', '验票：{shop}', 'Check tickets: {shop}'],
});
