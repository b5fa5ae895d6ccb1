// The campaigns module's problems in Thai, Chinese and English.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  voucher_not_found: {
    th: 'ไม่พบโค้ดส่วนลด {code}',
    zh: '找不到优惠码 {code}',
    en: 'There is no voucher {code}',
  },
  voucher_not_active: {
    th: 'โค้ดส่วนลด {code} ยังไม่เริ่มหรือหมดอายุแล้ว',
    zh: '优惠码 {code} 尚未开始或已过期',
    en: 'Voucher {code} has not started yet or has expired',
  },
  voucher_min_spend: {
    th: 'โค้ดส่วนลด {code} ใช้ได้เมื่อซื้อครบ {minimum} บาท',
    zh: '优惠码 {code} 需满 {minimum} 泰铢才能使用',
    en: 'Voucher {code} needs a spend of at least {minimum} THB',
  },
  voucher_buyer_limit: {
    th: 'คุณใช้โค้ดส่วนลด {code} ครบจำนวนครั้งแล้ว',
    zh: '您已用完优惠码 {code} 的使用次数',
    en: 'You have used voucher {code} as many times as allowed',
  },
  voucher_used_up: {
    th: 'โค้ดส่วนลด {code} ถูกใช้ครบแล้ว',
    zh: '优惠码 {code} 已被领完',
    en: 'Voucher {code} has been used up',
  },
  voucher_not_stackable: {
    th: 'ใช้โค้ดส่วนลดร้านค้าได้ร้านละหนึ่งโค้ด และโค้ดของแพลตฟอร์มได้หนึ่งโค้ดต่อคำสั่งซื้อ ({code})',
    zh: '每家店铺限用一张店铺优惠券，每笔订单限用一张平台优惠券（{code}）',
    en: 'One shop voucher per shop and one platform voucher per order ({code})',
  },
  voucher_not_for_cart: {
    th: 'โค้ดส่วนลด {code} ใช้กับร้านที่ไม่มีสินค้าในตะกร้า',
    zh: '优惠码 {code} 所属店铺的商品不在购物车中',
    en: 'Voucher {code} is for a shop with nothing in the cart',
  },
  voucher_code_taken: {
    th: 'มีโค้ดส่วนลด {code} อยู่แล้ว',
    zh: '优惠码 {code} 已存在',
    en: 'Voucher code {code} is already taken',
  },
  campaign_overlaps: {
    th: 'สินค้านี้อยู่ในแคมเปญอื่นในช่วงเวลาเดียวกัน',
    zh: '该商品在同一时段已参加其他活动',
    en: 'This item is already in another campaign at that time',
  },
  'field.campaign_price_not_lower': {
    th: 'ราคาแคมเปญต้องต่ำกว่าราคาปกติ',
    zh: '活动价必须低于原价',
    en: 'must be lower than the regular price',
  },
  'field.not_your_variant': {
    th: 'ไม่ใช่สินค้าของร้านนี้',
    zh: '不是本店的商品',
    en: 'is not one of this shop’s items',
  },
  'field.window_invalid': {
    th: 'เวลาสิ้นสุดต้องอยู่หลังเวลาเริ่ม',
    zh: '结束时间必须晚于开始时间',
    en: 'must end after it starts',
  },
  'field.voucher_value': {
    th: 'ระบุจำนวนเงินสำหรับส่วนลดแบบบาท หรือ 1–90% สำหรับแบบเปอร์เซ็นต์',
    zh: '金额优惠请填金额，折扣优惠请填 1–90%',
    en: 'give an amount for an amount voucher, or 1–90% for a percent voucher',
  },
});
