// Ids are UUIDv7 made in the application (time-ordered, so indexes stay compact), not by
// PostgreSQL 18's uuidv7(), which PostgreSQL 15 servers lack.
import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

export const newId = (): string => uuidv7();

/** A random secret for cookies and tokens: 32 bytes, base64url. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Secrets are stored as SHA-256 hashes, so a leaked table opens no session. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');
