// The catalog the relevance set is judged on: 50 products of nine shops, written as Thai sellers
// write them — Thai always, Chinese and English on some only — with near misses on purpose
// (durian chips next to durians, a sticky-rice basket next to sticky rice, a triangle pillow next
// to Monthong). Loaded through the services, as a seller would list them. Test support only (like
// the modules' testing.ts files): it sets stock through inventory, a module search itself may not call.
import type { Db } from '../../../platform/db.ts';
import type { Actor } from '../../../platform/actor.ts';
import { systemActor } from '../../../platform/actor.ts';
import type { MediaStorage } from '../../../platform/storage.ts';
import {
  categoryTree,
  createProduct,
  seedCategories,
  setProductStatus,
  type CategoryNode,
} from '../../catalog/testing.ts';
import { signedInUser } from '../../catalog/testing.ts';
import { applyForShop, approveSeller, setFlagship, type ShopApplication } from '../../sellers/testing.ts';
import { validTaxId } from '../../sellers/testing.ts';
import { setStock } from '../../inventory/index.ts';

type Text = { th: string; zh?: string; en?: string };
interface FixtureProduct {
  slug: string;
  category: string;
  title: Text;
  description?: Text;
  origin?: string;
  priceSatang: number;
  stock?: number;
  options?: Text[];
}
interface FixtureShop {
  name: Text;
  type: ShopApplication['businessType'];
  province: string;
  flagship?: boolean;
  products: FixtureProduct[];
}

const kg = (n: number): Text => ({ th: `${n} กก.`, zh: `${n}公斤`, en: `${n} kg` });
const g = (n: number): Text => ({ th: `${n} ก.`, zh: `${n}克`, en: `${n} g` });

