// Request and response shapes of the search API, for validation and the OpenAPI document.
import { Type } from 'typebox';
import { Localized, Uuid } from '../../platform/http.ts';
import { PROVINCE_CODES } from '../../platform/provinces.ts';
import { BUSINESS_TYPES } from '../sellers/index.ts';
import { CERTIFICATION_MARKS } from './messages.ts';

const Lang = Type.Enum(['th', 'zh', 'en'], {
  description: 'Language of names and titles; defaults to Accept-Language, then Thai',
});
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

// Query strings accept unknown parameters (tracking tags on shared links must not break a page).
export const SearchQuerystring = Type.Object({
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'What the buyer typed, in Thai, Chinese or English; words are matched across languages',
    }),
  ),
  lang: Type.Optional(Lang),
  category: Type.Optional(
    Type.String({ maxLength: 80, description: 'Category slug or id; includes its sub-categories' }),
  ),
  seller: Type.Optional(Type.String({ maxLength: 80, description: 'Shop slug or id' })),
  province: Type.Optional(
    Type.Array(Type.Enum(PROVINCE_CODES), {
      maxItems: 77,
      description: 'Origin province codes (repeat the parameter for several)',
    }),
  ),
  sellerType: Type.Optional(
    Type.Array(Type.Enum(BUSINESS_TYPES), { maxItems: 5, description: 'Business types of the shops' }),
  ),
  certification: Type.Optional(
    Type.Array(Type.Enum([...CERTIFICATION_MARKS]), {
      maxItems: CERTIFICATION_MARKS.length,
      description: 'Certification marks verified by Talad (any of them)',
    }),
  ),
  flagship: Type.Optional(Type.Boolean({ description: 'Only products of flagship stores' })),
  minPriceSatang: Type.Optional(
    Type.Integer({ minimum: 0, description: "On the product's lowest variant price, in satang" }),
  ),
  maxPriceSatang: Type.Optional(
    Type.Integer({ minimum: 0, description: "On the product's lowest variant price, in satang" }),
  ),
  inStock: Type.Optional(Type.Boolean({ description: 'Only products with units available' })),
  sort: Type.Optional(
    Type.Enum(['relevance', 'price_asc', 'price_desc', 'newest', 'best_selling'], {
      description: 'Default: relevance with a query, newest without',
    }),
  ),
  facets: Type.Optional(Type.Boolean({ default: true, description: 'Include facet counts' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  perPage: Type.Integer({ minimum: 1, maximum: 100, default: 24 }),
});

const FacetValue = Type.Object({
  value: Type.String(),
  label: Type.String(),
  count: Type.Integer(),
  selected: Type.Boolean(),
});

export const SearchResponse = Type.Object({
  query: Type.String(),
  lang: Lang,
  correctedQuery: Nullable(
    Type.String({ description: 'Shown instead when the query as typed found nothing and a spelling fix did' }),
  ),
  matchedAllWords: Type.Boolean({ description: 'False when no product had every word and these have some of them' }),
  sort: Type.String(),
  total: Type.Integer(),
  page: Type.Integer(),
  perPage: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      slug: Type.String(),
      title: Type.String({ description: 'In the asked language, falling back to Thai' }),
      titleLang: Lang,
      titleI18n: Localized,
      priceSatang: Type.Integer({ description: 'Lowest variant price, satang' }),
      currency: Type.Literal('THB'),
      inStock: Type.Boolean(),
      thumbnailUrl: Nullable(Type.String()),
      categoryId: Uuid,
      originProvince: Type.Object({ code: Type.String(), name: Type.String() }),
      certifications: Type.Array(Type.String(), { description: 'Marks verified by Talad and still valid' }),
      shop: Type.Object({
        id: Uuid,
        slug: Type.String(),
        name: Type.String(),
        nameI18n: Localized,
        isFlagship: Type.Boolean(),
      }),
    }),
  ),
  facets: Type.Union([
    Type.Null(),
    Type.Object(
      {
        categories: Type.Array(
          Type.Object({
            id: Uuid,
            slug: Type.String(),
            name: Type.String(),
            parentId: Type.Union([Uuid, Type.Null()]),
            depth: Type.Integer(),
            count: Type.Integer(),
            selected: Type.Boolean(),
          }),
          { description: 'In tree order (a parent before its children); counts include sub-categories' },
        ),
        provinces: Type.Array(FacetValue),
        sellerTypes: Type.Array(FacetValue),
        certifications: Type.Array(FacetValue),
        priceRanges: Type.Array(
          Type.Object({
            minSatang: Type.Integer(),
            maxSatang: Type.Union([Type.Integer(), Type.Null()]),
            count: Type.Integer(),
            selected: Type.Boolean(),
          }),
        ),
        inStock: Type.Object({ count: Type.Integer(), selected: Type.Boolean() }),
      },
      {
        description:
          'Provinces, seller types, marks, price ranges and stock count the results under every other filter but their own (so a choice can be changed); categories count within the chosen category',
      },
    ),
  ]),
});

export const SuggestQuerystring = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 100, description: 'What has been typed so far' }),
  lang: Type.Optional(Lang),
});

export const SuggestResponse = Type.Object({
  query: Type.String(),
  suggestions: Type.Array(
    Type.Object({
      kind: Type.Enum(['category', 'product', 'shop']),
      text: Type.String({ description: 'In the asked language, falling back to Thai' }),
      id: Uuid,
      slug: Type.String(),
      shopSlug: Type.Optional(Type.String({ description: 'For products: the shop part of its link' })),
    }),
    { maxItems: 8 },
  ),
});
