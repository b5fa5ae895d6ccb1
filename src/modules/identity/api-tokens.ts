// A seller's integration tokens: `tld_<random>`, shown once, stored as a SHA-256 hash, listed by
// name and prefix, revocable. Identity keeps the table; whether the caller may manage a shop's
// tokens is the sellers module's question (it checks owner access, then calls these).
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { hashSecret, newId, newSecret } from '../../platform/ids.ts';
import { apiTokens } from './schema.ts';

export const API_TOKEN_PREFIX = 'tld_';
const NAME_MAX_LENGTH = 100;
/** How much of the secret is kept in clear to tell tokens apart: "tld_" and 8 characters. */
const VISIBLE_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 8;

export interface ApiToken {
  id: string;
  sellerId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const toApiToken = (r: typeof apiTokens.$inferSelect): ApiToken => ({
  id: r.id,
  sellerId: r.sellerId,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

/** Issues a token for the seller. The caller has already checked that `createdBy` owns the shop. */
export async function issueApiToken(
  db: Executor,
  input: { sellerId: string; name: string; createdBy: string },
): Promise<{ token: ApiToken; secret: string }> {
  const name = input.name.trim();
  if (!name) throw new AppError(422, 'validation_failed', {}, [{ field: 'name', code: 'required' }]);
  if (name.length > NAME_MAX_LENGTH)
    throw new AppError(422, 'validation_failed', {}, [
      { field: 'name', code: 'too_long', params: { max: NAME_MAX_LENGTH } },
    ]);
  const secret = `${API_TOKEN_PREFIX}${newSecret()}`;
  const [row] = await db
    .insert(apiTokens)
    .values({
      id: newId(),
      sellerId: input.sellerId,
      name,
      prefix: secret.slice(0, VISIBLE_PREFIX_LENGTH),
      tokenHash: hashSecret(secret),
      createdBy: input.createdBy,
    })
    .returning();
  return { token: toApiToken(row), secret };
}

export async function listApiTokens(db: Executor, sellerId: string): Promise<ApiToken[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.sellerId, sellerId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toApiToken);
}

/** Revokes at once: resolveActor ignores revoked tokens from the next request on. */
export async function revokeApiToken(db: Executor, input: { sellerId: string; tokenId: string }): Promise<void> {
  const [row] = await db
    .select({ revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.sellerId, input.sellerId)));
  if (!row) throw notFound('api_token');
  await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.sellerId, input.sellerId), isNull(apiTokens.revokedAt)));
}
