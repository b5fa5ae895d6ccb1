// TypeBox shapes of the sellers API. The request shapes check types and sizes; the service checks
// meaning (check digits, provinces, banks) and names every bad field in three languages.
import { Type } from 'typebox';
import { Nullable, userProperties, ApiTokenSchema } from '../identity/index.ts';

export { ApiTokenSchema };

const BusinessTypeSchema = Type.Enum(
  ['individual', 'company', 'community_enterprise', 'cooperative', 'otop_producer'],
  { description: 'individual, company, community_enterprise (วิสาหกิจชุมชน), cooperative (สหกรณ์) or otop_producer' },
);
export const SellerStatusSchema = Type.Enum(['pending', 'approved', 'rejected', 'suspended']);
const Text = (max: number) => Type.String({ maxLength: max });
const OptionalText = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));

export const ShopApplicationBody = Type.Object(
  {
    legalName: Type.Object({ th: Text(400), en: OptionalText(400) }, { additionalProperties: false }),
    shopName: Type.Object(
      { th: Text(200), zh: OptionalText(200), en: OptionalText(200) },
      { additionalProperties: false },
    ),
    businessType: BusinessTypeSchema,
    taxId: Type.String({ maxLength: 32, description: '13-digit tax or national ID; dashes and spaces are allowed' }),
    provinceCode: Type.String({
      maxLength: 2,
      description: "2-digit province code, e.g. '10' for Bangkok (GET /api/provinces)",
    }),
    contactPhone: Type.String({ maxLength: 32, description: 'Thai mobile number' }),
    contactEmail: OptionalText(254),
    payout: Type.Object(
      {
        method: Type.Enum(['promptpay', 'bank_account']),
        promptpayId: OptionalText(32),
        bankCode: OptionalText(8),
        accountNumber: OptionalText(32),
        accountName: OptionalText(400),
      },
      { additionalProperties: false },
    ),
    vatRegistered: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

const LocalizedText = Type.Object({ th: Type.String(), zh: Nullable(Type.String()), en: Nullable(Type.String()) });
const ProvinceRefSchema = Type.Object({
  code: Type.String(),
  th: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  region: Type.String(),
});

export const SellerSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  status: SellerStatusSchema,
  rejectionReason: Nullable(Type.String()),
  suspensionReason: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String({ format: 'date-time' })),
  legalName: Type.Object({ th: Type.String(), en: Nullable(Type.String()) }),
  shopName: LocalizedText,
  businessType: BusinessTypeSchema,
  taxId: Type.String(),
  province: ProvinceRefSchema,
  contactPhone: Type.String(),
  contactEmail: Nullable(Type.String()),
  payout: Type.Object({
    method: Type.Enum(['promptpay', 'bank_account']),
    promptpayId: Nullable(Type.String({ description: 'Masked except the last 4 characters' })),
    bankCode: Nullable(Type.String()),
    accountNumber: Nullable(Type.String({ description: 'Masked except the last 4 digits' })),
    accountName: Nullable(Type.String()),
  }),
  vatRegistered: Type.Boolean(),
  handlingHours: Type.Union([Type.Integer(), Type.Null()]),
  isFlagship: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ShopSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  shopName: LocalizedText,
  businessType: BusinessTypeSchema,
  province: ProvinceRefSchema,
  isFlagship: Type.Boolean(),
});

const RoleSchema = Type.Enum(['owner', 'staff']);
export const MembershipSchema = Type.Object({
  sellerId: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  role: RoleSchema,
  status: SellerStatusSchema,
  shopName: LocalizedText,
});
export const MeSchema = Type.Object({ ...userProperties, sellers: Type.Array(MembershipSchema) });

export const InvitationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  sellerId: Type.String({ format: 'uuid' }),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
});
export const MemberSchema = Type.Object({
  userId: Type.String({ format: 'uuid' }),
  role: RoleSchema,
  displayName: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  joinedAt: Type.String({ format: 'date-time' }),
});

export const BankSchema = Type.Object({
  code: Type.String(),
  abbr: Type.String(),
  th: Type.String(),
  zh: Type.String(),
  en: Type.String(),
});
export const ProvinceSchema = Type.Object({
  code: Type.String(),
  iso: Type.String(),
  th: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  region: Type.String(),
  secondaryCity: Type.Boolean(),
});
