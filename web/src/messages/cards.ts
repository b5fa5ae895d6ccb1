// Messages of the product cards and the product page's campaign block (in the main bundle).
import { defineMessages } from '../app/i18n.ts';

defineMessages({
  'card.rating': [
    'คะแนน {rating} จาก 5 ({n} รีวิว)',
    '评分 {rating}/5（{n} 条评价）',
    'Rated {rating} of 5 ({n} reviews)',
  ],
  'card.shopRating': [
    'ร้านได้คะแนน {rating} จาก 5 ({n} รีวิว)',
    '店铺评分 {rating}/5（{n} 条评价）',
    'Shop rated {rating} of 5 ({n} reviews)',
  ],
  'card.sold': ['ขายแล้ว {n} ชิ้น', '已售 {n} 件', '{n} sold'],
  'card.was': ['ราคาปกติ', '原价', 'Usual price'],
  'card.now': ['ราคาแฟลชเซล', '限时价', 'Flash-sale price'],
  'card.endsIn': ['สิ้นสุดใน', '距结束', 'Ends in'],
  'card.days': ['{n} วัน', '{n} 天', '{n} d'],
  'card.ended': ['จบแล้ว', '已结束', 'Ended'],
  'card.left': ['เหลือ {n} ชิ้นในราคานี้', '此价格剩余 {n} 件', '{n} left at this price'],
  'card.perBuyer': ['จำกัด {n} ชิ้นต่อคน', '每人限购 {n} 件', 'Limit {n} per buyer'],
  'badge.flagship': ['ร้านเรือธง', '旗舰店', 'Flagship'],
  'badge.cross_border': ['ส่งไปจีนได้', '可跨境直邮', 'Ships to China'],
  'badge.free_shipping': ['ส่งฟรีเมื่อซื้อครบ {amount}', '满 {amount} 包邮', 'Free shipping over {amount}'],
  'badge.otop': ['OTOP {stars} ดาว', 'OTOP {stars} 星', 'OTOP {stars}-star'],
  'badge.mark.gi': ['GI', '地理标志 GI', 'GI'],
  'badge.mark.otop': ['OTOP', 'OTOP', 'OTOP'],
  'badge.mark.organic': ['เกษตรอินทรีย์', '有机', 'Organic'],
  'badge.mark.gap': ['GAP', 'GAP', 'GAP'],
  'badge.mark.halal': ['ฮาลาล', '清真', 'Halal'],
  'badge.mark.tis': ['มอก.', 'TISI 认证', 'TIS'],
  'badge.mark.community_standard': ['มผช.', '社区产品标准', 'Community standard'],
  'badge.mark.fda': ['อย.', '泰国 FDA', 'Thai FDA'],
  'badge.mark.thai_hom_mali': ['ข้าวหอมมะลิไทย', '泰国茉莉香米', 'Thai Hom Mali'],
});
