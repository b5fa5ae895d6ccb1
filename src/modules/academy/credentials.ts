// Open Badges 3.0 credentials as VC-JWT: the JSON-LD credential (VerifiableCredential +
// OpenBadgeCredential, issuer profile, validFrom, achievement with criteria, credentialStatus for
// revocation) signed with the academy's Ed25519 key (JWS alg EdDSA, node:crypto). The public key is
// published as a JWK set; verification checks the signature against a key the academy issued, the
// issuer, the dates and the revocation list.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireOperator } from './access.ts';
import { courseById } from './course.ts';
import { academyCredentials, academyIssuerKeys } from './schema.ts';

let publicBase = 'http://localhost:3000';
/** The address credentials and their verification page are published under (PUBLIC_URL). */
export const setPublicBase = (url: string): void => {
  publicBase = url.replace(/\/$/, '');
};
export const issuerId = (): string => `${publicBase}/api/academy/issuer`;
export const verifyPageUrl = (id: string): string => `${publicBase}/academy/verify/${id}`;

const b64 = (x: Buffer | string) => Buffer.from(x).toString('base64url');
const KEY_ID = 'academy-ed25519-1';

/** The current signing key, made once (concurrent first calls keep the one stored first). */
async function signingKey(db: Executor): Promise<{ id: string; privatePem: string }> {
  const [k] = await db.select().from(academyIssuerKeys).where(isNull(academyIssuerKeys.retiredAt)).limit(1);
  if (k) return k;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  await db
    .insert(academyIssuerKeys)
    .values({
      id: KEY_ID,
      publicJwk: { ...jwk, kid: KEY_ID, alg: 'EdDSA', use: 'sig' },
      privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    })
    .onConflictDoNothing();
  const [stored] = await db.select().from(academyIssuerKeys).where(eq(academyIssuerKeys.id, KEY_ID));
  return stored as { id: string; privatePem: string };
}

export async function issuerJwks(db: Executor): Promise<{ keys: Record<string, string>[] }> {
  await signingKey(db);
  const rows = await db.select({ jwk: academyIssuerKeys.publicJwk }).from(academyIssuerKeys);
  return { keys: rows.map((r) => r.jwk) };
}

export function issuerProfile() {
  return {
    id: issuerId(),
    type: ['Profile'],
    name: 'Talad Academy (สถาบันตลาด)',
    url: publicBase,
  };
}

function credentialJson(id: string, courseId: string, learnerName: string, userId: string, validFrom: Date) {
  const c = courseById(courseId);
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: issuerProfile(),
    validFrom: validFrom.toISOString(),
    name: c?.title.en ?? courseId,
    credentialSubject: {
      id: `urn:uuid:${userId}`,
      type: ['AchievementSubject'],
      name: learnerName,
      achievement: {
        id: `${publicBase}/api/academy/courses/${courseId}/achievement`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: c?.title.th ?? courseId,
        description: c?.summary.en ?? '',
        criteria: {
          narrative: `Completed the course and passed its final quiz (at least ${c?.quiz.passPercent ?? 0}%).`,
        },
        inLanguage: 'th',
      },
    },
    credentialStatus: {
      id: `${publicBase}/api/academy/credentials/${id}/status`,
      type: '1EdRevocationList',
    },
  };
}

/** Issues the learner's credential for a course once; a second call returns the first. */
export async function issueCredential(
  db: Executor,
  input: { userId: string; courseId: string; learnerName: string },
): Promise<{ id: string; jwt: string }> {
  const [existing] = await db
    .select({ id: academyCredentials.id, jwt: academyCredentials.jwt })
    .from(academyCredentials)
    .where(and(eq(academyCredentials.userId, input.userId), eq(academyCredentials.courseId, input.courseId)));
  if (existing) return existing;
  const key = await signingKey(db);
  const id = newId();
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const vc = credentialJson(id, input.courseId, input.learnerName, input.userId, now);
  const header = { alg: 'EdDSA', typ: 'JWT', kid: key.id };
  const payload = {
    iss: issuerId(),
    sub: vc.credentialSubject.id,
    jti: vc.id,
    nbf: Math.floor(now.getTime() / 1000),
    iat: Math.floor(now.getTime() / 1000),
    vc,
  };
  const input64 = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  const sig = sign(null, Buffer.from(input64), createPrivateKey(key.privatePem));
  const jwt = `${input64}.${b64(sig)}`;
  await db
    .insert(academyCredentials)
    .values({ id, userId: input.userId, courseId: input.courseId, learnerName: input.learnerName, jwt, keyId: key.id })
    .onConflictDoNothing();
  const [row] = await db
    .select({ id: academyCredentials.id, jwt: academyCredentials.jwt })
    .from(academyCredentials)
    .where(and(eq(academyCredentials.userId, input.userId), eq(academyCredentials.courseId, input.courseId)));
  return row as { id: string; jwt: string };
}

