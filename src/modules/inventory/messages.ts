import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  stock_below_reserved: {
    th: 'จำนวนคงคลังต้องไม่น้อยกว่าที่ถูกจองไว้แล้ว ({reserved} ชิ้น)',
    zh: '库存数量不能少于已被预留的数量（{reserved} 件）',
    en: 'On-hand stock cannot go below what is already reserved ({reserved} units)',
  },
  variant_not_in_shop: {
    th: 'สินค้านี้ไม่ได้อยู่ในร้านของคุณ',
    zh: '该商品不属于您的店铺',
    en: 'This product variant does not belong to your shop',
  },
  out_of_stock: {
    th: 'ขออภัย สินค้าบางรายการหมดหรือมีไม่พอ',
    zh: '抱歉，部分商品已售罄或库存不足',
    en: 'Sorry, some items are sold out or not in stock in that quantity',
  },
});
