// Who a cart (and the checkout made from it) belongs to: a signed-in buyer, or a guest known by the
// hash of a cookie. Stored as one text key ("u:<user id>" or "g:<hash>"); this file alone writes
// and reads that format.
import type { Actor } from '../../platform/actor.ts';

export type CartOwner = { kind: 'user'; userId: string } | { kind: 'guest'; guestTokenHash: string };

export const userOwner = (userId: string): CartOwner => ({ kind: 'user', userId });
export const guestOwner = (guestTokenHash: string): CartOwner => ({ kind: 'guest', guestTokenHash });

/** The actor's cart owner; null for a guest without a cookie yet (no cart to find). */
export function cartOwnerOf(actor: Actor): CartOwner | null {
  if (actor.kind === 'user') return userOwner(actor.userId);
  if (actor.kind === 'guest' && actor.guestTokenHash) return guestOwner(actor.guestTokenHash);
  return null;
}

/** The stored key of an owner. */
export const ownerKey = (owner: CartOwner): string =>
  owner.kind === 'user' ? `u:${owner.userId}` : `g:${owner.guestTokenHash}`;

/** The actor's stored cart key, or null (see cartOwnerOf). */
export function cartOwnerKey(actor: Actor): string | null {
  const owner = cartOwnerOf(actor);
  return owner ? ownerKey(owner) : null;
}

/** An order's buyer columns for this owner. */
export const buyerOf = (owner: CartOwner): { buyerUserId: string | null; guestTokenHash: string | null } =>
  owner.kind === 'user'
    ? { buyerUserId: owner.userId, guestTokenHash: null }
    : { buyerUserId: null, guestTokenHash: owner.guestTokenHash };
