import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  variant_not_found: { th: 'ไม่พบสินค้านี้', zh: '未找到该商品', en: 'This product variant does not exist' },
  item_unavailable: {
    th: 'สินค้านี้ไม่เปิดขายในขณะนี้',
    zh: '该商品目前不可购买',
    en: 'This item is not for sale at the moment',
  },
  not_enough_stock: {
    th: 'มีสินค้าเหลือเพียง {available} ชิ้น',
    zh: '仅剩 {available} 件',
    en: 'Only {available} left in stock',
  },
});
