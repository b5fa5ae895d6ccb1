// The /cn landing page for buyers in mainland China (Chinese first; Thai and English for the others).
import { defineMessages } from '../app/i18n.ts';

defineMessages({
  'cnLanding.title': [
    'ตลาด ประเทศจีน — ของดีจากไทย ส่งจากคลังทัณฑ์บน',
    '塔拉德中国站 — 泰国好物，保税仓直发',
    'Talad China — Thai goods shipped from the bonded hub',
  ],
  'cnLanding.hero': [
    'ของดีจากผู้ผลิตไทย ส่งตรงถึงผู้ซื้อในจีนแผ่นดินใหญ่',
    '泰国生产者的好物，跨境直送中国大陆',
    'Good things from Thai producers, delivered to mainland China',
  ],
  'cnLanding.description': [
    'สินค้าเหล่านี้อยู่ในคลังทัณฑ์บน EEC แล้ว ราคาที่แสดงเป็นหยวน รวมค่าส่งระหว่างประเทศและภาษีนำเข้าข้ามพรมแดน ชำระด้วย Alipay',
    '以下商品已备货于泰国东部经济走廊（EEC）保税仓，标价为人民币到手价，已含国际运费和跨境电商综合税，支付宝付款',
    'These goods are already held in the bonded EEC hub; prices are landed prices in CNY including international shipping and cross-border tax, paid with Alipay',
  ],
  'cnLanding.languages': ['ภาษาอื่น', '其他语言', 'Other languages'],
  'cnLanding.categories': ['หมวดสินค้าที่ส่งไปจีนได้', '可跨境购买的品类', 'Categories you can buy cross-border'],
  'cnLanding.all': ['ทั้งหมด ({n})', '全部（{n}）', 'All ({n})'],
  'cnLanding.categoryCount': ['{name} ({n})', '{name}（{n}）', '{name} ({n})'],
  'cnLanding.goods': ['สินค้าที่สั่งซื้อข้ามพรมแดนได้ตอนนี้', '现在可跨境购买的商品', 'What you can order cross-border now'],
  'cnLanding.empty': [
    'ยังไม่มีสินค้าในคลังทัณฑ์บนในหมวดนี้',
    '该品类暂无保税仓现货',
    'Nothing in this category is held in the bonded hub yet',
  ],
  'cnLanding.unavailable': ['ยังแสดงราคาเป็นหยวนไม่ได้', '暂无法显示人民币价格', 'CNY prices cannot be shown right now'],
  'cnLanding.landed': ['ราคาถึงมือ รวมภาษี', '到手价（含税）', 'Landed, tax included'],
  'cnLanding.breakdown': [
    'สินค้า {goods} · ค่าส่ง {freight} · ภาษี {tax} ({rate}%)',
    '商品 {goods} · 运费 {freight} · 税费 {tax}（{rate}%）',
    'goods {goods} · shipping {freight} · tax {tax} ({rate}%)',
  ],
  'cnLanding.thbPrice': ['ราคาในไทย {price}', '泰国售价 {price}', 'Price in Thailand {price}'],
  'cnLanding.inBond': ['ในคลังทัณฑ์บน {n} ชิ้น', '保税仓现货 {n} 件', '{n} held in bond'],
  'cnLanding.cap': ['จำกัด {n} ชิ้นต่อคนต่อปี', '每人每年限购 {n} 件', 'at most {n} per person a year'],
  'cnLanding.rate': [
    'อัตราแลกเปลี่ยน 1 บาท = {rate} หยวน ({source}, {date})',
    '汇率：1 泰铢 = {rate} 元（{source}，{date}）',
    'Rate: 1 THB = {rate} CNY ({source}, {date})',
  ],
  'cnLanding.limitsTitle': ['วงเงินซื้อข้ามพรมแดน', '跨境电商购买限值', 'Cross-border limits'],
  'cnLanding.orderLimit': [
    'ต่อคำสั่งซื้อไม่เกิน {limit} (รวมค่าสินค้า ค่าส่ง และภาษี) หากเกินให้แบ่งเป็นหลายคำสั่งซื้อ',
    '单次交易限值 {limit}（含商品、运费和税费），超出请拆分订单',
    'At most {limit} per order (goods, shipping and tax); split a bigger basket into several orders',
  ],
  'cnLanding.yearlyLimit': [
    'ต่อคนต่อปีปฏิทินไม่เกิน {limit} นับตามเลขบัตรประชาชนจีนของผู้ซื้อ ทุกบัญชีรวมกัน (ยอดที่คืนเงินแล้วได้คืนวงเงิน)',
    '个人年度限值 {limit}，按购买人身份证号累计（跨账户合并计算，已退款金额返还额度）',
    'At most {limit} per person per calendar year, counted by the buyer’s Chinese ID number across accounts (refunds give it back)',
  ],
  'cnLanding.taxRule': [
    'ภายในวงเงิน อากรขาเข้า 0% ภาษีมูลค่าเพิ่มและภาษีสรรพสามิตเก็บ 70%: สินค้าเกษตร (VAT 9%) 6.3% สินค้าอื่น (VAT 13%) 9.1%',
    '限值以内关税税率为 0%，进口增值税和消费税按法定应纳税额的 70% 征收：农产品（增值税 9%）综合税率 6.3%，其他商品（增值税 13%）9.1%',
    'Within the limits the tariff is 0% and import VAT and consumption tax are charged at 70%: 6.3% on farm produce (VAT 9%), 9.1% on other goods (VAT 13%)',
  ],
  'cnLanding.identity': [
    'ผู้ซื้อต้องกรอกชื่อจริงและเลขบัตรประชาชนจีน ซึ่งต้องตรงกับผู้ชำระเงิน (ศุลกากรตรวจสอบ)',
    '下单需填写购买人真实姓名和身份证号，且须与支付人一致（海关核验）',
    'The buyer gives their real name and Chinese ID number, which must match the payer (customs checks it)',
  ],
  'cnLanding.payTitle': ['ชำระเงินด้วย Alipay', '支付宝付款', 'Paying with Alipay'],
  'cnLanding.pay1': [
    'ยอดชำระเป็นหยวนตามราคาถึงมือที่แสดง ไม่มีค่าใช้จ่ายเพิ่มเมื่อรับของ',
    '按页面所示人民币到手价付款，收货时无需另付税费',
    'You pay the landed total in CNY as shown; nothing more is due on delivery',
  ],
  'cnLanding.pay2': [
    'ชำระด้วยบัญชี Alipay ของผู้ซื้อเอง ผู้ชำระต้องเป็นบุคคลเดียวกับผู้ซื้อที่แจ้งไว้',
    '须使用购买人本人的支付宝账户付款，支付人与订购人须为同一人',
    'Pay from the buyer’s own Alipay account: the payer must be the person named as buyer',
  ],
  'cnLanding.pay3': [
    'แพลตฟอร์มส่งข้อมูลคำสั่งซื้อ การชำระเงิน และใบขนให้ศุลกากรจีน (สามเอกสารต้องตรงกัน)',
    '平台向中国海关申报订单、支付单和运单（三单须一致）',
    'The platform declares the order, the payment and the waybill to Chinese customs (the three must match)',
  ],
  'cnLanding.shipTitle': ['การจัดส่งจากคลังทัณฑ์บน', '保税仓发货', 'Delivery from the bonded hub'],
  'cnLanding.ship1': [
    'สินค้าอยู่ในคลังทัณฑ์บน EEC ที่ผ่านการตรวจรับแล้ว มีเลขล็อตและวันหมดอายุ หยิบของที่หมดอายุก่อนส่งก่อน',
    '商品已入库 EEC 保税仓，按批次和保质期管理，先到期先出库',
    'Goods are already received into the bonded EEC hub, by lot and expiry; the earliest expiry ships first',
  ],
  'cnLanding.ship2': [
    'หลังศุลกากรปล่อยสินค้า คลังหยิบ แพ็ก ติดฉลาก แล้วส่งออก',
    '海关放行后，保税仓拣货、打包、贴标并发运',
    'Once customs releases the order, the hub picks, packs, labels and dispatches it',
  ],
  'cnLanding.ship3': [
    'ติดตามพัสดุได้จนถึงหน้าบ้านในจีน',
    '可全程追踪物流，直至送达您在中国的地址',
    'Track the parcel all the way to your door in China',
  ],
  'cnLanding.buy': ['ดูสินค้าและสั่งซื้อ', '查看并购买', 'View and buy'],
});
