// The demo's people, shops and products, in Thai with Chinese and English translations.
// Sign-ins are listed in the README. Tax IDs and GTINs carry valid check digits.
import type { NewUser } from '../modules/identity/index.ts';
import type { ShopApplication } from '../modules/sellers/index.ts';

import { DEMO_PASSWORD } from '../platform/demo.ts';

export { DEMO_PASSWORD };

export const DEMO_ACCOUNTS: NewUser[] = [
  { email: 'operator@talad.local', password: DEMO_PASSWORD, displayName: 'ผู้ดูแลตลาด', isOperator: true },
  { email: 'buyer@talad.local', phone: '0891234567', password: DEMO_PASSWORD, displayName: 'สมศรี ใจดี' },
];

type Text = { th: string; zh?: string; en?: string };
export interface DemoProduct {
  slug: string;
  category: string;
  title: Text;
  description: Text;
  optionNames?: Text[];
  hsCode: string;
  origin: string;
  perishable?: boolean;
  shelfLifeDays?: number;
  colour: string;
  variants: {
    sku: string;
    gtin?: string;
    optionValues?: Text[];
    priceSatang: number;
    weightGrams: number;
    stock: number;
  }[];
  /** Sold to China from the bonded EEC hub: its customs terms and the units held in bond per SKU (besides `stock` at home). */
  crossBorder?: {
    customsNameZh: string;
    hsCode: string;
    vatBp: 900 | 1300;
    customsUnit: '011' | '035';
    packagingGrams: number;
    bondedStock: Record<string, number>;
  };
}
export interface DemoShop {
  owner: NewUser;
  application: ShopApplication;
  flagship?: boolean;
  products: DemoProduct[];
}

const weight: Text = { th: 'น้ำหนัก', zh: '重量', en: 'Weight' };

