// The API's shapes as the web app reads them (the full contracts are in /docs/json).
export interface I18nText {
  th: string;
  zh?: string | null;
  en?: string | null;
}
export interface ProvinceRef {
  code: string;
  th: string;
  zh: string;
  en: string;
}

/** A shop as products carry it. */
export interface ShopSummary {
  id: string;
  slug: string;
  shopName: string;
  shopNameI18n: I18nText;
  provinceCode: string;
  isFlagship: boolean;
}
/** GET /api/shops/:slug */
export interface Shop {
  id: string;
  slug: string;
  shopName: I18nText;
  businessType: string;
  province: ProvinceRef;
  isFlagship: boolean;
}

export interface ProductSummary {
  id: string;
  slug: string;
  title: string;
  titleLang: string;
  titleI18n: I18nText;
  minPriceSatang: number;
  currency: 'THB';
  thumbnailUrl?: string | null;
  categoryId: string;
  originProvinceCode: string;
  perishable: boolean;
  shop: ShopSummary;
}

export interface PublicVariant {
  id: string;
  sku: string;
  gtin: string | null;
  optionValues: string[];
  priceSatang: number;
  weightGrams: number;
}

export interface ProductDetail extends ProductSummary {
  description: string;
  descriptionLang: string;
  descriptionI18n: I18nText;
  options: { name: string; nameI18n: I18nText }[];
  variants: PublicVariant[];
  images: { id: string; url: string; thumbnailUrl: string; width: number; height: number; alt: string | null }[];
  categoryPath: { id: string; slug: string; name: string }[];
  originProvince: { code: string; name: string };
  shelfLifeDays: number | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
}

export interface CategoryNode {
  id: string;
  slug: string;
  name: string;
  children: CategoryNode[];
}
