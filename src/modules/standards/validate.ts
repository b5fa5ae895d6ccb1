// What a shop says about a certificate, checked all at once before anything is stored: the number
// as its agency writes it, the standard it refers to, the dates, the product it belongs to, the
// kind's own facts (OTOP stars and year, Thai Hom Mali variety and purity, a trademark owner's
// authorisation) and, for a GI, that the product comes from the GI's registered area.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { productFacts } from '../catalog/index.ts';
import { areaCovers, coversPartOf, placeOf } from './areas.ts';
import { bangkokDay } from './config.ts';
import {
  type CertificateKind,
  checkCommunityStandard,
  checkNumber,
  checkTisStandard,
  checkTrademarkNumber,
  isMark,
} from './numbers.ts';
import { geographicalIndications, giAreas } from './schema.ts';

export interface CertificateInput {
  kind: CertificateKind;
  productId?: string | null;
  variantId?: string | null;
  number: string;
  standardRef?: string | null;
  giId?: string | null;
  originAreaCode?: string | null;
  issuedOn: string;
  expiresOn: string;
  details?: {
    stars?: number;
    year?: number;
    variety?: string;
    purityPercent?: number;
    brand?: string;
    trademarkNumber?: string;
    ownerName?: string;
    grantorName?: string;
    exclusive?: boolean;
  };
}

