// The demo partner directory: the EEC e-commerce park and the hub's own services, and eight
// partners of the kinds a Thai cooperative looks for. Names and contacts are demo data (".local").
import type { PartnerSeed } from './partners.ts';

const EAST = ['20', '21', '24'];
export const DEMO_PARTNERS: readonly PartnerSeed[] = [
  {
    slug: 'eec-ecommerce-park',
    kind: 'logistics',
    name: { th: 'อุทยานอีคอมเมิร์ซ EEC', zh: 'EEC 电子商务园区', en: 'EEC e-commerce park' },
    description: {
      th: 'พื้นที่คลังสินค้าทัณฑ์บนและบริการส่งออกสำหรับผู้ขายออนไลน์ในเขตพัฒนาพิเศษภาคตะวันออก ใกล้ท่าเรือแหลมฉบังและสนามบินอู่ตะเภา',
      zh: '东部经济走廊内面向线上卖家的保税仓储与出口服务园区，靠近林查班港和乌塔堡机场',
      en: 'Bonded warehousing and export services for online sellers in the Eastern Economic Corridor, near Laem Chabang port and U-Tapao airport',
    },
    provinces: EAST,
    languages: ['th', 'zh', 'en'],
    contact: { email: 'park@eec-park.talad.local', phone: '038-000-100' },
  },
  {
    slug: 'talad-hub-services',
    kind: 'logistics',
    name: { th: 'บริการศูนย์กระจายสินค้าตลาด', zh: 'Talad 数字枢纽服务', en: 'Talad smart digital hub services' },
    description: {
      th: 'รับสินค้าเข้า จัดเก็บ หยิบ แพ็ก และส่งออกจากคลังทัณฑ์บนของตลาด พร้อมยื่นเอกสารศุลกากรข้ามพรมแดน',
      zh: '在 Talad 保税仓完成入库、上架、拣货、包装和出库，并办理跨境海关申报',
      en: "Receiving, put-away, picking, packing and dispatch from Talad's bonded hub, with the cross-border customs filings",
    },
    provinces: ['20', '11'],
    languages: ['th', 'zh', 'en'],
    contact: { email: 'hub@talad.local', phone: '038-000-200' },
  },
  {
    slug: 'isan-cold-chain',
    kind: 'logistics',
    name: { th: 'อีสานห้องเย็นขนส่ง', zh: '伊桑冷链物流', en: 'Isan Cold Chain Transport' },
    description: {
      th: 'รถห้องเย็นและรถบรรทุกข้าวสารจากร้อยเอ็ด สุรินทร์ ศรีสะเกษ ถึงท่าเรือแหลมฉบัง',
      zh: '从黎逸、素林、四色菊到林查班港的冷藏车和大米运输',
      en: 'Refrigerated trucks and rice haulage from Roi Et, Surin and Si Sa Ket to Laem Chabang port',
    },
    provinces: ['45', '32', '33', '20'],
    languages: ['th', 'en'],
    contact: { phone: '043-000-300', email: 'book@isan-cold.local' },
  },
  {
    slug: 'laem-chabang-forwarding',
    kind: 'logistics',
    name: { th: 'แหลมฉบัง ฟอร์เวิร์ดดิ้ง', zh: '林查班货运代理', en: 'Laem Chabang Forwarding' },
    description: {
      th: 'ตัวแทนออกของและจองระวางเรือ FCL/LCL ไปจีนตอนใต้ ออกใบตราส่ง B/L',
      zh: '报关代理，订舱整箱/拼箱至华南，出具提单',
      en: 'Customs brokerage and FCL/LCL bookings to south China, bills of lading issued',
    },
    provinces: ['20', '10', '11'],
    languages: ['th', 'zh', 'en'],
    contact: { email: 'ops@lcb-forwarding.local', website: 'https://lcb-forwarding.local' },
  },
  {
    slug: 'siam-grain-inspection',
    kind: 'inspection',
    name: { th: 'สยามตรวจสอบเมล็ดพืช', zh: '暹罗粮食检验', en: 'Siam Grain Inspection' },
    description: {
      th: 'ตรวจคุณภาพข้าวหอมมะลิก่อนส่งออก วัดความบริสุทธิ์ ความชื้น และเปอร์เซ็นต์ข้าวหัก ออกใบรับรองผลตรวจ',
      zh: '出口前茉莉香米质量检验：纯度、水分和碎米率，出具检验证书',
      en: 'Pre-shipment inspection of Hom Mali rice: purity, moisture and broken kernels, with a certificate',
    },
    provinces: ['45', '32', '33', '10', '20'],
    languages: ['th', 'zh', 'en'],
    contact: { email: 'lab@siam-grain.local', phone: '02-000-400' },
  },
  {
    slug: 'eastern-fruit-qc',
    kind: 'inspection',
    name: { th: 'ตะวันออกตรวจคุณภาพผลไม้', zh: '东部水果质检', en: 'Eastern Fruit QC' },
    description: {
      th: 'ตรวจทุเรียนและมังคุดที่ล้งก่อนบรรจุ ตรวจความสุกและศัตรูพืชตามข้อกำหนดจีน',
      zh: '在包装厂检验榴莲和山竹的成熟度和有害生物，符合中国要求',
      en: 'Durian and mangosteen checks at the packing house: ripeness and pests, to China’s requirements',
    },
    provinces: ['22', '23', '21'],
    languages: ['th', 'zh'],
    contact: { phone: '039-000-500' },
  },
  {
    slug: 'khao-kho-pack-studio',
    kind: 'packaging',
    name: { th: 'เขาค้อแพ็กสตูดิโอ', zh: '考科包装工作室', en: 'Khao Kho Pack Studio' },
    description: {
      th: 'ออกแบบและผลิตถุงซิปล็อกฟอยล์ กล่องของฝาก ฉลากสามภาษา สำหรับผลไม้อบแห้งและขนม',
      zh: '为果干和零食设计生产铝箔自封袋、礼盒及三语标签',
      en: 'Foil zip bags, gift boxes and three-language labels for dried fruit and snacks',
    },
    provinces: ['67', '65', '10'],
    languages: ['th', 'en'],
    contact: { email: 'hello@khaokho-pack.local' },
  },
  {
    slug: 'bangkok-export-cartons',
    kind: 'packaging',
    name: { th: 'กรุงเทพกล่องส่งออก', zh: '曼谷出口纸箱', en: 'Bangkok Export Cartons' },
    description: {
      th: 'กล่องกระดาษลูกฟูกสำหรับส่งออก กระสอบข้าว 25 กก. และพาเลทรมควันตามมาตรฐาน ISPM 15',
      zh: '出口瓦楞纸箱、25 公斤大米编织袋及符合 ISPM 15 的熏蒸托盘',
      en: 'Export corrugated cartons, 25 kg rice sacks and ISPM 15 fumigated pallets',
    },
    provinces: ['10', '11', '12', '13'],
    languages: ['th', 'zh', 'en'],
    contact: { phone: '02-000-600', website: 'https://bkk-cartons.local' },
  },
  {
    slug: 'lanna-product-photo',
    kind: 'photography',
    name: { th: 'ล้านนาถ่ายภาพสินค้า', zh: '兰纳产品摄影', en: 'Lanna Product Photo' },
    description: {
      th: 'ถ่ายภาพสินค้าพื้นขาวและภาพไลฟ์สไตล์สำหรับร้านออนไลน์ ผ้าไหม กาแฟ และงานหัตถกรรม',
      zh: '为网店拍摄白底图和生活场景图：丝绸、咖啡和手工艺品',
      en: 'White-background and lifestyle shots for online shops: silk, coffee and handicrafts',
    },
    provinces: ['50', '51', '57', '55'],
    languages: ['th', 'en'],
    contact: { email: 'shoot@lanna-photo.local' },
  },
  {
    slug: 'digital-village-academy',
    kind: 'training',
    name: { th: 'สถาบันหมู่บ้านดิจิทัล', zh: '数字乡村学院', en: 'Digital Village Academy' },
    description: {
      th: 'อบรมการขายออนไลน์และการค้าข้ามพรมแดนกับจีนสำหรับวิสาหกิจชุมชนและสหกรณ์ ตอบคำขอใบเสนอราคาอย่างไร กำหนด Incoterms อย่างไร',
      zh: '为社区企业和合作社开设线上销售与对华跨境贸易培训：如何回复询价、如何选择贸易术语',
      en: 'Online selling and cross-border trade with China for community enterprises and cooperatives: answering RFQs, choosing Incoterms',
    },
    provinces: ['45', '40', '30', '10', '90'],
    languages: ['th', 'zh'],
    contact: { email: 'learn@digital-village.local', phone: '043-000-700' },
  },
];
