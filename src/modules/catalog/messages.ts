// The catalog's problem messages in Thai, Chinese and English.
import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  range_not_satisfiable: {
    th: 'ช่วงข้อมูลที่ขอเกินขนาดไฟล์ ({size} ไบต์)',
    zh: '请求的范围超出文件大小（{size} 字节）',
    en: 'The requested range is outside the file ({size} bytes)',
  },
  sku_taken: {
    th: 'รหัสสินค้า (SKU) นี้มีอยู่แล้วในร้านของคุณ',
    zh: '此 SKU 已在您的店铺中使用',
    en: 'This SKU is already used in your shop',
  },
  slug_taken: {
    th: 'ชื่อลิงก์สินค้านี้มีอยู่แล้วในร้านของคุณ',
    zh: '此商品链接名已在您的店铺中使用',
    en: 'This product link name is already used in your shop',
  },
  product_needs_active_variant: {
    th: 'สินค้าที่วางขายต้องมีตัวเลือกสินค้าที่เปิดขายอย่างน้อยหนึ่งรายการ',
    zh: '上架的商品至少需要一个在售的规格',
    en: 'A product on sale needs at least one active variant',
  },
  variant_was_on_sale: {
    th: 'ลบตัวเลือกสินค้าที่เคยวางขายแล้วไม่ได้ ให้ปิดการขายตัวเลือกนี้แทน',
    zh: '已上架过的规格不能删除，请改为停售该规格',
    en: 'A variant that has been on sale cannot be deleted; deactivate it instead',
  },
  option_names_locked: {
    th: 'เปลี่ยนจำนวนตัวเลือก (เช่น น้ำหนัก สี) ไม่ได้เมื่อมีตัวเลือกสินค้าแล้ว',
    zh: '已有规格时不能更改选项的数量（如重量、颜色）',
    en: 'The number of options (such as weight or colour) cannot change once the product has variants',
  },
  image_not_supported: {
    th: 'รองรับเฉพาะรูปภาพ JPEG, PNG หรือ WebP',
    zh: '仅支持 JPEG、PNG 或 WebP 图片',
    en: 'Only JPEG, PNG or WebP images are accepted',
  },
  too_many_images: {
    th: 'สินค้าหนึ่งรายการมีรูปได้ไม่เกิน {max} รูป',
    zh: '每个商品最多 {max} 张图片',
    en: 'A product can have at most {max} images',
  },
  'field.taken': { th: 'ถูกใช้แล้ว', zh: '已被使用', en: 'is already taken' },
  'field.duplicate': { th: 'ซ้ำกับรายการอื่นในคำขอนี้', zh: '与本次请求中的其他项重复', en: 'is repeated in this request' },
  'field.bad_check_digit': { th: 'เลขตรวจสอบไม่ถูกต้อง', zh: '校验位不正确', en: 'has a wrong check digit' },
});
