// The landed price in China as the storefront shows it (product page, cart): a few messages, so the
// storefront's bundle does not carry the whole cross-border catalogue.
import { defineMessages } from '../app/i18n.ts';

defineMessages({
  'cn.market': ['ส่งไปประเทศจีน (ข้ามพรมแดน)', '寄往中国（跨境）', 'Ship to China (cross-border)'],
  'cn.shipToChina': ['สั่งซื้อส่งไปจีน', '跨境购买，寄往中国', 'Buy for delivery to China'],
  'cn.landed': ['ราคาถึงมือผู้ซื้อในจีน', '到手价（含运费和税）', 'Landed price in China'],
  'cn.goods': ['ค่าสินค้า', '商品金额', 'Goods'],
  'cn.freight': ['ค่าขนส่งระหว่างประเทศ', '国际运费', 'International shipping'],
  'cn.tax': ['ภาษีนำเข้าข้ามพรมแดน', '跨境电商综合税', 'Cross-border tax'],
  'cn.taxRate': ['อัตรา {rate}%', '税率 {rate}%', 'rate {rate}%'],
  'cn.total': ['รวมที่ต้องชำระ', '应付总额', 'Total to pay'],
  'cn.bonded': [
    'ส่งจากคลังทัณฑ์บน EEC (เหลือ {n})',
    '保税仓发货（EEC，库存 {n}）',
    'Ships from the bonded EEC hub ({n} left)',
  ],
  'cn.noBondedStock': [
    'ตอนนี้ซื้อส่งไปจีนไม่ได้: ไม่มีสินค้านี้ในคลังทัณฑ์บน EEC',
    '暂不可跨境购买：EEC 保税仓暂无此商品库存',
    'Not available to China right now: none of it is held in the bonded EEC hub',
  ],
});
