// The register of geographical indications Talad knows, kept by operators (no machine-readable
// national register exists): each GI's names, its DIP registration number and the provinces,
// districts and sub-districts its area covers.
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { type Locale, pickText } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { requireOperator } from './access.ts';
import { placeLabel, placeOf } from './areas.ts';
import { geographicalIndications, giAreas } from './schema.ts';

export interface GiInput {
  slug: string;
  name: { th: string; zh?: string | null; en?: string | null };
  registrationNumber: string;
  areaCodes: string[];
}

export interface GiView {
  id: string;
  slug: string;
  name: string;
  nameI18n: { th: string; zh: string | null; en: string | null };
  registrationNumber: string;
  area: { code: string; label: string }[];
}

export async function listGis(db: Executor, locale: Locale): Promise<GiView[]> {
  const [gis, areas] = await Promise.all([
    db.select().from(geographicalIndications).orderBy(asc(geographicalIndications.slug)),
    db.select().from(giAreas),
  ]);
  return gis.map((g) => {
    const nameI18n = { th: g.nameTh, zh: g.nameZh, en: g.nameEn };
    return {
      id: g.id,
      slug: g.slug,
      name: pickText(nameI18n, locale),
      nameI18n,
      registrationNumber: g.registrationNumber,
      area: areas
        .filter((a) => a.giId === g.id)
        .map((a) => a.areaCode)
        .sort()
        .map((code) => {
          const place = placeOf(code);
          return { code, label: place ? placeLabel(place) : code };
        }),
    };
  });
}

/** Adds a GI, or replaces the names and area of the one with this slug. */
export async function saveGi(db: Executor, actor: Actor, input: GiInput, locale: Locale = 'th'): Promise<GiView> {
  requireOperator(actor);
  const errors: FieldError[] = [];
  if (!/^[a-z0-9-]{2,80}$/.test(input.slug)) errors.push({ field: 'slug', code: 'bad_format' });
  if (!input.name.th?.trim()) errors.push({ field: 'name.th', code: 'required' });
  if (!input.registrationNumber?.trim()) errors.push({ field: 'registrationNumber', code: 'required' });
  if (!input.areaCodes.length) errors.push({ field: 'areaCodes', code: 'required' });
  input.areaCodes.forEach((c, i) => {
    if (!placeOf(c)) errors.push({ field: `areaCodes.${i}`, code: 'unknown_place' });
  });
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
  const id = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: geographicalIndications.id })
      .from(geographicalIndications)
      .where(eq(geographicalIndications.slug, input.slug));
    const values = {
      nameTh: input.name.th.trim(),
      nameZh: input.name.zh?.trim() || null,
      nameEn: input.name.en?.trim() || null,
      registrationNumber: input.registrationNumber.trim(),
    };
    const giId = existing?.id ?? newId();
    if (existing) await tx.update(geographicalIndications).set(values).where(eq(geographicalIndications.id, giId));
    else await tx.insert(geographicalIndications).values({ id: giId, slug: input.slug, ...values });
    await tx.delete(giAreas).where(eq(giAreas.giId, giId));
    await tx.insert(giAreas).values([...new Set(input.areaCodes)].map((areaCode) => ({ giId, areaCode })));
    return giId;
  });
  return (await listGis(db, locale)).find((g) => g.id === id)!;
}

/**
 * GIs from REFERENCE.md for the demo and as a start for operators. Registration numbers and the
 * exact sub-districts are unconfirmed (read the DIP registration before relying on them):
 * ข้าวหอมมะลิทุ่งกุลาร้องไห้'s area is given as its districts in Roi Et, Si Sa Ket, Maha Sarakham and
 * Yasothon and, in Surin, one district and three sub-districts, as the registration describes.
 */
export const REFERENCE_GIS: GiInput[] = [
  {
    slug: 'thung-kula-rong-hai-hom-mali-rice',
    name: {
      th: 'ข้าวหอมมะลิทุ่งกุลาร้องไห้',
      zh: '通古拉荣海茉莉香米',
      en: 'Khao Hom Mali Thung Kula Rong Hai',
    },
    registrationNumber: 'สช 49100005',
    areaCodes: [
      // Roi Et: Kaset Wisai, Pathum Rat, Suwannaphum, Phon Sai, Nong Hi
      '4502',
      '4503',
      '4511',
      '4513',
      '4519',
      // Surin: Chumphon Buri, and in Tha Tum the sub-districts Thung Kula, Krapho and Phrom Thep
      '3202',
      '320310',
      '320302',
      '320303',
      // Si Sa Ket: Rasi Salai; Maha Sarakham: Phayakkhaphum Phisai; Yasothon: Maha Chana Chai
      '3309',
      '4408',
      '3506',
    ],
  },
  {
    slug: 'khao-banthat-monthong-durian',
    name: { th: 'ทุเรียนหมอนทองเขาบรรทัด', zh: '达叻考班塔金枕头榴莲', en: 'Khao Banthat Monthong durian' },
    registrationNumber: 'สช 63100150',
    areaCodes: ['23'],
  },
  {
    slug: 'lamphun-brocade-silk',
    name: { th: 'ผ้าไหมยกดอกลำพูน', zh: '南奔提花丝绸', en: 'Lamphun brocade silk' },
    registrationNumber: 'สช 49100003',
    areaCodes: ['51'],
  },
];