export const RELEVANCE_SHOPS: FixtureShop[] = [
  {
    name: { th: 'สหกรณ์ข้าวทุ่งกุลา', zh: '通古拉大米合作社', en: 'Thung Kula Rice Cooperative' },
    type: 'cooperative',
    province: '45',
    flagship: true,
    products: [
      {
        slug: 'tkr-jasmine-5kg',
        category: 'jasmine-rice',
        priceSatang: 39_000,
        options: [kg(5)],
        title: {
          th: 'ข้าวหอมมะลิทุ่งกุลาร้องไห้ 5 กก.',
          zh: '通古拉荣海茉莉香米 5公斤',
          en: 'Thung Kula Rong Hai jasmine rice 5 kg',
        },
        description: { th: 'ข้าวหอมมะลิ 105 สีใหม่ หอมนุ่ม จากทุ่งกุลาร้องไห้ ร้อยเอ็ด' },
      },
      {
        slug: 'organic-hom-mali-1kg',
        category: 'organic-rice',
        priceSatang: 12_000,
        options: [kg(1)],
        title: { th: 'ข้าวหอมมะลิ 105 อินทรีย์ 1 กก.', en: 'Organic Hom Mali 105 rice 1 kg' },
        description: { th: 'ปลูกแบบเกษตรอินทรีย์ ไม่ใช้สารเคมี' },
      },
      {
        slug: 'riceberry-organic',
        category: 'riceberry',
        priceSatang: 9_500,
        options: [kg(1)],
        title: { th: 'ข้าวไรซ์เบอร์รี่ อินทรีย์ 1 กก.' },
        description: { th: 'ข้าวสีม่วงเข้ม หุงง่าย นุ่ม' },
      },
      {
        slug: 'sticky-rice-2kg',
        category: 'sticky-rice',
        priceSatang: 11_000,
        options: [kg(2)],
        title: { th: 'ข้าวเหนียวเขี้ยวงู 2 กก.', zh: '泰国糯米 2公斤' },
        description: { th: 'ข้าวเหนียวนึ่งนุ่ม หอม เหมาะกับส้มตำ' },
      },
      {
        slug: 'germinated-brown-rice',
        category: 'brown-rice',
        priceSatang: 8_500,
        options: [g(500)],
        title: { th: 'ข้าวกล้องงอก 500 ก.' },
      },
    ],
  },
  {
    name: { th: 'สวนทุเรียนลุงชาย', zh: '猜叔榴莲园', en: "Uncle Chai's Orchard" },
    type: 'individual',
    province: '22',
    products: [
      {
        slug: 'monthong-5kg',
        category: 'durian',
        priceSatang: 99_500,
        options: [kg(5)],
        title: { th: 'ทุเรียนหมอนทองจันทบุรี 5 กก.', zh: '尖竹汶金枕头榴莲 5公斤', en: 'Chanthaburi Monthong durian 5 kg' },
        description: { th: 'ทุเรียนหมอนทองแก่จัด เนื้อหนา หวานมัน' },
      },
      {
        slug: 'chanee-3kg',
        category: 'durian',
        priceSatang: 45_000,
        stock: 0,
        options: [kg(3)],
        title: { th: 'ทุเรียนชะนี 3 กก.' },
        description: { th: 'ทุเรียนพันธุ์ชะนี เนื้อเหลืองเข้ม' },
      },
      {
        slug: 'kanyao-nonthaburi',
        category: 'durian',
        origin: '12',
        priceSatang: 250_000,
        options: [kg(3)],
        title: { th: 'ทุเรียนก้านยาวนนท์', en: 'Nonthaburi Kan Yao durian' },
        description: { th: 'ทุเรียนนนท์ สิ่งบ่งชี้ทางภูมิศาสตร์' },
      },
      {
        slug: 'mangosteen-2kg',
        category: 'mangosteen',
        priceSatang: 18_000,
        options: [kg(2)],
        title: { th: 'มังคุดคัดเกรด 2 กก.', zh: '精选山竹 2公斤' },
      },
      {
        slug: 'rambutan-rongrien',
        category: 'rambutan',
        origin: '84',
        priceSatang: 12_000,
        options: [kg(3)],
        title: { th: 'เงาะโรงเรียน 3 กก.' },
        description: { th: 'เงาะโรงเรียนนาสาร หวานกรอบ' },
      },
      {
        slug: 'longkong-2kg',
        category: 'fresh-fruit',
        priceSatang: 14_000,
        options: [kg(2)],
        title: { th: 'ลองกอง 2 กก.' },
      },
    ],
  },
  {
    name: { th: 'วิสาหกิจชุมชนแปรรูปผลไม้เขาค้อ', zh: '考科水果加工社区企业', en: 'Khao Kho Fruit Processing' },
    type: 'community_enterprise',
    province: '67',
    products: [
      {
        slug: 'dried-mango',
        category: 'dried-fruit',
        priceSatang: 12_000,
        options: [g(200)],
        title: {
          th: 'มะม่วงอบแห้งน้ำดอกไม้ หวานน้อย 200 ก.',
          zh: '低糖水仙芒果干 200克',
          en: 'Nam Dok Mai dried mango, less sugar, 200 g',
        },
      },
      {
        slug: 'durian-chips',
        category: 'fruit-chips',
        priceSatang: 25_000,
        options: [g(100)],
        title: { th: 'ทุเรียนทอดกรอบ 100 ก.', zh: '榴莲脆片 100克' },
        description: { th: 'ทุเรียนหมอนทองทอดกรอบ ไม่ใส่สารกันเสีย' },
      },
      {
        slug: 'dried-banana',
        category: 'dried-fruit',
        priceSatang: 6_000,
        options: [g(300)],
        title: { th: 'กล้วยตากพลังงานแสงอาทิตย์', en: 'Sun-dried banana' },
      },
      {
        slug: 'sweet-tamarind',
        category: 'sweet-tamarind',
        priceSatang: 15_000,
        options: [kg(1)],
        title: { th: 'มะขามหวานเพชรบูรณ์ 1 กก.', zh: '碧差汶甜角 1公斤' },
      },
      {
        slug: 'dried-longan',
        category: 'dried-fruit',
        origin: '51',
        priceSatang: 16_000,
        options: [g(500)],
        title: { th: 'ลำไยอบแห้งสีทอง 500 ก.' },
        description: { th: 'ลำไยอบแห้งสีทองลำพูน เนื้อหนา' },
      },
      {
        slug: 'shrimp-crackers',
        category: 'crispy-snacks',
        priceSatang: 4_500,
        options: [g(150)],
        title: { th: 'ข้าวเกรียบกุ้ง' },
      },
    ],
  },
  {
    name: { th: 'สหกรณ์กาแฟน่าน', zh: '难府咖啡合作社', en: 'Nan Coffee Cooperative' },
    type: 'cooperative',
    province: '55',
    products: [
      {
        slug: 'nan-arabica',
        category: 'coffee',
        priceSatang: 28_000,
        options: [{ th: 'เมล็ด 250 ก.', zh: '咖啡豆 250克', en: 'Beans 250 g' }],
        title: {
          th: 'กาแฟอาราบิก้าคั่วกลาง ดอยน่าน 250 ก.',
          zh: '难府阿拉比卡咖啡豆 中度烘焙',
          en: 'Doi Nan Arabica coffee, medium roast',
        },
        description: { th: 'เมล็ดกาแฟอาราบิก้าปลูกใต้ร่มไม้ คั่วสด' },
      },
      {
        slug: 'chumphon-robusta',
        category: 'coffee',
        origin: '86',
        priceSatang: 18_000,
        options: [g(500)],
        title: { th: 'กาแฟโรบัสต้าคั่วเข้ม ชุมพร', en: 'Chumphon robusta coffee, dark roast' },
      },
      {
        slug: 'arabica-drip',
        category: 'coffee',
        priceSatang: 15_000,
        options: [{ th: '10 ซอง', zh: '10袋', en: '10 bags' }],
        title: { th: 'กาแฟดริป อาราบิก้า 10 ซอง', zh: '阿拉比卡挂耳咖啡 10袋' },
      },
      {
        slug: 'mae-salong-oolong',
        category: 'tea',
        origin: '57',
        priceSatang: 35_000,
        options: [g(200)],
        title: { th: 'ชาอู่หลงดอยแม่สลอง', zh: '美斯乐乌龙茶' },
      },
      {
        slug: 'thai-tea-powder',
        category: 'tea',
        priceSatang: 9_000,
        options: [g(400)],
        title: { th: 'ชาไทย ผงชา 400 ก.', en: 'Thai tea mix 400 g' },
      },
      {
        slug: 'butterfly-pea-tea',
        category: 'herbal-drinks',
        priceSatang: 8_000,
        options: [g(50)],
        title: { th: 'ชาดอกอัญชัน' },
      },
    ],
  },
  {
    name: { th: 'ผ้าไหมสันกำแพง OTOP', zh: '山甘烹丝绸 OTOP', en: 'San Kamphaeng Silk' },
    type: 'otop_producer',
    province: '50',
    products: [
      {
        slug: 'silk-scarf',
        category: 'thai-silk',
        priceSatang: 129_000,
        options: [{ th: 'แดง', zh: '红色', en: 'Red' }],
        title: { th: 'ผ้าพันคอไหมทอมือสันกำแพง', zh: '山甘烹手织真丝围巾', en: 'Hand-woven San Kamphaeng silk scarf' },
      },
      {
        slug: 'mudmee-surin',
        category: 'thai-silk',
        origin: '32',
        priceSatang: 350_000,
        options: [{ th: '2 เมตร', en: '2 m' }],
        title: { th: 'ผ้าไหมมัดหมี่สุรินทร์ 2 เมตร', en: 'Surin mudmee silk, 2 m' },
      },
      {
        slug: 'pha-sin-tin-jok',
        category: 'thai-silk',
        priceSatang: 420_000,
        options: [{ th: 'ผืน' }],
        title: { th: 'ผ้าซิ่นตีนจก' },
      },
      {
        slug: 'indigo-shirt',
        category: 'cotton-indigo',
        origin: '47',
        priceSatang: 89_000,
        options: [{ th: 'M' }],
        title: { th: 'เสื้อผ้าฝ้ายย้อมคราม สกลนคร', zh: '色军府蓝染棉衬衫' },
      },
      {
        slug: 'fisherman-pants',
        category: 'clothing',
        priceSatang: 35_000,
        options: [{ th: 'ฟรีไซส์', en: 'Free size' }],
        title: { th: 'กางเกงเลผ้าฝ้าย', en: 'Cotton fisherman pants' },
      },
    ],
  },
  {
    name: { th: 'สมุนไพรบ้านสวน', zh: '花园草本', en: 'Baan Suan Herbs' },
    type: 'community_enterprise',
    province: '26',
    products: [
      {
        slug: 'plai-balm',
        category: 'herbal-products',
        priceSatang: 6_000,
        options: [g(50)],
        title: { th: 'ยาหม่องสมุนไพร ไพล', en: 'Plai herbal balm' },
      },
      {
        slug: 'herbal-compress',
        category: 'herbal-products',
        priceSatang: 15_000,
        options: [{ th: '2 ลูก' }],
        title: { th: 'ลูกประคบสมุนไพร', zh: '泰式草药球' },
      },
      {
        slug: 'turmeric-soap',
        category: 'soap-skincare',
        priceSatang: 5_500,
        options: [g(100)],
        title: { th: 'สบู่ขมิ้นชันธรรมชาติ', zh: '天然姜黄香皂', en: 'Natural turmeric soap' },
      },
      {
        slug: 'coconut-oil',
        category: 'spa-aroma',
        priceSatang: 19_000,
        options: [{ th: '250 มล.', zh: '250毫升', en: '250 ml' }],
        title: { th: 'น้ำมันมะพร้าวสกัดเย็น 250 มล.', en: 'Cold-pressed coconut oil 250 ml' },
      },
      {
        slug: 'herbal-inhaler',
        category: 'herbal-products',
        priceSatang: 2_500,
        options: [{ th: '1 หลอด' }],
        title: { th: 'ยาดมสมุนไพร' },
      },
    ],
  },
  {
    name: { th: 'ของดีระยอง', zh: '罗勇特产', en: 'Rayong Pantry' },
    type: 'company',
    province: '21',
    products: [
      {
        slug: 'rayong-fish-sauce',
        category: 'fish-sauce',
        priceSatang: 8_500,
        options: [{ th: '700 มล.', zh: '700毫升', en: '700 ml' }],
        title: { th: 'น้ำปลาแท้ระยอง 700 มล.', zh: '罗勇鱼露 700毫升', en: 'Rayong fish sauce 700 ml' },
      },
      {
        slug: 'nam-prik-pao',
        category: 'chili-paste',
        priceSatang: 7_000,
        options: [g(200)],
        title: { th: 'น้ำพริกเผา 200 ก.', en: 'Roasted chili paste 200 g' },
      },
      {
        slug: 'green-curry-paste',
        category: 'curry-paste',
        priceSatang: 5_000,
        options: [g(100)],
        title: { th: 'พริกแกงเขียวหวาน', zh: '泰式绿咖喱酱' },
      },
      {
        slug: 'longan-honey',
        category: 'honey',
        origin: '50',
        priceSatang: 22_000,
        options: [g(500)],
        title: { th: 'น้ำผึ้งดอกลำไย 500 ก.', zh: '龙眼蜂蜜 500克', en: 'Longan honey 500 g' },
      },
      {
        slug: 'shrimp-paste',
        category: 'chili-paste',
        priceSatang: 6_500,
        options: [g(250)],
        title: { th: 'กะปิคลองโคน' },
      },
    ],
  },
  {
    name: { th: 'หัตถกรรมโคราช', zh: '呵叻手工艺', en: 'Korat Crafts' },
    type: 'otop_producer',
    province: '30',
    products: [
      {
        slug: 'dan-kwian-vase',
        category: 'pottery',
        priceSatang: 45_000,
        options: [{ th: 'ใบ' }],
        title: { th: 'แจกันเครื่องปั้นดินเผาด่านเกวียน', en: 'Dan Kwian pottery vase' },
      },
      {
        slug: 'hyacinth-basket',
        category: 'basketry',
        priceSatang: 25_000,
        options: [{ th: 'ใบ' }],
        title: { th: 'ตะกร้าสานผักตบชวา', zh: '水葫芦编织篮' },
      },
      {
        slug: 'sticky-rice-basket',
        category: 'basketry',
        priceSatang: 9_000,
        options: [{ th: 'ใบ' }],
        title: { th: 'กระติบข้าวเหนียวไม้ไผ่' },
      },
      {
        slug: 'bo-sang-umbrella',
        category: 'souvenirs',
        origin: '50',
        priceSatang: 35_000,
        options: [{ th: 'คัน' }],
        title: { th: 'ร่มบ่อสร้าง', en: 'Bo Sang paper umbrella' },
      },
      {
        slug: 'triangle-pillow',
        category: 'home-decor',
        priceSatang: 59_000,
        options: [{ th: 'ใบ' }],
        title: { th: 'หมอนขวาน', zh: '泰式三角靠枕' },
      },
      {
        slug: 'teak-elephant',
        category: 'woodcraft',
        origin: '50',
        priceSatang: 79_000,
        options: [{ th: 'ตัว' }],
        title: { th: 'ช้างไม้สักแกะสลัก', en: 'Carved teak elephant' },
      },
    ],
  },
  {
    name: { th: 'อาหารทะเลสุราษฎร์', zh: '素叻海味', en: 'Surat Seafood' },
    type: 'company',
    province: '84',
    products: [
      {
        slug: 'dried-shrimp',
        category: 'dried-seafood',
        priceSatang: 32_000,
        options: [g(250)],
        title: { th: 'กุ้งแห้งตัวใหญ่ 250 ก.', zh: '大虾干 250克' },
      },
      {
        slug: 'dried-squid',
        category: 'dried-seafood',
        priceSatang: 45_000,
        options: [g(250)],
        title: { th: 'ปลาหมึกแห้ง 250 ก.' },
      },
      {
        slug: 'chaiya-salted-egg',
        category: 'preserved-food',
        priceSatang: 9_000,
        options: [{ th: '6 ฟอง' }],
        title: { th: 'ไข่เค็มไชยา', en: 'Chaiya salted eggs' },
      },
    ],
  },
];

