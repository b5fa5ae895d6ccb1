// The benchmark's catalog and query mix, generated from the search glossary and the seeded
// category tree: Thai titles always, Chinese and English on most products, many shops in all 77
// provinces. Inserted set-based (a few statements per 5,000 products), never through HTTP.
// Deterministic: the same PRODUCTS gives the same catalog and the same queries.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/platform/db.ts';
import { newId } from '../src/platform/ids.ts';
import { PROVINCES, type Province } from '../src/platform/provinces.ts';
import { PRODUCT_TERMS, type GlossaryEntry } from '../src/modules/search/testing.ts';

export function prng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const terms = new Map(PRODUCT_TERMS.map((e) => [e.key, e]));
const term = (key: string): GlossaryEntry => {
  const e = terms.get(key);
  if (!e) throw new Error(`glossary has no ${key}`);
  return e;
};

/** What products of each leaf category are called: nouns (what it is), materials, qualities, unit, price range in THB. */
interface Kind {
  nouns: string[];
  materials?: string[];
  qualities: string[];
  unit: [string, number[]];
  price: [number, number];
}
const kg: [string, number[]] = ['kilogram', [1, 2, 3, 5, 10]];
const g: [string, number[]] = ['gram', [100, 200, 250, 500]];
const pcs: [string, number[]] = ['piece', [1, 2, 3, 6]];
export const KINDS: Record<string, Kind> = {
  'jasmine-rice': {
    nouns: ['jasmine_rice', 'hom_mali_105'],
    qualities: ['new_crop', 'organic', 'premium'],
    unit: kg,
    price: [45, 450],
  },
  riceberry: { nouns: ['riceberry'], qualities: ['organic', 'premium', 'new_crop'], unit: kg, price: [60, 500] },
  'sticky-rice': {
    nouns: ['sticky_rice', 'black_sticky_rice'],
    qualities: ['new_crop', 'organic'],
    unit: kg,
    price: [40, 400],
  },
  'brown-rice': {
    nouns: ['brown_rice', 'germinated_rice', 'red_rice'],
    qualities: ['organic'],
    unit: kg,
    price: [50, 400],
  },
  'sangyod-rice': {
    nouns: ['sangyod_rice'],
    qualities: ['organic', 'geographical_indication'],
    unit: kg,
    price: [70, 500],
  },
  'organic-rice': {
    nouns: ['jasmine_rice', 'brown_rice', 'riceberry'],
    qualities: ['organic'],
    unit: kg,
    price: [60, 600],
  },
  durian: {
    nouns: ['monthong', 'chanee_durian', 'kanyao_durian', 'durian'],
    qualities: ['fresh', 'ripe', 'premium'],
    unit: kg,
    price: [150, 3000],
  },
  mango: {
    nouns: ['nam_dok_mai_mango', 'mango'],
    qualities: ['fresh', 'sweet', 'premium'],
    unit: kg,
    price: [60, 600],
  },
  mangosteen: { nouns: ['mangosteen'], qualities: ['fresh', 'premium'], unit: kg, price: [60, 500] },
  longan: { nouns: ['longan'], qualities: ['fresh', 'sweet'], unit: kg, price: [50, 400] },
  pomelo: { nouns: ['pomelo'], qualities: ['fresh', 'sweet'], unit: pcs, price: [60, 400] },
  rambutan: { nouns: ['rambutan'], qualities: ['fresh', 'sweet'], unit: kg, price: [40, 300] },
  lychee: { nouns: ['lychee'], qualities: ['fresh'], unit: kg, price: [80, 500] },
  pineapple: { nouns: ['pineapple'], qualities: ['fresh', 'sweet'], unit: pcs, price: [30, 200] },
  coconut: {
    nouns: ['aromatic_coconut', 'coconut', 'coconut_water'],
    qualities: ['fresh'],
    unit: pcs,
    price: [25, 400],
  },
  'dried-fruit': {
    nouns: ['dried_mango', 'dried_longan', 'dried_banana'],
    qualities: ['less_sugar', 'no_preservatives', 'natural'],
    unit: g,
    price: [50, 400],
  },
  'fruit-chips': {
    nouns: ['durian_chips', 'banana_chips', 'fruit_chips'],
    qualities: ['crispy', 'freeze_dried'],
    unit: g,
    price: [40, 500],
  },
  'sweet-tamarind': { nouns: ['sweet_tamarind', 'tamarind_candy'], qualities: ['sweet'], unit: g, price: [40, 300] },
  'thai-desserts': {
    nouns: ['thai_dessert', 'mango_sticky_rice'],
    qualities: ['fresh'],
    unit: ['box', [1, 2]],
    price: [40, 300],
  },
  'crispy-snacks': {
    nouns: ['rice_crackers', 'pork_rinds', 'seaweed', 'cashew'],
    qualities: ['crispy', 'spicy'],
    unit: g,
    price: [30, 400],
  },
  coffee: {
    nouns: ['arabica', 'robusta', 'coffee_beans', 'ground_coffee', 'drip_coffee'],
    qualities: ['medium_roast', 'dark_roast', 'light_roast', 'organic'],
    unit: g,
    price: [120, 900],
  },
  tea: {
    nouns: ['green_tea', 'oolong', 'black_tea', 'thai_tea'],
    qualities: ['organic', 'premium'],
    unit: g,
    price: [80, 800],
  },
  'herbal-drinks': {
    nouns: ['butterfly_pea', 'lemongrass', 'ginger', 'roselle', 'chrysanthemum', 'herbal_tea'],
    qualities: ['organic', 'natural'],
    unit: ['pack', [1, 3, 5]],
    price: [40, 300],
  },
  'thai-silk': {
    nouns: ['scarf', 'shawl', 'sarong', 'fabric'],
    materials: ['silk', 'mudmee', 'brocade'],
    qualities: ['hand_woven', 'natural_dye'],
    unit: pcs,
    price: [400, 8000],
  },
  'cotton-indigo': {
    nouns: ['shirt', 'scarf', 'fabric', 'tote_bag', 'pants', 'fisherman_pants'],
    materials: ['cotton', 'indigo'],
    qualities: ['hand_woven', 'natural_dye'],
    unit: pcs,
    price: [150, 2500],
  },
  clothing: {
    nouns: ['shirt', 'dress', 'pants', 'fisherman_pants', 'hat'],
    materials: ['cotton', 'batik'],
    qualities: ['handmade'],
    unit: pcs,
    price: [150, 2000],
  },
  basketry: {
    nouns: ['basket', 'sticky_rice_basket', 'bag', 'mat'],
    materials: ['bamboo', 'rattan', 'water_hyacinth', 'krajood'],
    qualities: ['handmade'],
    unit: pcs,
    price: [80, 2500],
  },
  pottery: {
    nouns: ['pottery', 'ceramic', 'celadon', 'benjarong'],
    qualities: ['handmade'],
    unit: pcs,
    price: [150, 5000],
  },
  woodcraft: {
    nouns: ['woodcraft', 'elephant', 'lamp'],
    materials: ['teak'],
    qualities: ['handmade'],
    unit: pcs,
    price: [200, 6000],
  },
  jewellery: {
    nouns: ['bracelet', 'necklace', 'earrings'],
    materials: ['silverware', 'pearl'],
    qualities: ['handmade'],
    unit: pcs,
    price: [300, 9000],
  },
  'herbal-products': {
    nouns: ['herbal_balm', 'herbal_compress', 'herbal_inhaler', 'turmeric', 'andrographis', 'black_ginger'],
    qualities: ['natural', 'organic'],
    unit: pcs,
    price: [30, 600],
  },
  'soap-skincare': {
    nouns: ['soap', 'lotion', 'cream', 'serum', 'scrub', 'lip_balm', 'shampoo'],
    materials: ['turmeric', 'aloe_vera', 'coconut_oil', 'tamarind', 'jasmine'],
    qualities: ['natural', 'organic'],
    unit: pcs,
    price: [40, 900],
  },
  'spa-aroma': {
    nouns: ['essential_oil', 'massage_oil', 'candle', 'herbal_compress'],
    materials: ['lemongrass', 'jasmine', 'plai'],
    qualities: ['natural'],
    unit: ['bottle', [1, 2]],
    price: [80, 900],
  },
  'fish-sauce': { nouns: ['fish_sauce'], qualities: ['premium'], unit: ['bottle', [1, 2, 6]], price: [30, 300] },
  'chili-paste': {
    nouns: ['chili_paste', 'roasted_chili_paste'],
    qualities: ['spicy'],
    unit: ['jar', [1, 2, 3]],
    price: [40, 300],
  },
  'curry-paste': {
    nouns: ['green_curry', 'red_curry', 'massaman', 'tom_yum', 'curry_paste'],
    qualities: ['spicy', 'organic'],
    unit: g,
    price: [30, 300],
  },
  honey: {
    nouns: ['honey', 'longan_honey'],
    qualities: ['natural', 'organic'],
    unit: ['bottle', [1, 2]],
    price: [120, 900],
  },
  'dried-seafood': {
    nouns: ['dried_shrimp', 'dried_squid', 'dried_fish', 'fish_maw'],
    qualities: ['premium'],
    unit: g,
    price: [100, 3000],
  },
  'frozen-seafood': {
    nouns: ['shrimp', 'squid', 'sea_bass', 'crab', 'mackerel'],
    qualities: ['frozen', 'fresh'],
    unit: kg,
    price: [150, 2500],
  },
  'preserved-food': {
    nouns: ['sai_ua', 'naem', 'pork_floss', 'beef_jerky', 'salted_egg'],
    qualities: ['spicy'],
    unit: ['pack', [1, 2, 5]],
    price: [50, 500],
  },
  'gift-sets': {
    nouns: ['gift_set'],
    materials: ['dried_mango', 'coffee', 'tea', 'honey', 'silk'],
    qualities: ['premium'],
    unit: ['set', [1]],
    price: [300, 3000],
  },
  'home-decor': {
    nouns: ['home_decor', 'lamp', 'umbrella', 'candle', 'triangle_pillow'],
    qualities: ['handmade'],
    unit: pcs,
    price: [100, 3000],
  },
  souvenirs: {
    nouns: ['souvenir', 'umbrella', 'elephant', 'mulberry_paper', 'coconut_shell'],
    qualities: ['handmade', 'otop'],
    unit: pcs,
    price: [50, 1500],
  },
};

