// Response shapes shared by identity's routes and the routes that show a user (GET /api/me).
import { Type, type TSchema } from 'typebox';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const LocaleSchema = Type.Enum(['th', 'zh', 'en']);

export const userProperties = {
  id: Type.String({ format: 'uuid' }),
  email: Nullable(Type.String()),
  phone: Nullable(
    Type.String({ description: 'E.164: a Thai (+66812345678) or mainland China (+8613800138000) mobile' }),
  ),
  displayName: Type.String(),
  locale: LocaleSchema,
  roles: Type.Array(Type.Enum(['buyer', 'operator'])),
  createdAt: Type.String({ format: 'date-time' }),
};
export const UserSchema = Type.Object(userProperties);

export const ApiTokenSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  sellerId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the secret, to tell tokens apart' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
});