export type VerifyCheck = 'format' | 'signature' | 'issuer' | 'dates' | 'revocation';
export interface Verification {
  valid: boolean;
  checks: Record<VerifyCheck, boolean>;
  credential: Record<string, unknown> | null;
  revokedAt: string | null;
}

/** Verifies a VC-JWT as anyone would: signature by an academy key, issuer, dates and revocation. */
export async function verifyCredentialJwt(db: Executor, jwt: string, now = new Date()): Promise<Verification> {
  const checks: Record<VerifyCheck, boolean> = {
    format: false,
    signature: false,
    issuer: false,
    dates: false,
    revocation: false,
  };
  const out = (credential: Record<string, unknown> | null, revokedAt: string | null = null): Verification => ({
    valid: Object.values(checks).every(Boolean),
    checks,
    credential,
    revokedAt,
  });
  const parts = jwt.trim().split('.');
  if (parts.length !== 3) return out(null);
  let header: { alg?: string; kid?: string };
  let payload: { iss?: string; nbf?: number; exp?: number; jti?: string; vc?: Record<string, unknown> };
  try {
    header = JSON.parse(Buffer.from(parts[0] as string, 'base64url').toString());
    payload = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString());
  } catch {
    return out(null);
  }
  const vc = payload.vc ?? null;
  const types = (vc?.type as string[] | undefined) ?? [];
  checks.format =
    header.alg === 'EdDSA' && types.includes('VerifiableCredential') && types.includes('OpenBadgeCredential');
  const [key] = header.kid ? await db.select().from(academyIssuerKeys).where(eq(academyIssuerKeys.id, header.kid)) : [];
  if (key) {
    try {
      checks.signature = verify(
        null,
        Buffer.from(`${parts[0]}.${parts[1]}`),
        createPublicKey({ key: key.publicJwk, format: 'jwk' }),
        Buffer.from(parts[2] as string, 'base64url'),
      );
    } catch {
      checks.signature = false;
    }
  }
  const vcIssuer = (vc?.issuer as { id?: string } | undefined)?.id;
  checks.issuer = payload.iss === issuerId() && vcIssuer === issuerId();
  const validFrom = Date.parse(String(vc?.validFrom ?? ''));
  const validUntil = vc?.validUntil ? Date.parse(String(vc.validUntil)) : null;
  checks.dates =
    Number.isFinite(validFrom) &&
    validFrom <= now.getTime() &&
    (payload.nbf ?? 0) * 1000 <= now.getTime() &&
    (validUntil === null || validUntil > now.getTime()) &&
    (payload.exp === undefined || payload.exp * 1000 > now.getTime());
  const id = String(payload.jti ?? '').replace(/^urn:uuid:/, '');
  let revokedAt: string | null = null;
  if (/^[0-9a-f-]{36}$/.test(id)) {
    const [row] = await db
      .select({ revokedAt: academyCredentials.revokedAt })
      .from(academyCredentials)
      .where(eq(academyCredentials.id, id));
    checks.revocation = Boolean(row) && !row?.revokedAt;
    revokedAt = row?.revokedAt?.toISOString() ?? null;
  }
  return out(vc, revokedAt);
}

export async function credentialById(db: Executor, id: string) {
  const [row] = await db.select().from(academyCredentials).where(eq(academyCredentials.id, id));
  if (!row) throw notFound('credential');
  return row;
}

export async function revokeCredential(db: Executor, actor: Actor, id: string, reason: string) {
  requireOperator(actor);
  const rows = await db
    .update(academyCredentials)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(academyCredentials.id, id), isNull(academyCredentials.revokedAt)))
    .returning({ id: academyCredentials.id });
  if (!rows.length) await credentialById(db, id);
  return { id, revoked: true };
}
