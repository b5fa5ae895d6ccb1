// Resellers: the OTAs and agents (Fliggy, Klook, GetYourGuide…) that book through the OCTO API.
// The platform operator issues each one an API key; only its SHA-256 is stored, the key is shown once.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { resellers } from './schema.ts';

export const RESELLER_KEY_PREFIX = 'octo_';
const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

function requireOperator(actor: Actor): void {
  if (actor.kind !== 'user' || !actor.isOperator) throw forbidden();
}

const viewOf = (r: typeof resellers.$inferSelect) => ({
  id: r.id,
  name: r.name,
  keyPrefix: r.keyPrefix,
  createdAt: r.createdAt.toISOString(),
  revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null,
});

/** Issues a reseller and its API key (answered once, never stored in the clear). */
export async function createReseller(db: Executor, actor: Actor, name: string) {
  requireOperator(actor);
  const key = `${RESELLER_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const [row] = await db
    .insert(resellers)
    .values({ id: newId(), name: name.trim(), keyHash: hashKey(key), keyPrefix: key.slice(0, 10) })
    .returning();
  return { ...viewOf(row), apiKey: key };
}

export async function listResellers(db: Executor, actor: Actor) {
  requireOperator(actor);
  return (await db.select().from(resellers).orderBy(asc(resellers.createdAt))).map(viewOf);
}

export async function revokeReseller(db: Executor, actor: Actor, id: string) {
  requireOperator(actor);
  const [row] = await db
    .update(resellers)
    .set({ revokedAt: new Date() })
    .where(and(eq(resellers.id, id), isNull(resellers.revokedAt)))
    .returning();
  if (!row) {
    const [was] = await db.select().from(resellers).where(eq(resellers.id, id));
    if (!was) throw new AppError(404, 'not_found', { what: 'reseller' });
    return viewOf(was);
  }
  return viewOf(row);
}

/** The reseller an `Authorization: Bearer <key>` header names; null when missing, unknown or revoked. */
export async function resellerOf(db: Executor, authorization: string | undefined) {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!m || !m[1].startsWith(RESELLER_KEY_PREFIX)) return null;
  const [row] = await db
    .select({ id: resellers.id, name: resellers.name })
    .from(resellers)
    .where(and(eq(resellers.keyHash, hashKey(m[1])), isNull(resellers.revokedAt)));
  return row ?? null;
}
