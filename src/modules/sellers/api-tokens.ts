// A shop's integration tokens. Only the owner creates them (a token acts for the whole shop, so it
// is the owner's decision, not staff's); the owner or an operator lists and revokes them, e.g. after
// a leak. Identity stores them; this module decides who may.
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { forbidden } from '../../platform/errors.ts';
import { issueApiToken, listApiTokens, revokeApiToken, type ApiToken } from '../identity/index.ts';
import { requireSellerAccess } from './access.ts';

export async function createSellerApiToken(
  db: Executor,
  actor: Actor,
  sellerId: string,
  input: { name: string },
): Promise<{ token: ApiToken; secret: string }> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true, membersOnly: true });
  if (actor.kind !== 'user') throw forbidden();
  return issueApiToken(db, { sellerId, name: input.name, createdBy: actor.userId });
}

export async function listSellerApiTokens(db: Executor, actor: Actor, sellerId: string): Promise<ApiToken[]> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true });
  return listApiTokens(db, sellerId);
}

export async function revokeSellerApiToken(
  db: Executor,
  actor: Actor,
  sellerId: string,
  tokenId: string,
): Promise<void> {
  await requireSellerAccess(db, actor, sellerId, { ownerOnly: true });
  await revokeApiToken(db, { sellerId, tokenId });
}
