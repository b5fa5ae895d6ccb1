// The standards demo, through the module's own services (so it obeys the same rules): the GI
// register; the Roi Et rice cooperative as a flagship store with GI Thung Kula Rong Hai, the Thai
// Hom Mali mark, its trademark and two traceable rice lots (one of them the lot the hub holds in
// bond); อย. numbers on the dried mango's two packs; a มผช. on the silk; GAP on the durian orchard
// (expiring within 30 days, so its shop has a notice); and an Organic certificate of the coffee
// cooperative waiting for the operator. Documents are small generated PDFs saying they are demos.
import PDFDocument from 'pdfkit';
import { systemActor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { font, SARABUN } from '../../platform/pdf-fonts.ts';
import { productFacts, activeProductIdsOfShop } from '../catalog/index.ts';
import { getShopBySlug, slugify } from '../sellers/index.ts';
import { DEMO_SHOPS } from '../../demo/data.ts';
import { registerCertificate } from './certificates.ts';
import { bangkokDay, type StandardsRuntime } from './config.ts';
import { applyForFlagship, approveFlagship } from './flagship.ts';
import { REFERENCE_GIS, saveGi } from './gis.ts';
import { createLot } from './lots.ts';
import { sweepCertificates, verifyCertificate } from './review.ts';
import type { CertificateInput } from './validate.ts';

const demo = systemActor('demo-seed');

/** One small PDF for every demo certificate (embedding the Thai font once keeps the demo fast). */
let demoPdf: Promise<Buffer> | null = null;
const demoDocument = () => (demoPdf ??= renderDemoDocument('ใบรับรองตัวอย่าง · Demo certificate'));

function renderDemoDocument(title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', margin: 36 });
  doc.registerFont('thai', font(SARABUN));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('thai').fontSize(16).text(title);
  doc.moveDown().fontSize(11).text('เอกสารตัวอย่างสำหรับการสาธิต ไม่ใช่ใบรับรองจริง (demo document, not a real certificate)');
  doc.end();
  return done;
}

async function shopAndProducts(db: Db, email: string) {
  const shop = DEMO_SHOPS.find((s) => s.owner.email === email);
  if (!shop) return null;
  const seller = await getShopBySlug(db, slugify(shop.application.shopName.en ?? null)).catch(() => null);
  if (!seller) return null;
  const products = await productFacts(db, await activeProductIdsOfShop(db, seller.id));
  const bySlug = (slug: string) => [...products.values()].find((p) => p.slug === slug);
  return { sellerId: seller.id, bySlug };
}

export async function seedStandardsDemo(db: Db, rt: StandardsRuntime): Promise<void> {
  const gis = [];
  for (const gi of REFERENCE_GIS) gis.push(await saveGi(db, demo, gi));
  const thungKula = gis.find((g) => g.slug === 'thung-kula-rong-hai-hom-mali-rice')!;
  const issued = bangkokDay(new Date(), -200);
  const inTwoYears = bangkokDay(new Date(), 730);
  const register = async (
    sellerId: string,
    c: Omit<CertificateInput, 'issuedOn' | 'expiresOn'> & Partial<CertificateInput>,
    verify = true,
  ) => {
    const view = await registerCertificate(db, demo, rt, {
      sellerId,
      read: async () => ({
        certificate: { issuedOn: issued, expiresOn: inTwoYears, ...c },
        document: await demoDocument(),
      }),
    });
    if (verify) await verifyCertificate(db, demo, view.id, rt, 'th');
    return view;
  };

  const rice = await shopAndProducts(db, 'rice@talad.local');
  const riceProduct = rice?.bySlug('thung-kula-hom-mali-rice');
  if (rice && riceProduct) {
    const gi = await register(rice.sellerId, {
      kind: 'gi',
      productId: riceProduct.id,
      number: 'GI-TKR 0451/2567',
      giId: thungKula.id,
      originAreaCode: '4502',
    });
    const mark = await register(rice.sellerId, {
      kind: 'thai_hom_mali',
      productId: riceProduct.id,
      number: 'THM 0123/2568',
      details: { variety: 'KDML105', purityPercent: 98 },
    });
    await register(rice.sellerId, { kind: 'trademark', number: 'ค512345', details: { brand: 'ทุ่งกุลา' } });
    const lotOf = (input: Parameters<typeof createLot>[3]) => createLot(db, demo, rice.sellerId, input, rt, 'th');
    // The hub holds this one in bond (demo/hub.ts receives lot TKR-HM-5KG-EEC-01 at the EEC hub).
    const bonded = await lotOf({
      productId: riceProduct.id,
      lotNumber: 'TKR-HM-5KG-EEC-01',
      producerName: 'สมาชิกสหกรณ์ บ้านกู่กาสิงห์ แปลงที่ 12',
      memberCode: 'M-0412',
      plot: 'นาแปลงที่ 12 ทุ่งกุลาร้องไห้',
      areaCode: '450209',
      harvestedOn: bangkokDay(new Date(), -45),
      processedOn: bangkokDay(new Date(), -20),
      processingNote: 'สีที่โรงสีสหกรณ์ บรรจุถุงสุญญากาศ 5 กก.',
      certificateIds: [gi.id, mark.id],
    });
    const home = await lotOf({
      productId: riceProduct.id,
      lotNumber: 'TKR-2568-KW-02',
      producerName: 'สมาชิกสหกรณ์ บ้านเกษตรวิสัย แปลงที่ 7',
      memberCode: 'M-0077',
      plot: 'นาแปลงที่ 7',
      areaCode: '450201',
      harvestedOn: bangkokDay(new Date(), -40),
      processedOn: bangkokDay(new Date(), -12),
      processingNote: 'สีที่โรงสีสหกรณ์ บรรจุถุง 1 กก.',
      certificateIds: [gi.id, mark.id],
    });
    await applyForFlagship(
      db,
      demo,
      rice.sellerId,
      {
        brandName: 'ทุ่งกุลา',
        story: {
          th: 'สหกรณ์การเกษตรทุ่งกุลาร้องไห้ ร้อยเอ็ด: สมาชิกกว่า 1,200 ครอบครัวปลูกข้าวหอมมะลิ 105 บนดินเค็มของทุ่งกุลา เก็บเกี่ยวปีละครั้ง สีสดทุกสัปดาห์ ทุกถุงสแกนย้อนกลับถึงแปลงนาได้',
          zh: '黎逸府通古拉荣海农业合作社：1,200 多户社员在通古拉的盐碱地上种植茉莉香米 105，一年一收，每周新鲜碾磨，每一袋都能扫码追溯到稻田。',
          en: 'The Thung Kula Rong Hai agricultural cooperative, Roi Et: over 1,200 member families grow Hom Mali 105 on the plain’s saline soil, one harvest a year, milled fresh every week. Every bag scans back to its paddy.',
        },
        productIds: [riceProduct.id],
        featuredLotIds: [bonded.id, home.id],
      },
      rt,
      'th',
    );
    await approveFlagship(db, demo, rice.sellerId, rt, 'th');
  }

  const mango = await shopAndProducts(db, 'mango@talad.local');
  const mangoProduct = mango?.bySlug('khao-kho-dried-mango');
  if (mango && mangoProduct) {
    const [small, large] = mangoProduct.variantIds;
    await register(mango.sellerId, {
      kind: 'fda',
      productId: mangoProduct.id,
      variantId: small,
      number: '67-2-00358-2-0012',
    });
    await register(mango.sellerId, {
      kind: 'fda',
      productId: mangoProduct.id,
      variantId: large,
      number: '67-2-00358-2-0013',
    });
  }

  const silk = await shopAndProducts(db, 'silk@talad.local');
  const silkProduct = silk?.bySlug('san-kamphaeng-silk-scarf');
  if (silk && silkProduct)
    await register(silk.sellerId, {
      kind: 'community_standard',
      productId: silkProduct.id,
      standardRef: 'มผช. 19/2555',
      number: 'ชม 0123/2567',
    });

  const durian = await shopAndProducts(db, 'durian@talad.local');
  const durianProduct = durian?.bySlug('monthong-durian-5kg');
  if (durian && durianProduct)
    await register(durian.sellerId, {
      kind: 'gap',
      productId: durianProduct.id,
      number: 'กษ 03-9000-22-001-012345 GAP',
      issuedOn: bangkokDay(new Date(), -700),
      expiresOn: bangkokDay(new Date(), 20),
    });

  const coffee = await shopAndProducts(db, 'coffee@talad.local');
  const coffeeProduct = coffee?.bySlug('doi-nan-arabica');
  if (coffee && coffeeProduct)
    await register(
      coffee.sellerId,
      { kind: 'organic', productId: coffeeProduct.id, number: 'กษ 02-9000-55-002-000321 ORGANIC' },
      false,
    );
  // The 30-day notices (the durian orchard's GAP) as the daily job would give them.
  await sweepCertificates(db, rt);
}
