// The category tree seeded for Thai SME and OTOP goods. Slugs are stable: links, search filters and
// imports name categories by slug, so rename a category's text freely but never its slug.
// Top-level groups follow what small Thai producers sell (and the OTOP product groups: food,
// beverages, textiles, household and souvenir items, non-food herbal products).
export interface CategorySeed {
  slug: string;
  th: string;
  zh: string;
  en: string;
  children?: CategorySeed[];
}

export const THAI_SME_CATEGORIES: CategorySeed[] = [
  {
    slug: 'rice',
    th: 'ข้าว',
    zh: '大米',
    en: 'Rice',
    children: [
      { slug: 'jasmine-rice', th: 'ข้าวหอมมะลิ', zh: '泰国茉莉香米', en: 'Jasmine rice (Hom Mali)' },
      { slug: 'riceberry', th: 'ข้าวไรซ์เบอร์รี่', zh: '莓果米', en: 'Riceberry rice' },
      { slug: 'sticky-rice', th: 'ข้าวเหนียว', zh: '糯米', en: 'Sticky rice' },
      { slug: 'brown-rice', th: 'ข้าวกล้อง', zh: '糙米', en: 'Brown rice' },
      { slug: 'sangyod-rice', th: 'ข้าวสังข์หยด', zh: '桑约米', en: 'Sang Yod rice' },
      { slug: 'organic-rice', th: 'ข้าวอินทรีย์', zh: '有机大米', en: 'Organic rice' },
    ],
  },
  {
    slug: 'fresh-fruit',
    th: 'ผลไม้สด',
    zh: '新鲜水果',
    en: 'Fresh fruit',
    children: [
      { slug: 'durian', th: 'ทุเรียน', zh: '榴莲', en: 'Durian' },
      { slug: 'mango', th: 'มะม่วง', zh: '芒果', en: 'Mango' },
      { slug: 'mangosteen', th: 'มังคุด', zh: '山竹', en: 'Mangosteen' },
      { slug: 'longan', th: 'ลำไย', zh: '龙眼', en: 'Longan' },
      { slug: 'pomelo', th: 'ส้มโอ', zh: '柚子', en: 'Pomelo' },
      { slug: 'rambutan', th: 'เงาะ', zh: '红毛丹', en: 'Rambutan' },
      { slug: 'lychee', th: 'ลิ้นจี่', zh: '荔枝', en: 'Lychee' },
      { slug: 'pineapple', th: 'สับปะรด', zh: '菠萝', en: 'Pineapple' },
      { slug: 'coconut', th: 'มะพร้าว', zh: '椰子', en: 'Coconut' },
    ],
  },
  {
    slug: 'dried-fruit-snacks',
    th: 'ผลไม้แปรรูปและขนม',
    zh: '果干与零食',
    en: 'Dried fruit and snacks',
    children: [
      { slug: 'dried-fruit', th: 'ผลไม้อบแห้ง', zh: '果干', en: 'Dried fruit' },
      { slug: 'fruit-chips', th: 'ผลไม้ทอดกรอบ', zh: '水果脆片', en: 'Fruit chips' },
      { slug: 'sweet-tamarind', th: 'มะขามหวานและมะขามแปรรูป', zh: '甜罗望子及制品', en: 'Sweet tamarind' },
      { slug: 'thai-desserts', th: 'ขนมไทย', zh: '泰式传统甜点', en: 'Thai desserts' },
      { slug: 'crispy-snacks', th: 'ขนมขบเคี้ยว', zh: '休闲零食', en: 'Crispy snacks' },
    ],
  },
  {
    slug: 'coffee-tea',
    th: 'กาแฟและชา',
    zh: '咖啡与茶',
    en: 'Coffee and tea',
    children: [
      { slug: 'coffee', th: 'กาแฟ', zh: '咖啡', en: 'Coffee' },
      { slug: 'tea', th: 'ชา', zh: '茶', en: 'Tea' },
      { slug: 'herbal-drinks', th: 'เครื่องดื่มสมุนไพร', zh: '草本饮品', en: 'Herbal drinks' },
    ],
  },
  {
    slug: 'silk-textiles',
    th: 'ผ้าไหมและผ้าทอ',
    zh: '丝绸与纺织品',
    en: 'Silk and textiles',
    children: [
      { slug: 'thai-silk', th: 'ผ้าไหมไทย', zh: '泰国丝绸', en: 'Thai silk' },
      { slug: 'cotton-indigo', th: 'ผ้าฝ้ายและผ้าย้อมคราม', zh: '棉布与蓝靛染布', en: 'Cotton and indigo-dyed cloth' },
      { slug: 'clothing', th: 'เสื้อผ้าและเครื่องแต่งกาย', zh: '服装服饰', en: 'Clothing and accessories' },
    ],
  },
  {
    slug: 'handicrafts',
    th: 'หัตถกรรม',
    zh: '手工艺品',
    en: 'Handicrafts',
    children: [
      { slug: 'basketry', th: 'เครื่องจักสาน', zh: '编织品', en: 'Basketry' },
      { slug: 'pottery', th: 'เครื่องปั้นดินเผา', zh: '陶器', en: 'Pottery and ceramics' },
      { slug: 'woodcraft', th: 'งานไม้', zh: '木制工艺品', en: 'Woodcraft' },
      { slug: 'jewellery', th: 'เครื่องประดับ', zh: '首饰', en: 'Jewellery' },
    ],
  },
  {
    slug: 'herbal-cosmetics',
    th: 'สมุนไพรและเครื่องสำอาง',
    zh: '草本与美妆',
    en: 'Herbal and cosmetic products',
    children: [
      { slug: 'herbal-products', th: 'ผลิตภัณฑ์สมุนไพร', zh: '草本制品', en: 'Herbal products' },
      { slug: 'soap-skincare', th: 'สบู่และผลิตภัณฑ์บำรุงผิว', zh: '香皂与护肤品', en: 'Soap and skincare' },
      { slug: 'spa-aroma', th: 'สปาและน้ำมันหอมระเหย', zh: '水疗与精油', en: 'Spa and aromatherapy' },
    ],
  },
  {
    slug: 'sauces-seasonings',
    th: 'ซอสและเครื่องปรุง',
    zh: '酱料与调味品',
    en: 'Sauces and seasonings',
    children: [
      { slug: 'fish-sauce', th: 'น้ำปลา', zh: '鱼露', en: 'Fish sauce' },
      { slug: 'chili-paste', th: 'น้ำพริก', zh: '辣椒酱', en: 'Chili paste' },
      { slug: 'curry-paste', th: 'พริกแกง', zh: '咖喱酱', en: 'Curry paste' },
      { slug: 'honey', th: 'น้ำผึ้ง', zh: '蜂蜜', en: 'Honey' },
    ],
  },
  {
    slug: 'seafood-processed-food',
    th: 'อาหารทะเลและอาหารแปรรูป',
    zh: '海鲜与加工食品',
    en: 'Seafood and processed food',
    children: [
      { slug: 'dried-seafood', th: 'อาหารทะเลแห้ง', zh: '海味干货', en: 'Dried seafood' },
      { slug: 'frozen-seafood', th: 'อาหารทะเลแช่แข็ง', zh: '冷冻海鲜', en: 'Frozen seafood' },
      { slug: 'preserved-food', th: 'อาหารแปรรูปพื้นบ้าน', zh: '传统加工食品', en: 'Traditional preserved food' },
    ],
  },
  {
    slug: 'otop-souvenirs',
    th: 'ของฝากและของที่ระลึก OTOP',
    zh: 'OTOP 特产与纪念品',
    en: 'OTOP souvenirs and gifts',
    children: [
      { slug: 'gift-sets', th: 'ชุดของขวัญ', zh: '礼盒', en: 'Gift sets' },
      { slug: 'home-decor', th: 'ของตกแต่งบ้าน', zh: '家居装饰', en: 'Home decor' },
      { slug: 'souvenirs', th: 'ของที่ระลึก', zh: '纪念品', en: 'Souvenirs' },
    ],
  },
];
