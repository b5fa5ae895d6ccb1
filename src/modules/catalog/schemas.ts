// The catalog's request and response shapes for the routes and the OpenAPI document.
import { Type, type TSchema } from 'typebox';
import { Localized, Pagination, Uuid } from '../../platform/http.ts';
import { PROVINCE_CODES } from '../../platform/provinces.ts';
import { HS_CODE_PATTERN, MAX_PRICE_SATANG, MAX_WEIGHT_GRAMS, SLUG_PATTERN } from './validation.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Translation = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));
const TextIn = (maxLength: number) =>
  Type.Object(
    {
      th: Type.String({ minLength: 1, maxLength, description: 'Thai, required' }),
      zh: Translation(maxLength),
      en: Translation(maxLength),
    },
    {
      additionalProperties: false,
      description: 'Thai required; Chinese (zh-Hans) and English optional, falling back to Thai',
    },
  );

export const ProductStatus = Type.Enum(['draft', 'active', 'archived']);
export const Languages = Type.Array(Type.Enum(['zh', 'en']), {
  description: 'Translations the title, description or option names lack',
});
const DateTime = Type.String({ format: 'date-time' });

const variantFields = {
  sku: Type.String({ minLength: 1, maxLength: 64, description: 'Unique within the shop' }),
  gtin: Type.Optional(
    Nullable(Type.String({ maxLength: 14, description: 'GTIN-8/12/13/14 (EAN/UPC barcode) with a valid check digit' })),
  ),
  optionValues: Type.Optional(
    Type.Array(TextIn(60), { maxItems: 3, description: "One per option name, in the product's option order" }),
  ),
  priceSatang: Type.Integer({
    minimum: 1,
    maximum: MAX_PRICE_SATANG,
    description: 'Price in satang (1 THB = 100 satang)',
  }),
  weightGrams: Type.Integer({ minimum: 1, maximum: MAX_WEIGHT_GRAMS }),
  active: Type.Optional(Type.Boolean({ default: true })),
};
export const VariantBody = Type.Object(variantFields, { additionalProperties: false });
export const VariantPatch = Type.Object(
  {
    sku: Type.Optional(variantFields.sku),
    gtin: variantFields.gtin,
    optionValues: variantFields.optionValues,
    priceSatang: Type.Optional(variantFields.priceSatang),
    weightGrams: Type.Optional(variantFields.weightGrams),
    active: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);

const productFields = {
  categoryId: Uuid,
  slug: Type.String({
    pattern: SLUG_PATTERN,
    maxLength: 80,
    description: 'Link name, a-z 0-9 and dashes; made from the English title when left out',
  }),
  title: TextIn(200),
  description: TextIn(10_000),
  optionNames: Type.Array(TextIn(40), { maxItems: 3, description: 'e.g. [{th: "น้ำหนัก", zh: "重量", en: "Weight"}]' }),
  hsCode: Nullable(
    Type.String({
      maxLength: 16,
      description: `Harmonized System code, 6 to 10 digits (${HS_CODE_PATTERN}); dots allowed`,
    }),
  ),
  originProvinceCode: Type.Enum(PROVINCE_CODES, { description: '2-digit province code (ISO 3166-2:TH without "TH-")' }),
  perishable: Type.Boolean(),
  shelfLifeDays: Nullable(Type.Integer({ minimum: 1, maximum: 3650, description: 'Required when perishable' })),
};
export const ProductBody = Type.Object(
  {
    categoryId: productFields.categoryId,
    slug: Type.Optional(productFields.slug),
    title: productFields.title,
    description: productFields.description,
    optionNames: Type.Optional(productFields.optionNames),
    hsCode: Type.Optional(productFields.hsCode),
    originProvinceCode: productFields.originProvinceCode,
    perishable: Type.Optional(Type.Boolean({ default: false })),
    shelfLifeDays: Type.Optional(productFields.shelfLifeDays),
    variants: Type.Optional(Type.Array(VariantBody, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export const ProductPatch = Type.Partial(Type.Object(productFields), { additionalProperties: false });

export const StatusBody = Type.Object({ status: ProductStatus }, { additionalProperties: false });
export const ImageOrderBody = Type.Object(
  { imageIds: Type.Array(Uuid, { maxItems: 50 }) },
  { additionalProperties: false },
);

export const SellerParams = Type.Object({ sellerId: Uuid });
export const ProductParams = Type.Object({ sellerId: Uuid, productId: Uuid });
export const VariantParams = Type.Object({ sellerId: Uuid, productId: Uuid, variantId: Uuid });
export const ImageParams = Type.Object({ sellerId: Uuid, productId: Uuid, imageId: Uuid });

const Variant = Type.Object({
  id: Uuid,
  sku: Type.String(),
  gtin: Nullable(Type.String()),
  optionValues: Type.Array(Localized),
  priceSatang: Type.Integer(),
  weightGrams: Type.Integer(),
  active: Type.Boolean(),
  position: Type.Integer(),
});
const Image = Type.Object({
  id: Uuid,
  url: Type.String(),
  thumbnailUrl: Type.String({ description: `WebP, at most 400 px on the longer side` }),
  contentType: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  alt: Nullable(Type.String()),
  position: Type.Integer(),
});
const summaryFields = {
  id: Uuid,
  sellerId: Uuid,
  categoryId: Uuid,
  slug: Type.String(),
  status: ProductStatus,
  title: Localized,
  minPriceSatang: Nullable(Type.Integer({ description: 'Lowest price of the active variants' })),
  missingLanguages: Languages,
  updatedAt: DateTime,
};
export const SellerProductSummary = Type.Object({ ...summaryFields, thumbnailUrl: Nullable(Type.String()) });
export const SellerProduct = Type.Object({
  ...summaryFields,
  description: Localized,
  optionNames: Type.Array(Localized),
  hsCode: Nullable(Type.String()),
  originProvinceCode: Type.String(),
  perishable: Type.Boolean(),
  shelfLifeDays: Nullable(Type.Integer()),
  publishedAt: Nullable(DateTime),
  createdAt: DateTime,
  variants: Type.Array(Variant),
  images: Type.Array(Image),
});

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    perPage: Type.Integer(),
    total: Type.Integer(),
  });

const LocaleTag = Type.Enum(['th', 'zh', 'en'], {
  description: 'The language the text is really in (Thai when no translation)',
});
const Shop = Type.Object({
  id: Uuid,
  slug: Type.String(),
  shopName: Type.String(),
  shopNameI18n: Localized,
  provinceCode: Type.String(),
  isFlagship: Type.Boolean(),
});
const publicFields = {
  id: Uuid,
  slug: Type.String(),
  title: Type.String({ description: "In the request's language, falling back to Thai" }),
  titleLang: LocaleTag,
  titleI18n: Localized,
  minPriceSatang: Type.Integer(),
  currency: Type.Literal('THB'),
  categoryId: Uuid,
  originProvinceCode: Type.String(),
  perishable: Type.Boolean(),
  publishedAt: Nullable(DateTime),
  shop: Shop,
};
export const PublicProductItem = Type.Object({ ...publicFields, thumbnailUrl: Nullable(Type.String()) });
const CategoryStep = Type.Object({ id: Uuid, slug: Type.String(), name: Type.String(), nameI18n: Localized });
export const PublicProduct = Type.Object({
  ...publicFields,
  description: Type.String(),
  descriptionLang: LocaleTag,
  descriptionI18n: Localized,
  options: Type.Array(Type.Object({ name: Type.String(), nameI18n: Localized })),
  variants: Type.Array(
    Type.Object({
      id: Uuid,
      sku: Type.String(),
      gtin: Nullable(Type.String()),
      optionValues: Type.Array(Type.String()),
      optionValuesI18n: Type.Array(Localized),
      priceSatang: Type.Integer(),
      weightGrams: Type.Integer(),
    }),
  ),
  images: Type.Array(
    Type.Object({
      id: Uuid,
      url: Type.String(),
      thumbnailUrl: Type.String(),
      width: Type.Integer(),
      height: Type.Integer(),
      alt: Nullable(Type.String()),
    }),
  ),
  categoryPath: Type.Array(CategoryStep, { description: "From the top category down to the product's own" }),
  originProvince: Type.Object({ code: Type.String(), name: Type.String() }),
  hsCode: Nullable(Type.String()),
  shelfLifeDays: Nullable(Type.Integer()),
});

// Query strings accept unknown parameters (tracking tags on shared links must not break a page).
export const ProductQuery = Type.Object({
  ...Pagination.properties,
  category: Type.Optional(
    Type.String({ maxLength: 80, description: 'Category slug or id; includes its sub-categories' }),
  ),
  seller: Type.Optional(Type.String({ maxLength: 80, description: 'Shop slug or id' })),
  province: Type.Optional(Type.Enum(PROVINCE_CODES, { description: 'Origin province code' })),
  minPriceSatang: Type.Optional(
    Type.Integer({ minimum: 0, description: "On the product's lowest variant price, in satang" }),
  ),
  maxPriceSatang: Type.Optional(
    Type.Integer({ minimum: 0, description: "On the product's lowest variant price, in satang" }),
  ),
  sort: Type.Optional(Type.Enum(['newest', 'price_asc', 'price_desc'], { default: 'newest' })),
});
export const SellerProductQuery = Type.Object({ ...Pagination.properties, status: Type.Optional(ProductStatus) });

/** Registered once with app.addSchema: the tree refers to itself. */
export const CategoryNodeSchema = Type.Object(
  {
    id: Uuid,
    slug: Type.String(),
    name: Type.String(),
    nameLang: LocaleTag,
    nameI18n: Localized,
    children: Type.Array(Type.Ref('CatalogCategoryNode')),
  },
  { $id: 'CatalogCategoryNode' },
);