export interface ValidCertificate {
  kind: CertificateKind;
  productId: string | null;
  variantId: string | null;
  number: string;
  numberKey: string;
  standardRef: string | null;
  giId: string | null;
  originAreaCode: string | null;
  details: Record<string, unknown>;
  issuedOn: string;
  expiresOn: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
const sameName = (a: string, b: string) =>
  a.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase() ===
  b.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
export const RICE_VARIETIES = ['KDML105', 'RD15'];
export const THAI_HOM_MALI_MIN_PURITY = 92;

/** Whether a GI's area holds the place a product is made in; the problem to show, or null. */
export function giAreaProblem(
  area: readonly string[],
  originCode: string,
  field = 'originAreaCode',
): FieldError | null {
  if (areaCovers(area, originCode)) return null;
  if (originCode.length === 2 && coversPartOf(area, originCode))
    return { field, code: 'gi_area_needs_district', params: {} };
  return { field, code: 'gi_outside_area', params: {} };
}

/** Throws one 422 with every field that is wrong, or gives the certificate as it will be stored. */
export async function validateCertificate(
  db: Executor,
  sellerId: string,
  input: CertificateInput,
  now = new Date(),
): Promise<ValidCertificate> {
  const errors: FieldError[] = [];
  const err = (field: string, code: string, params: Record<string, unknown> = {}) =>
    errors.push({ field, code, params });
  const kind = input.kind;
  const mark = isMark(kind);

  // The number, and the standard it is a licence or certificate under.
  const checked = checkNumber(kind, input.number ?? '');
  if (!checked.ok) err(checked.field, checked.code, checked.params);
  let standardRef: string | null = null;
  if (kind === 'tis' || kind === 'community_standard') {
    const ref = (kind === 'tis' ? checkTisStandard : checkCommunityStandard)(input.standardRef ?? '');
    if (ref.ok) standardRef = ref.number;
    else err(ref.field, input.standardRef ? ref.code : 'required', ref.params);
  }

  // Dates: issued, not yet expired, expiring after the issue.
  const today = bangkokDay(now);
  const issuedOk = validDate(input.issuedOn ?? '');
  const expiresOk = validDate(input.expiresOn ?? '');
  if (!issuedOk) err('issuedOn', 'bad_date');
  else if (input.issuedOn > today) err('issuedOn', 'issued_in_future');
  if (!expiresOk) err('expiresOn', 'bad_date');
  else if (issuedOk && input.expiresOn <= input.issuedOn) err('expiresOn', 'expiry_before_issue');
  else if (input.expiresOn < today) err('expiresOn', 'already_expired');

  // What it is for: a mark belongs to a product (or one variant), evidence to the shop.
  let productId: string | null = null;
  let variantId: string | null = null;
  let originProvince: string | null = null;
  if (mark) {
    if (!input.productId) err('productId', 'required');
    else {
      const product = (await productFacts(db, [input.productId])).get(input.productId);
      if (!product || product.sellerId !== sellerId) err('productId', 'not_product_of_shop');
      else {
        productId = product.id;
        originProvince = product.originProvinceCode;
        if (input.variantId) {
          if (product.variantIds.includes(input.variantId)) variantId = input.variantId;
          else err('variantId', 'not_variant_of_product');
        }
      }
    }
  } else if (input.productId) err('productId', 'evidence_is_for_the_shop');

  // The kind's own facts.
  const d = input.details ?? {};
  const details: Record<string, unknown> = checked.ok ? { ...checked.facts } : {};
  let giId: string | null = null;
  let originAreaCode: string | null = null;
  switch (kind) {
    case 'otop': {
      if (!Number.isInteger(d.stars) || d.stars! < 1 || d.stars! > 5) err('details.stars', 'otop_stars');
      // The selection year, in either calendar; kept in the common era.
      const year = Number.isInteger(d.year) ? (d.year! > 2400 ? d.year! - 543 : d.year!) : Number.NaN;
      const thisYear = Number(today.slice(0, 4));
      if (!(year >= 2004 && year <= thisYear)) err('details.year', 'otop_year', { max: thisYear });
      Object.assign(details, { stars: d.stars, year });
      break;
    }
    case 'thai_hom_mali':
      if (!d.variety || !RICE_VARIETIES.includes(d.variety))
        err('details.variety', 'rice_variety', { allowed: RICE_VARIETIES.join(', ') });
      if (typeof d.purityPercent !== 'number' || d.purityPercent < THAI_HOM_MALI_MIN_PURITY || d.purityPercent > 100)
        err('details.purityPercent', 'rice_purity', { min: THAI_HOM_MALI_MIN_PURITY });
      Object.assign(details, { variety: d.variety, purityPercent: d.purityPercent });
      break;
    case 'trademark':
      if (!d.brand?.trim()) err('details.brand', 'required');
      Object.assign(details, { brand: d.brand?.trim() });
      break;
    case 'trademark_authorisation': {
      const tm = checkTrademarkNumber(d.trademarkNumber ?? '', 'details.trademarkNumber');
      if (!tm.ok) err(tm.field, tm.code);
      if (!d.brand?.trim()) err('details.brand', 'required');
      if (!d.ownerName?.trim()) err('details.ownerName', 'required');
      if (!d.grantorName?.trim()) err('details.grantorName', 'required');
      // One level only: the authorisation must come from the owner itself, not from a licensee.
      else if (d.ownerName?.trim() && !sameName(d.ownerName, d.grantorName))
        err('details.grantorName', 'not_the_owner');
      if (d.exclusive !== true) err('details.exclusive', 'not_exclusive');
      Object.assign(details, {
        brand: d.brand?.trim(),
        trademarkNumber: tm.ok ? tm.number : d.trademarkNumber,
        ownerName: d.ownerName?.trim(),
        grantorName: d.grantorName?.trim(),
        exclusive: d.exclusive === true,
      });
      break;
    }
    case 'gi': {
      if (!input.giId) err('giId', 'required');
      const place = input.originAreaCode ? placeOf(input.originAreaCode) : null;
      if (!input.originAreaCode) err('originAreaCode', 'required');
      else if (!place) err('originAreaCode', 'unknown_place');
      else if (originProvince && place.provinceCode !== originProvince)
        err('originAreaCode', 'not_product_origin', { province: originProvince });
      if (input.giId) {
        const [gi] = await db.select().from(geographicalIndications).where(eq(geographicalIndications.id, input.giId));
        if (!gi) err('giId', 'unknown_gi');
        else {
          giId = gi.id;
          if (place) {
            const area = (await db.select().from(giAreas).where(eq(giAreas.giId, gi.id))).map((a) => a.areaCode);
            const problem = giAreaProblem(area, place.code);
            if (problem) errors.push({ ...problem, params: { gi: gi.nameTh } });
            else originAreaCode = place.code;
          }
        }
      }
      break;
    }
  }

  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
  if (!checked.ok) throw new Error('unreachable');
  return {
    kind,
    productId,
    variantId,
    number: checked.number,
    numberKey: checked.key,
    standardRef,
    giId,
    originAreaCode,
    details,
    issuedOn: input.issuedOn,
    expiresOn: input.expiresOn,
  };
}
