// What a shop looks like to its members and operators (everything, payout masked) and to the
// public (names, province, business type, flagship; never payout or tax data).
import { provinceByCode, type Region } from '../../platform/provinces.ts';
import type { sellers } from './schema.ts';

export type SellerRow = typeof sellers.$inferSelect;
export type BusinessType = SellerRow['businessType'];
export type SellerStatus = SellerRow['status'];
type Text = { th: string; zh: string | null; en: string | null };

export interface ProvinceRef {
  code: string;
  th: string;
  zh: string;
  en: string;
  region: Region;
}
export interface Payout {
  method: 'promptpay' | 'bank_account';
  promptpayId: string | null;
  bankCode: string | null;
  accountNumber: string | null;
  accountName: string | null;
}
export interface SellerView {
  id: string;
  slug: string;
  status: SellerStatus;
  rejectionReason: string | null;
  /** Why an operator suspended the shop; null unless suspended. */
  suspensionReason: string | null;
  reviewedAt: string | null;
  legalName: { th: string; en: string | null };
  shopName: Text;
  businessType: BusinessType;
  taxId: string;
  province: ProvinceRef;
  contactPhone: string;
  contactEmail: string | null;
  payout: Payout;
  vatRegistered: boolean;
  /** Hours from payment to dispatch the shop promises; null: the platform's default. */
  handlingHours: number | null;
  isFlagship: boolean;
  createdAt: string;
}
export interface ShopView {
  id: string;
  slug: string;
  shopName: Text;
  businessType: BusinessType;
  province: ProvinceRef;
  isFlagship: boolean;
}

/** "0123456789" -> "******6789": enough to recognize an account, not enough to use it. */
export function maskTail(value: string | null): string | null {
  if (value === null) return null;
  return value.length <= 4 ? value : '*'.repeat(value.length - 4) + value.slice(-4);
}

export function provinceRef(code: string): ProvinceRef {
  const p = provinceByCode(code);
  if (!p) return { code, th: code, zh: code, en: code, region: 'central' };
  return { code: p.code, th: p.th, zh: p.zh, en: p.en, region: p.region };
}

export const shopNameOf = (r: SellerRow): Text => ({ th: r.shopNameTh, zh: r.shopNameZh, en: r.shopNameEn });

export function toSellerView(r: SellerRow): SellerView {
  return {
    id: r.id,
    slug: r.slug,
    status: r.status,
    rejectionReason: r.rejectionReason,
    suspensionReason: r.suspensionReason,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    legalName: { th: r.legalNameTh, en: r.legalNameEn },
    shopName: shopNameOf(r),
    businessType: r.businessType,
    taxId: r.taxId,
    province: provinceRef(r.provinceCode),
    contactPhone: r.contactPhone,
    contactEmail: r.contactEmail,
    payout: {
      method: r.payoutMethod,
      promptpayId: maskTail(r.payoutPromptpayId),
      bankCode: r.payoutBankCode,
      accountNumber: maskTail(r.payoutAccountNumber),
      accountName: r.payoutAccountName,
    },
    vatRegistered: r.vatRegistered,
    handlingHours: r.handlingHours ?? null,
    isFlagship: r.isFlagship,
    createdAt: r.createdAt.toISOString(),
  };
}

export function toShopView(r: SellerRow): ShopView {
  return {
    id: r.id,
    slug: r.slug,
    shopName: shopNameOf(r),
    businessType: r.businessType,
    province: provinceRef(r.provinceCode),
    isFlagship: r.isFlagship,
  };
}
