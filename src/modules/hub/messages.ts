import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  inbound_closed: { th: 'การรับสินค้านี้ปิดแล้ว', zh: '该入库单已关闭', en: 'This inbound shipment is already closed' },
  lot_expired: {
    th: 'ล็อต {lot} หมดอายุแล้ว รับเข้าคลังไม่ได้',
    zh: '批次 {lot} 已过期，不能入库',
    en: 'Lot {lot} has expired and cannot be received',
  },
  lot_dates_differ: {
    th: 'ล็อต {lot} มีอยู่แล้วด้วยวันผลิตหรือวันหมดอายุอื่น',
    zh: '批次 {lot} 已存在，但生产或到期日期不同',
    en: 'Lot {lot} already exists with other production or expiry dates',
  },
  bin_stock_short: { th: 'ในช่องเก็บมีสินค้าไม่พอ', zh: '货位库存不足', en: 'The bin does not hold that many free units' },
  bin_full: {
    th: 'ช่อง {bin} เต็ม (ว่าง {free} ชิ้น)',
    zh: '货位 {bin} 已满（剩余 {free} 件）',
    en: 'Bin {bin} is full ({free} units free)',
  },
  count_below_allocated: {
    th: 'จำนวนที่นับน้อยกว่าที่จัดสรรให้คำสั่งซื้อแล้ว ({allocated} ชิ้น)',
    zh: '盘点数量少于已分配给订单的数量（{allocated} 件）',
    en: 'The count is below what is already allocated to orders ({allocated} units)',
  },
  outbound_wrong_state: {
    th: 'คำสั่งงานนี้อยู่ในสถานะ {status} ทำขั้นตอนนี้ไม่ได้',
    zh: '该出库单处于 {status} 状态，无法执行此步骤',
    en: 'This outbound order is {status}; this step is not possible now',
  },
  'field.not_on_asn': {
    th: 'ไม่มีรหัสนี้ในใบแจ้งส่งสินค้า',
    zh: '预先发货通知中没有此编码',
    en: 'is not on this inbound shipment notice',
  },
  'field.expiry_before_production': {
    th: 'ต้องอยู่หลังวันผลิต',
    zh: '必须晚于生产日期',
    en: 'must be after the production date',
  },
  'field.already_expired': { th: 'หมดอายุแล้ว', zh: '已过期', en: 'has already passed' },
  'field.unknown_bin': { th: 'ไม่พบช่องเก็บนี้ในคลัง', zh: '仓库中没有此货位', en: 'is not a bin of this hub' },
  'field.same_bin': { th: 'ต้องเป็นช่องอื่น', zh: '必须是另一个货位', en: 'must be another bin' },
  'field.wrong_bin': {
    th: 'ช่องผิด ต้องหยิบจากช่อง {bin}',
    zh: '货位错误，应从 {bin} 拣货',
    en: 'is the wrong bin: pick from {bin}',
  },
  'field.wrong_item': {
    th: 'สินค้าผิด ต้องเป็น {sku}',
    zh: '商品错误，应为 {sku}',
    en: 'is the wrong item: expected {sku}',
  },
  'field.variant_not_in_shop': { th: 'ไม่ใช่สินค้าของร้านนี้', zh: '不是本店商品', en: 'is not a product of this shop' },
});