type Lang = 'th' | 'zh' | 'en';
const word = (key: string, lang: Lang) => term(key)[lang][0];
const unitText = (unit: string, n: number, lang: Lang) =>
  lang === 'en' ? `${n} ${word(unit, 'en')}` : lang === 'zh' ? `${n}${word(unit, 'zh')}` : `${n} ${word(unit, 'th')}`;

export interface GeneratedProduct {
  categorySlug: string;
  title: Record<Lang, string | null>;
  description: Record<Lang, string | null>;
  province: Province;
  sizes: number[];
  unit: string;
  prices: number[];
}

export function generateProduct(rand: () => number, slugs: string[]): GeneratedProduct {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const categorySlug = pick(slugs);
  const kind = KINDS[categorySlug];
  const noun = pick(kind.nouns);
  const material = kind.materials ? pick(kind.materials) : null;
  const quality = rand() < 0.6 ? pick(kind.qualities) : null;
  const province = pick(PROVINCES as Province[]);
  const sizes = [...new Set([pick(kind.unit[1]), pick(kind.unit[1])])].sort((a, b) => a - b);
  const title = (lang: Lang): string => {
    const parts =
      lang === 'th'
        ? [
            material && noun !== 'gift_set'
              ? word(noun, 'th') + word(material, 'th')
              : word(noun, 'th') + (material ? word(material, 'th') : ''),
            quality ? word(quality, 'th') : '',
            province.th,
            unitText(kind.unit[0], sizes[0], 'th'),
          ]
        : lang === 'zh'
          ? [
              province.zh,
              quality ? word(quality, 'zh') : '',
              (material ? word(material, 'zh') : '') + word(noun, 'zh'),
              unitText(kind.unit[0], sizes[0], 'zh'),
            ]
          : [
              province.en,
              quality ? word(quality, 'en') : '',
              material ? word(material, 'en') : '',
              `${word(noun, 'en')},`,
              unitText(kind.unit[0], sizes[0], 'en'),
            ];
    return parts.filter(Boolean).join(' ');
  };
  const description: Record<Lang, string> = {
    th: `${word(noun, 'th')}จาก${province.th} คัดคุณภาพทุกล็อต ${quality ? word(quality, 'th') : ''} ส่งตรงจากผู้ผลิตในชุมชน บรรจุอย่างดี`,
    zh: `来自${province.zh}的${word(noun, 'zh')}，${quality ? word(quality, 'zh') + '，' : ''}每批精选，社区生产者直发，包装完好。`,
    en: `${word(noun, 'en')} from ${province.en}, ${quality ? `${word(quality, 'en')}, ` : ''}selected batch by batch and shipped direct from the community producer.`,
  };
  const [lo, hi] = kind.price;
  const base = lo + rand() * (hi - lo);
  return {
    categorySlug,
    province,
    sizes,
    unit: kind.unit[0],
    title: { th: title('th'), zh: rand() < 0.7 ? title('zh') : null, en: rand() < 0.8 ? title('en') : null },
    description: {
      th: description.th,
      zh: rand() < 0.6 ? description.zh : null,
      en: rand() < 0.7 ? description.en : null,
    },
    prices: sizes.map((s, i) => Math.round(base * (1 + i * 0.8)) * 100),
  };
}

