// Personal data at rest: AES-256-GCM with a key from configuration (PERSONAL_DATA_KEY), and a keyed
// hash (HMAC-SHA256, IDENTITY_HASH_KEY) that lets the same person be recognised across accounts —
// for the yearly cross-border limit and for the payer check — without keeping the number in clear.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** "v1." + base64(iv | tag | ciphertext). */
export function encryptPersonal(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export function decryptPersonal(key: Buffer, sealed: string): string {
  if (!sealed.startsWith('v1.')) throw new Error('unknown personal-data envelope');
  const raw = Buffer.from(sealed.slice(3), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** The keyed hash of an identity number (upper-cased): equal numbers, equal hashes; nothing else learnt. */
export function identityHash(key: Buffer, idNumber: string): string {
  return createHmac('sha256', key).update(`id:${idNumber.trim().toUpperCase()}`).digest('hex');
}

/** Who must pay: the keyed hash of real name and identity number together. */
export function payerFingerprint(key: Buffer, name: string, idNumber: string): string {
  return createHmac('sha256', key)
    .update(`payer:${name.normalize('NFC').replace(/\s+/g, '')}|${idNumber.trim().toUpperCase()}`)
    .digest('hex');
}

/** 110101********123X: shown instead of the number, everywhere. */
export const maskIdNumber = (id: string) =>
  id.length >= 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : '*'.repeat(id.length);
