// The reviews module's problems in Thai, Chinese and English.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  review_order_not_delivered: {
    th: 'รีวิวได้เมื่อได้รับสินค้าแล้วเท่านั้น',
    zh: '订单送达后才能评价',
    en: 'You can review only after the order is delivered',
  },
  review_line_not_found: {
    th: 'ไม่พบรายการสินค้านี้ในคำสั่งซื้อ',
    zh: '订单中没有该商品行',
    en: 'The order has no such line',
  },
  review_already_written: {
    th: 'รายการนี้รีวิวไปแล้ว',
    zh: '该商品行已评价',
    en: 'This line has already been reviewed',
  },
  review_already_replied: {
    th: 'ร้านตอบรีวิวนี้ไปแล้ว (ตอบได้ครั้งเดียว)',
    zh: '店铺已回复过该评价（只能回复一次）',
    en: 'The shop has already replied to this review (one reply only)',
  },
  review_photos_full: {
    th: 'แนบรูปในรีวิวได้ไม่เกิน {max} รูป',
    zh: '每条评价最多 {max} 张照片',
    en: 'A review has at most {max} photos',
  },
  'field.rating_range': {
    th: 'ต้องเป็น 1 ถึง 5 ดาว',
    zh: '必须为 1 到 5 星',
    en: 'must be 1 to 5 stars',
  },
});
