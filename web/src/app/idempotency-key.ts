// A fresh Idempotency-Key for a money- or stock-moving request; kept while the same request is
// retried, so a double click or a lost answer never acts twice.
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