/** Creates the shops and products, publishes them and sets stock; returns product ids by slug. */
export async function loadRelevanceCatalog(db: Db, storage: MediaStorage): Promise<Map<string, string>> {
  await seedCategories(db);
  const categories = new Map<string, string>();
  const walk = (nodes: CategoryNode[]) =>
    nodes.forEach((n) => {
      categories.set(n.slug, n.id);
      walk(n.children);
    });
  walk(await categoryTree(db, 'th'));
  const system = systemActor('relevance-fixture');
  const ids = new Map<string, string>();
  for (const [i, shop] of RELEVANCE_SHOPS.entries()) {
    const { userId } = await signedInUser(db);
    const owner: Actor = { kind: 'user', userId, isOperator: false, guestTokenHash: null };
    const seller = await applyForShop(db, owner, {
      legalName: { th: shop.name.th },
      shopName: shop.name,
      businessType: shop.type,
      taxId: validTaxId(),
      provinceCode: shop.province,
      contactPhone: `08${String(10_000_000 + i).padStart(8, '0')}`,
      contactEmail: null,
      payout: { method: 'promptpay', promptpayId: '0812345678' },
      vatRegistered: false,
    });
    await approveSeller(db, system, seller.id);
    if (shop.flagship) await setFlagship(db, system, seller.id, { isFlagship: true });
    for (const p of shop.products) {
      const categoryId = categories.get(p.category);
      if (!categoryId) throw new Error(`no category ${p.category}`);
      const created = await createProduct(
        db,
        owner,
        {
          sellerId: seller.id,
          categoryId,
          slug: p.slug,
          title: p.title,
          description: p.description ?? { th: p.title.th },
          optionNames: p.options ? [{ th: 'แบบ', zh: '规格', en: 'Option' }] : [],
          originProvinceCode: p.origin ?? shop.province,
          variants: [
            { sku: p.slug.toUpperCase(), priceSatang: p.priceSatang, weightGrams: 500, optionValues: p.options ?? [] },
          ],
        },
        storage,
      );
      await setProductStatus(db, owner, { sellerId: seller.id, productId: created.id, status: 'active' }, storage);
      await db.transaction((tx) =>
        setStock(tx, owner, {
          sellerId: seller.id,
          variantId: created.variants[0].id,
          onHand: p.stock ?? 50,
          reason: 'fixture',
        }),
      );
      ids.set(p.slug, created.id);
    }
  }
  return ids;
}
