// Identity: accounts, sign-in, server-side sessions and seller API tokens. This file resolves who
// is calling; accounts.ts and api-tokens.ts hold the rest, re-exported here for other modules.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { hashSecret } from '../../platform/ids.ts';
import type { Executor } from '../../platform/db.ts';
import { sessions, users, apiTokens } from './schema.ts';
import { API_TOKEN_PREFIX } from './api-tokens.ts';

export * from './accounts.ts';
export * from './api-tokens.ts';

export const SESSION_COOKIE = 'talad_session';
/** A session's last_seen_at is written at most this often: one UPDATE per session per five minutes. */
export const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;
export const GUEST_COOKIE = 'talad_guest';

/**
 * Who is calling: a seller integration (Bearer API token), a signed-in user (session cookie), or a
 * guest (whose cart, if any, is keyed by the guest cookie). Guests cost no database round trip.
 */
export async function resolveActor(
  db: Executor,
  cookies: Record<string, string | undefined>,
  authorization?: string,
): Promise<Actor> {
  const guest = cookies[GUEST_COOKIE];
  const guestTokenHash = guest ? hashSecret(guest) : null;
  if (authorization?.startsWith('Bearer ')) {
    const token = authorization.slice(7).trim();
    if (token.startsWith(API_TOKEN_PREFIX)) {
      const [row] = await db
        .select({ id: apiTokens.id, sellerId: apiTokens.sellerId })
        .from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, hashSecret(token)), isNull(apiTokens.revokedAt)));
      if (row) {
        await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.id));
        return { kind: 'token', sellerId: row.sellerId, tokenId: row.id };
      }
    }
    return { kind: 'guest', guestTokenHash };
  }
  const session = cookies[SESSION_COOKIE];
  if (session) {
    const tokenHash = hashSecret(session);
    const [row] = await db
      .select({ userId: users.id, isOperator: users.isOperator, lastSeenAt: sessions.lastSeenAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)));
    if (row) {
      // The flash sale's hot path: the time is read with the session (no extra query) and written
      // only when it is five minutes old, never on every request.
      if (Date.now() - row.lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS)
        await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.tokenHash, tokenHash));
      return { kind: 'user', userId: row.userId, isOperator: row.isOperator, guestTokenHash };
    }
  }
  return { kind: 'guest', guestTokenHash };
}
