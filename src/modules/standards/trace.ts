// The public trace page behind a pack's QR code, in th, zh or en: where the lot grew (on a map of
// provinces), the cooperative or farm, the marks Talad verified, harvest and processing dates and
// the route to the buyer. It holds no buyer data: nothing about orders, parcels or people who bought.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { type Locale, pickText, translate } from '../../platform/i18n.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import { productFacts } from '../catalog/index.ts';
import { hubLotsByNumber } from '../hub/index.ts';
import { hubLocations } from '../inventory/index.ts';
import { sellerFacts, shopsByIds } from '../sellers/index.ts';
import { placeLabel, placeOf } from './areas.ts';
import { badgesOf, type MarkBadge, showingMarks } from './certificates.ts';
import type { MapRole } from './map.ts';
import { certificates, lotCertificates, lots } from './schema.ts';

export interface TraceStep {
  code: 'farm' | 'processing' | 'hub' | 'export' | 'buyer';
  title: string;
  date: string | null;
  place: string | null;
  note: string | null;
}

export interface TraceView {
  lotNumber: string;
  status: 'active' | 'recalled';
  recallReason: string | null;
  product: { id: string; title: string; titleLang: Locale };
  shop: { name: string; slug: string; province: string; businessType: string | null; isFlagship: boolean };
  producer: { name: string; plot: string | null; area: string; province: string };
  harvestedOn: string;
  processedOn: string | null;
  marks: MarkBadge[];
  route: TraceStep[];
  map: { url: string; provinces: { code: string; role: MapRole; name: string }[] };
}

export async function traceView(db: Executor, code: string, locale: Locale): Promise<TraceView> {
  const [lot] = /^[a-z0-9]{8,20}$/.test(code) ? await db.select().from(lots).where(eq(lots.traceCode, code)) : [];
  if (!lot) throw notFound('lot');
  const [products, shops, facts, hubLots, hubs, lotCerts] = await Promise.all([
    productFacts(db, [lot.productId]),
    shopsByIds(db, [lot.sellerId]),
    sellerFacts(db, [lot.sellerId]),
    hubLotsByNumber(db, lot.sellerId, [lot.lotNumber]),
    hubLocations(db),
    db
      .select({ c: certificates })
      .from(lotCertificates)
      .innerJoin(certificates, eq(certificates.id, lotCertificates.certificateId))
      .where(eq(lotCertificates.lotId, lot.id)),
  ]);
  const product = products.get(lot.productId);
  const shopFacts = facts.get(lot.sellerId);
  if (!product || !shopFacts) throw notFound('lot');
  const shop = shops.get(lot.sellerId);
  const provinceName = (c: string) => provinceByCode(c)?.[locale] ?? c;
  const place = placeOf(lot.areaCode);
  const area = place ? placeLabel(place) : lot.areaCode;
  const farmProvince = lot.areaCode.slice(0, 2);

  // The product's marks and the lot's own certificates, each kind once, only those showing today.
  const showing = await showingMarks(db, [lot.productId]);
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const own = lotCerts.map((r) => r.c).filter((c) => c.status === 'verified' && c.expiresOn >= today);
  const byKind = new Map([...own, ...showing].map((c) => [c.kind, c]));
  const marks = await badgesOf(db, [...byKind.values()], locale);

  const t = (k: string, p: Record<string, unknown> = {}) => translate(`standards.trace.${k}`, locale, p);
  const route: TraceStep[] = [
    {
      code: 'farm',
      title: t('farm'),
      date: lot.harvestedOn,
      place: `${area} (${provinceName(farmProvince)})`,
      note: lot.plot,
    },
    {
      code: 'processing',
      title: t('processing', { shop: pickText(shopFacts.shopName, locale) }),
      date: lot.processedOn,
      place: provinceName(shopFacts.provinceCode),
      note: lot.processingNote,
    },
  ];
  const marked: { code: string; role: MapRole }[] = [
    { code: farmProvince, role: 'farm' },
    { code: shopFacts.provinceCode, role: 'processing' },
  ];
  const atHubs = hubs.filter((h) => hubLots.some((l) => l.locationId === h.id));
  for (const hub of atHubs) {
    const received = hubLots.filter((l) => l.locationId === hub.id).map((l) => l.receivedAt);
    route.push({
      code: 'hub',
      title: t(hub.bonded ? 'bondedHub' : 'hub'),
      date: received.length ? new Date(received.sort()[0]).toISOString().slice(0, 10) : null,
      place: provinceName(hub.provinceCode),
      note: null,
    });
    marked.push({ code: hub.provinceCode, role: 'hub' });
  }
  if (atHubs.some((h) => h.bonded))
    route.push({ code: 'export', title: t('export'), date: null, place: t('exportPlace'), note: null });
  route.push({ code: 'buyer', title: t('buyer'), date: null, place: null, note: null });

  // Each province once, in the role it has first on the route.
  const provinces: TraceView['map']['provinces'] = [];
  for (const m of marked)
    if (!provinces.some((p) => p.code === m.code)) provinces.push({ ...m, name: provinceName(m.code) });
  const title = pickText(product.title, locale);
  return {
    lotNumber: lot.lotNumber,
    status: lot.status,
    recallReason: lot.recallReason,
    product: { id: product.id, title, titleLang: title === product.title.th ? 'th' : locale },
    shop: {
      name: pickText(shopFacts.shopName, locale),
      slug: shopFacts.slug,
      province: provinceName(shopFacts.provinceCode),
      businessType: shop?.businessType ?? null,
      isFlagship: shop?.isFlagship ?? false,
    },
    producer: { name: lot.producerName, plot: lot.plot, area, province: provinceName(farmProvince) },
    harvestedOn: lot.harvestedOn,
    processedOn: lot.processedOn,
    marks,
    route,
    map: {
      url: `/api/standards/map.svg?${provinces.map((p) => `${p.role}=${p.code}`).join('&')}&lang=${locale}`,
      provinces,
    },
  };
}