export const DEMO_SHOPS: DemoShop[] = [
  {
    owner: { email: 'rice@talad.local', phone: '0811110001', password: DEMO_PASSWORD, displayName: 'บุญมี ศรีสุข' },
    flagship: true,
    application: {
      legalName: { th: 'สหกรณ์การเกษตรทุ่งกุลาร้องไห้ จำกัด', en: 'Thung Kula Ronghai Agricultural Cooperative Ltd.' },
      shopName: { th: 'ข้าวหอมมะลิทุ่งกุลา', zh: '通古拉茉莉香米旗舰店', en: 'Thung Kula Hom Mali Rice' },
      businessType: 'cooperative',
      taxId: '0993000451236',
      provinceCode: '45',
      contactPhone: '0811110001',
      contactEmail: 'rice@talad.local',
      payout: {
        method: 'bank_account',
        bankCode: '034',
        accountNumber: '0123456789',
        accountName: 'สหกรณ์การเกษตรทุ่งกุลาร้องไห้ จำกัด',
      },
      vatRegistered: true,
    },
    products: [
      {
        slug: 'thung-kula-hom-mali-rice',
        category: 'jasmine-rice',
        hsCode: '100630',
        origin: '45',
        colour: '#efe6c8',
        title: {
          th: 'ข้าวหอมมะลิทุ่งกุลาร้องไห้ (GI) ฤดูใหม่',
          zh: '通古拉荣海茉莉香米（地理标志）新米',
          en: 'Thung Kula Rong Hai Hom Mali rice (GI), new crop',
        },
        description: {
          th: 'ข้าวหอมมะลิ 105 จากทุ่งกุลาร้องไห้ จ.ร้อยเอ็ด สิ่งบ่งชี้ทางภูมิศาสตร์ เมล็ดยาว หอมนุ่ม ปลูกโดยสมาชิกสหกรณ์ สีใหม่ทุกสัปดาห์',
          zh: '产自黎逸府通古拉荣海平原的茉莉香米105，泰国地理标志产品。米粒细长，香软可口，由合作社社员种植，每周新鲜碾磨。',
          en: 'Hom Mali 105 jasmine rice from the Thung Kula Rong Hai plain in Roi Et, a registered geographical indication. Long grain, fragrant and soft; grown by the cooperative’s members and milled fresh every week.',
        },
        optionNames: [weight],
        variants: [
          {
            sku: 'TKR-HM-1KG',
            gtin: '8851234000012',
            optionValues: [{ th: '1 กก.', zh: '1公斤', en: '1 kg' }],
            priceSatang: 8_900,
            weightGrams: 1000,
            stock: 5000,
          },
          {
            sku: 'TKR-HM-5KG',
            gtin: '8851234000029',
            optionValues: [{ th: '5 กก.', zh: '5公斤', en: '5 kg' }],
            priceSatang: 39_000,
            weightGrams: 5000,
            stock: 2000,
          },
        ],
        // Milled jasmine rice: VAT 9% (grain), no consumption tax; 500 bags of 5 kg in bond.
        crossBorder: {
          customsNameZh: '泰国黎逸府茉莉香米',
          hsCode: '1006302000',
          vatBp: 900,
          customsUnit: '011',
          packagingGrams: 100,
          bondedStock: { 'TKR-HM-5KG': 500 },
        },
      },
    ],
  },
  {
    owner: { email: 'durian@talad.local', phone: '0811110002', password: DEMO_PASSWORD, displayName: 'สมชาย สวนทอง' },
    application: {
      legalName: { th: 'นายสมชาย สวนทอง', en: 'Mr Somchai Suanthong' },
      shopName: { th: 'สวนทุเรียนลุงชาย จันทบุรี', zh: '尖竹汶猜叔榴莲园', en: "Uncle Chai's Durian Orchard, Chanthaburi" },
      businessType: 'individual',
      taxId: '3100500123458',
      provinceCode: '22',
      contactPhone: '0811110002',
      payout: { method: 'promptpay', promptpayId: '0811110002' },
    },
    products: [
      {
        slug: 'monthong-durian-5kg',
        category: 'durian',
        hsCode: '081060',
        origin: '22',
        colour: '#d9c24a',
        perishable: true,
        shelfLifeDays: 5,
        title: { th: 'ทุเรียนหมอนทองจันทบุรี 5 กก.', zh: '尖竹汶金枕头榴莲 5公斤', en: 'Chanthaburi Monthong durian, 5 kg' },
        description: {
          th: 'ทุเรียนหมอนทองแก่จัด ตัดจากต้นในสวนจันทบุรี เนื้อหนา สีเหลืองทอง หวานมัน ส่งภายใน 24 ชั่วโมงหลังตัด',
          zh: '尖竹汶果园树上成熟的金枕头榴莲，果肉厚实金黄，香甜绵密，采摘后24小时内发货。',
          en: 'Fully ripe Monthong durian cut from the tree in a Chanthaburi orchard: thick golden flesh, sweet and creamy, shipped within 24 hours of cutting.',
        },
        variants: [{ sku: 'DUR-MT-5KG', gtin: '8851234000036', priceSatang: 99_500, weightGrams: 5000, stock: 80_000 }],
        // Fresh durian: VAT 9% (farm produce), no consumption tax; besides the 80,000 at home, 5,000 wait in bond for Chinese buyers.
        crossBorder: {
          customsNameZh: '鲜榴莲（金枕头）',
          hsCode: '0810600000',
          vatBp: 900,
          customsUnit: '011',
          packagingGrams: 500,
          bondedStock: { 'DUR-MT-5KG': 5_000 },
        },
      },
    ],
  },
  {
    owner: { email: 'silk@talad.local', phone: '0811110003', password: DEMO_PASSWORD, displayName: 'แก้ว คำมูล' },
    application: {
      legalName: { th: 'กลุ่มทอผ้าไหมบ้านสันกำแพง', en: 'San Kamphaeng Silk Weavers Group' },
      shopName: { th: 'ผ้าไหมสันกำแพง OTOP', zh: '山甘烹丝绸 OTOP', en: 'San Kamphaeng Silk (OTOP)' },
      businessType: 'otop_producer',
      taxId: '0994000220871',
      provinceCode: '50',
      contactPhone: '0811110003',
      payout: { method: 'promptpay', promptpayId: '0994000220871' },
    },
    products: [
      {
        slug: 'san-kamphaeng-silk-scarf',
        category: 'thai-silk',
        hsCode: '621410',
        origin: '50',
        colour: '#b0475a',
        title: { th: 'ผ้าพันคอไหมทอมือสันกำแพง', zh: '山甘烹手织真丝围巾', en: 'Hand-woven San Kamphaeng silk scarf' },
        description: {
          th: 'ไหมแท้ทอมือด้วยกี่พื้นบ้าน ย้อมสีธรรมชาติ ลายดั้งเดิมของเชียงใหม่ ผลิตภัณฑ์ OTOP ระดับ 5 ดาว',
          zh: '传统木织机手工织造的纯真丝，天然植物染色，清迈传统花纹，OTOP五星产品。',
          en: 'Pure silk woven by hand on a village loom, naturally dyed, in a traditional Chiang Mai pattern. A five-star OTOP product.',
        },
        optionNames: [{ th: 'สี', zh: '颜色', en: 'Colour' }],
        variants: [
          {
            sku: 'SILK-SC-RED',
            optionValues: [{ th: 'แดงครั่ง', zh: '紫胶红', en: 'Lac red' }],
            priceSatang: 129_000,
            weightGrams: 150,
            stock: 40,
          },
          {
            sku: 'SILK-SC-IND',
            optionValues: [{ th: 'คราม', zh: '靛蓝', en: 'Indigo' }],
            priceSatang: 129_000,
            weightGrams: 150,
            stock: 25,
          },
        ],
      },
    ],
  },
  {
    owner: { email: 'mango@talad.local', phone: '0811110004', password: DEMO_PASSWORD, displayName: 'มาลี ทองดี' },
    application: {
      legalName: { th: 'วิสาหกิจชุมชนแปรรูปผลไม้บ้านเขาค้อ', en: 'Khao Kho Fruit Processing Community Enterprise' },
      shopName: { th: 'มะม่วงอบแห้งเขาค้อ', zh: '考科芒果干', en: 'Khao Kho Dried Mango' },
      businessType: 'community_enterprise',
      taxId: '0993000670019',
      provinceCode: '67',
      contactPhone: '0811110004',
      payout: {
        method: 'bank_account',
        bankCode: '006',
        accountNumber: '9876543210',
        accountName: 'วิสาหกิจชุมชนแปรรูปผลไม้บ้านเขาค้อ',
      },
    },
    products: [
      {
        slug: 'khao-kho-dried-mango',
        category: 'dried-fruit',
        hsCode: '081340',
        origin: '67',
        colour: '#f2a93b',
        perishable: true,
        shelfLifeDays: 180,
        title: { th: 'มะม่วงอบแห้งน้ำดอกไม้ สูตรหวานน้อย', zh: '低糖水仙芒果干', en: 'Nam Dok Mai dried mango, less sugar' },
        description: {
          th: 'มะม่วงน้ำดอกไม้จากสวนในเพชรบูรณ์ อบแห้งด้วยโรงอบพลังงานแสงอาทิตย์ของชุมชน ไม่ใส่สี ไม่ใส่สารกันเสีย',
          zh: '碧差汶果园的水仙芒果，社区太阳能烘干房烘制，无色素，无防腐剂。',
          en: 'Nam Dok Mai mangoes from Phetchabun orchards, dried in the community’s solar dryer. No colouring, no preservatives.',
        },
        optionNames: [weight],
        variants: [
          {
            sku: 'MANGO-200G',
            gtin: '8851234000043',
            optionValues: [{ th: '200 ก.', zh: '200克', en: '200 g' }],
            priceSatang: 12_000,
            weightGrams: 200,
            stock: 800,
          },
          {
            sku: 'MANGO-500G',
            gtin: '8851234000050',
            optionValues: [{ th: '500 ก.', zh: '500克', en: '500 g' }],
            priceSatang: 27_000,
            weightGrams: 500,
            stock: 300,
          },
        ],
      },
    ],
  },
  {
    owner: { email: 'coffee@talad.local', phone: '0811110005', password: DEMO_PASSWORD, displayName: 'จันทร์ดี อินต๊ะ' },
    application: {
      legalName: { th: 'สหกรณ์ผู้ปลูกกาแฟเมืองน่าน จำกัด', en: 'Nan Coffee Growers Cooperative Ltd.' },
      shopName: { th: 'กาแฟดอยน่าน', zh: '难府山地咖啡', en: 'Doi Nan Coffee' },
      businessType: 'cooperative',
      taxId: '0993000550021',
      provinceCode: '55',
      contactPhone: '0811110005',
      payout: { method: 'promptpay', promptpayId: '0993000550021' },
      vatRegistered: true,
    },
    products: [
      {
        slug: 'doi-nan-arabica',
        category: 'coffee',
        hsCode: '090121',
        origin: '55',
        colour: '#6b4226',
        title: {
          th: 'กาแฟอาราบิก้าคั่วกลาง ดอยน่าน',
          zh: '难府山地阿拉比卡咖啡豆（中度烘焙）',
          en: 'Doi Nan Arabica coffee, medium roast',
        },
        description: {
          th: 'เมล็ดกาแฟอาราบิก้าปลูกใต้ร่มไม้บนดอยสูง 1,200 เมตร จ.น่าน คั่วสดโดยสหกรณ์ รสชาติช็อกโกแลตและผลไม้',
          zh: '种植于难府海拔1200米山地林荫下的阿拉比卡咖啡豆，由合作社新鲜烘焙，带有巧克力与水果风味。',
          en: 'Shade-grown Arabica from 1,200 m in the hills of Nan, roasted fresh by the cooperative. Notes of chocolate and fruit.',
        },
        optionNames: [{ th: 'แบบ', zh: '规格', en: 'Form' }],
        variants: [
          {
            sku: 'NAN-AR-BEAN',
            gtin: '8851234000067',
            optionValues: [{ th: 'เมล็ด 250 ก.', zh: '咖啡豆 250克', en: 'Beans 250 g' }],
            priceSatang: 28_000,
            weightGrams: 250,
            stock: 400,
          },
          {
            sku: 'NAN-AR-GROUND',
            optionValues: [{ th: 'บด 250 ก.', zh: '咖啡粉 250克', en: 'Ground 250 g' }],
            priceSatang: 28_000,
            weightGrams: 250,
            stock: 250,
          },
        ],
      },
    ],
  },
];