/** A valid 13-digit juristic tax ID from a running number. */
function taxId(n: number): string {
  const body = `0995${String(n).padStart(8, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (13 - i);
  return body + String((11 - (sum % 11)) % 10);
}

const BUSINESS_TYPES = ['individual', 'company', 'community_enterprise', 'cooperative', 'otop_producer'];

/** Inserts SHOPS approved shops and PRODUCTS active products with variants and stock. */
export async function generateCatalog(
  db: Db,
  products: number,
  shops: number,
  onProgress?: (done: number) => void,
): Promise<void> {
  const rand = prng(4_2018);
  const categories = await queryRows<{ id: string; slug: string }>(db, sql`select id, slug from categories`);
  const categoryIds = new Map(categories.map((c) => [c.slug, c.id]));
  const slugs = Object.keys(KINDS).filter((s) => categoryIds.has(s));
  const ownerId = newId();
  await db.execute(
    sql`insert into users (id, email, password_hash, display_name) values (${ownerId}, ${`bench-${ownerId}@example.test`}, 'x', 'ผู้ทดสอบ')`,
  );
  const shopRows = Array.from({ length: shops }, (_, i) => {
    const p = PROVINCES[i % PROVINCES.length];
    return {
      id: newId(),
      slug: `bench-shop-${i}`,
      name_th: `ร้านของดี${p.th} ${i}`,
      name_zh: `${p.zh}好物店 ${i}`,
      name_en: `${p.en} Goods ${i}`,
      type: BUSINESS_TYPES[i % BUSINESS_TYPES.length],
      tax: taxId(i + 1),
      province: p.code,
      flagship: i % 33 === 0,
      location: newId(),
    };
  });
  await db.execute(sql`
    insert into sellers (id, slug, legal_name_th, shop_name_th, shop_name_zh, shop_name_en, business_type, tax_id, province_code,
      contact_phone, payout_method, payout_promptpay_id, status, is_flagship, created_by)
    select id, slug, name_th, name_th, name_zh, name_en, type::business_type, tax, province, '0812345678', 'promptpay', '0812345678',
      'approved', flagship, ${ownerId}::uuid
    from jsonb_to_recordset(${JSON.stringify(shopRows)}::jsonb) as x(id uuid, slug text, name_th text, name_zh text, name_en text,
      type text, tax text, province text, flagship boolean)`);
  await db.execute(sql`
    insert into stock_locations (id, seller_id, kind, name, province_code)
    select location, id, 'seller', 'Main', province from jsonb_to_recordset(${JSON.stringify(shopRows)}::jsonb) as x(id uuid, location uuid, province text)`);
  const chunk = 5_000;
  for (let start = 0; start < products; start += chunk) {
    const rows: unknown[] = [];
    const variants: unknown[] = [];
    for (let i = start; i < Math.min(products, start + chunk); i++) {
      const p = generateProduct(rand, slugs);
      const shop = shopRows[Math.floor(rand() * shopRows.length)];
      const id = newId();
      const daysAgo = Math.floor(rand() * 365);
      rows.push({
        id,
        seller: shop.id,
        category: categoryIds.get(p.categorySlug),
        slug: `p-${i}`,
        th: p.title.th,
        zh: p.title.zh,
        en: p.title.en,
        dth: p.description.th,
        dzh: p.description.zh,
        den: p.description.en,
        province: p.province.code,
        price: Math.min(...p.prices),
        published: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
        options: [{ th: 'ขนาด', zh: '规格', en: 'Size' }],
      });
      const inStock = rand() < 0.85;
      for (const [v, size] of p.sizes.entries()) {
        variants.push({
          id: newId(),
          seller: shop.id,
          product: id,
          sku: `B${i}-${v}`,
          price: p.prices[v],
          weight: 500,
          position: v,
          values: [
            { th: unitText(p.unit, size, 'th'), zh: unitText(p.unit, size, 'zh'), en: unitText(p.unit, size, 'en') },
          ],
          location: shop.location,
          stock: inStock ? 1 + Math.floor(rand() * 200) : 0,
        });
      }
    }
    await db.execute(sql`
      insert into products (id, seller_id, category_id, slug, title_th, title_zh, title_en, description_th, description_zh, description_en,
        option_names, status, origin_province_code, min_price_satang, published_at)
      select id, seller, category, slug, th, zh, en, dth, dzh, den, options, 'active', province, price, published
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, seller uuid, category uuid, slug text, th text, zh text, en text,
        dth text, dzh text, den text, options jsonb, province text, price bigint, published timestamptz)`);
    await db.execute(sql`
      insert into product_variants (id, seller_id, product_id, sku, option_values, price_satang, weight_grams, position)
      select id, seller, product, sku, values, price, weight, position
      from jsonb_to_recordset(${JSON.stringify(variants)}::jsonb) as x(id uuid, seller uuid, product uuid, sku text, values jsonb, price bigint, weight int, position int)`);
    await db.execute(sql`
      insert into stock_levels (variant_id, location_id, seller_id, on_hand)
      select id, location, seller, stock from jsonb_to_recordset(${JSON.stringify(variants)}::jsonb) as x(id uuid, location uuid, seller uuid, stock int)`);
    onProgress?.(Math.min(products, start + chunk));
  }
}

/** A Thai slip (vowel length, tone mark) or an English one (two letters swapped, one dropped). */
function misspell(text: string, rand: () => number): string {
  const chars = [...text];
  const swaps: Record<string, string> = { 'ุ': 'ู', 'ู': 'ุ', 'ิ': 'ี', 'ี': 'ิ', 'ึ': 'ื', 'ื': 'ึ', '่': '้', '้': '่', ไ: 'ใ' };
  const thai = chars.map((c, i) => (swaps[c] ? i : -1)).filter((i) => i >= 0);
  if (thai.length) {
    const i = thai[Math.floor(rand() * thai.length)];
    chars[i] = swaps[chars[i]];
    return chars.join('');
  }
  if (/^[a-z]{5,}$/.test(text)) {
    const i = 1 + Math.floor(rand() * (chars.length - 3));
    if (rand() < 0.5) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
    else chars.splice(i, 1);
    return chars.join('');
  }
  return text;
}

/** The query mix: words buyers type in each language, some with a province, misspelt, half-typed or mixed; filters and sorts. */
export function queryMix(count: number, categoryIds: Map<string, string>, seed = 17_4_2018): string[] {
  const rand = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const slugs = Object.keys(KINDS);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const slug = pick(slugs);
    const kind = KINDS[slug];
    const noun = pick([...kind.nouns, ...(kind.materials ?? [])]);
    const r = rand();
    const lang: Lang = r < 0.45 ? 'th' : r < 0.7 ? 'zh' : 'en';
    let q = word(noun, lang);
    const extra = rand();
    if (extra < 0.2) q += (lang === 'en' ? ' ' : ' ') + pick(PROVINCES as Province[])[lang];
    else if (extra < 0.35) q += ' ' + word(pick(kind.qualities), lang);
    else if (extra < 0.45) q += ' ' + word(noun, lang === 'th' ? 'en' : 'th'); // mixed languages
    const mutate = rand();
    if (mutate < 0.1) q = misspell(q, rand);
    else if (mutate < 0.18) q = [...q].slice(0, Math.max(2, Math.ceil([...q].length * 0.6))).join(''); // half-typed
    const params = new URLSearchParams({ q });
    const f = rand();
    if (f < 0.12) params.set('province', pick(PROVINCES as Province[]).code);
    else if (f < 0.22) {
      params.set('minPriceSatang', '10000');
      params.set('maxPriceSatang', '49999');
    } else if (f < 0.32) params.set('inStock', 'true');
    else if (f < 0.4 && categoryIds.has(slug)) params.set('category', slug);
    else if (f < 0.45) params.set('sellerType', pick(['cooperative', 'community_enterprise', 'otop_producer']));
    const s = rand();
    if (s < 0.1) params.set('sort', 'price_asc');
    else if (s < 0.17) params.set('sort', 'newest');
    else if (s < 0.24) params.set('sort', 'best_selling');
    if (rand() < 0.1) params.set('page', '2');
    out.push(`/api/search?${params}`);
  }
  return out;
}
